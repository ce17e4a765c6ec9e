package dev.weft.transform.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.transform.report.Problem;
import dev.weft.transform.report.RewriteResult;
import dev.weft.transform.testing.InMemoryJavac;
import dev.weft.transform.testing.JavaSource;
import dev.weft.transform.testing.Weaver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A forgotten await: a {@code Coroutine} dropped at once is a warning at its line; the class is rewritten all the same. */
class ForgottenAwaitsTest {
    static final String SOURCE = String.join("\n",
            "package app;",
            "import dev.weft.*;",
            "public class Forgetful {",
            "    @Async",
            "    static Coroutine<String> sayAfter(double delay, String what) {",
            "        return Coroutine.returning(what);",
            "    }",
            "    /** A library's coroutine: not @Async here, only its declared type says Coroutine. */",
            "    static Coroutine<Integer> fromALibrary() {",
            "        return sayAfter(0, \"x\") == null ? null : null;",
            "    }",
            "    @Async",
            "    static Coroutine<Void> main(Forgetful f) {",
            "        sayAfter(1, \"hello\"); // FORGOTTEN",
            "        Coroutine<String> kept = sayAfter(2, \"kept\");",
            "        pass(sayAfter(3, \"passed on\"));",
            "        sayAfter(4, \"used\").hashCode();",
            "        f.instance(); // FORGOTTEN_INSTANCE",
            "        return Coroutine.done();",
            "    }",
            "    @Async",
            "    Coroutine<Void> instance() {",
            "        return Coroutine.done();",
            "    }",
            "    static void plain() {",
            "        fromALibrary(); // FORGOTTEN_OUTSIDE",
            "        Runnable r = () -> sayAfter(5, \"in a lambda\"); // FORGOTTEN_LAMBDA",
            "    }",
            "    static Object pass(Object o) {",
            "        return o;",
            "    }",
            "}");

    static int lineOf(String tag) {
        String[] lines = SOURCE.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(tag)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(tag);
    }

    @Test
    void aDiscardedCoroutineIsAWarningAtItsLineAndTheClassIsRewritten() {
        Map<String, byte[]> classes = InMemoryJavac.compile(11, List.of(JavaSource.of(SOURCE)));
        RewriteResult result = Weaver.rewriteAll(classes).get("app.Forgetful");
        assertThat(result.changed()).isTrue();
        assertThat(result.warnings()).allMatch(Problem::isWarning).extracting(Problem::line).containsExactlyInAnyOrder(
                lineOf("// FORGOTTEN\n".trim()), lineOf("// FORGOTTEN_INSTANCE"), lineOf("// FORGOTTEN_OUTSIDE"),
                lineOf("// FORGOTTEN_LAMBDA"));
        Problem first = result.warnings().stream().filter(p -> p.line() == lineOf("\"hello\"")).findFirst().orElseThrow();
        assertThat(first.toString()).isEqualTo("app/Forgetful.java:" + lineOf("\"hello\"") + ": warning: in app.Forgetful.main(Forgetful):"
                + " the Coroutine that Forgetful.sayAfter(...) returns is discarded, so it never runs (a coroutine is lazy):"
                + " await it, await(sayAfter(...)), or schedule it with createTask(sayAfter(...))");
    }

    @Test
    void aClassWithoutAsyncMethodsIsWarnedAboutToo() {
        String source = "package app; public class Caller { static void go() { app.Lib.coro(); } }";
        String lib = "package app; public class Lib { public static dev.weft.Coroutine<String> coro() { return null; } }";
        Map<String, byte[]> classes = InMemoryJavac.compile(11, List.of(JavaSource.of(source), JavaSource.of(lib)));
        RewriteResult result = Weaver.rewriteAll(classes).get("app.Caller");
        assertThat(result.changed()).isFalse();
        assertThat(result.warnings()).singleElement().satisfies(p -> assertThat(p.message()).contains("Lib.coro(...) returns is discarded"));
        assertThat(Weaver.rewriteAll(classes).get("app.Lib").warnings()).isEmpty();
    }
}
