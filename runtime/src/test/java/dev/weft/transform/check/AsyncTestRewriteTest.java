package dev.weft.transform.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.transform.report.Problem;
import dev.weft.transform.report.RewriteException;
import dev.weft.transform.testing.Harness;
import dev.weft.transform.testing.InMemoryJavac;
import dev.weft.transform.testing.JavaSource;
import dev.weft.transform.testing.Weaver;
import dev.weft.transform.testing.Woven;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 1: the rewrite of weft-junit's {@code @AsyncTest} methods, known by descriptor (a
 * stand-in annotation of the same name is compiled here, weft-junit being built later): the body
 * moves into a coroutine method {@code asyncTest$name}, the test keeps its descriptor and throws if
 * called directly, and what cannot be a JUnit test is refused.
 */
class AsyncTestRewriteTest {
    private static final JavaSource ANNOTATION = JavaSource.of("package dev.weft.junit;\n"
            + "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)\n"
            + "public @interface AsyncTest {}\n");

    private static List<Problem> problems(String name, String code) {
        Map<String, byte[]> classes = InMemoryJavac.compile(17, List.of(ANNOTATION, JavaSource.of(code)));
        try {
            Weaver.rewriter(classes).rewrite(classes.get(name));
        } catch (RewriteException e) {
            return e.problems();
        }
        throw new AssertionError("the rewrite accepted " + name);
    }

    private static String lines(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void the_body_becomes_a_coroutine_that_awaits_with_the_tests_parameters() throws Exception {
        Woven w = Harness.build(17, List.of(ANNOTATION, JavaSource.of("package t;\n"
                + "import static dev.weft.Weft.*;\n"
                + "import dev.weft.junit.AsyncTest;\n"
                + "public class T {\n"
                + "    public static String seen;\n"
                + "    @AsyncTest\n"
                + "    void test(String who) throws Exception {\n"
                + "        await(sleep(0));\n"
                + "        if (who.isEmpty()) {\n"
                + "            return;\n"
                + "        }\n"
                + "        seen = \"hello \" + who;\n"
                + "    }\n"
                + "}\n")));
        Class<?> type = w.type("t.T");
        Object instance = type.getDeclaredConstructor().newInstance();
        Method body = type.getDeclaredMethod("asyncTest$test", String.class);
        assertThat(body.getReturnType()).isEqualTo(Coroutine.class);
        assertThat(body.isSynthetic()).isTrue();
        assertThat(Modifier.isPrivate(body.getModifiers())).isTrue();
        body.setAccessible(true);

        assertThat(Weft.run((Coroutine<?>) body.invoke(instance, ""))).isNull();
        assertThat(type.getField("seen").get(null)).isNull();
        Weft.run((Coroutine<?>) body.invoke(instance, "loop"));
        assertThat(type.getField("seen").get(null)).isEqualTo("hello loop");

        Method test = type.getDeclaredMethod("test", String.class);
        test.setAccessible(true);
        assertThat(test.getReturnType()).isEqualTo(void.class);
        assertThat(test.getAnnotations()).extracting(a -> a.annotationType().getName()).containsExactly("dev.weft.junit.AsyncTest");
        assertThatThrownBy(() -> test.invoke(instance, "x")).isInstanceOf(InvocationTargetException.class)
                .cause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runs only through weft-junit's AsyncTestExtension");
    }

    @Test
    void what_cannot_be_a_JUnit_test_is_refused_at_its_line() {
        List<Problem> p = problems("m.Bad", "package m;\n"
                + "import dev.weft.*;\n"
                + "import dev.weft.junit.AsyncTest;\n"
                + "class Bad {\n"
                + "    @AsyncTest\n"
                + "    int returns() {\n"
                + "        return 1;\n"
                + "    }\n"
                + "    @AsyncTest\n"
                + "    static void isStatic() {\n"
                + "        Weft.await(Weft.sleep(0));\n"
                + "    }\n"
                + "    @AsyncTest @Async\n"
                + "    Coroutine<Void> both() {\n"
                + "        return Coroutine.done();\n"
                + "    }\n"
                + "}\n");
        assertThat(lines(p)).isEqualTo(
                "m/Bad.java:7: error: in m.Bad.returns(): an @AsyncTest method must return void, as every JUnit test does; its body may await\n"
                + "m/Bad.java:11: error: in m.Bad.isStatic(): an @AsyncTest method cannot be static: JUnit runs only instance test methods\n"
                + "m/Bad.java:15: error: in m.Bad.both(): an @AsyncTest method must return void, as every JUnit test does; its body may await");
    }
}
