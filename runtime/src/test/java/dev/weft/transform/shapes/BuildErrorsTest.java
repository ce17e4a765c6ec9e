package dev.weft.transform.shapes;

import dev.weft.transform.testing.Ecj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.weft.transform.api.Rewriter;
import dev.weft.transform.report.Problem;
import dev.weft.transform.report.RewriteException;
import dev.weft.transform.testing.InMemoryJavac;
import dev.weft.transform.testing.JavaSource;
import dev.weft.transform.testing.Weaver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shapes the rewrite refuses, each a build error that names the file, the line of the marker,
 * the method and what to do instead; for javac (oldest and newest release) and ECJ.
 */
class BuildErrorsTest {
    static Stream<Arguments> compilers() {
        List<Arguments> out = new ArrayList<>();
        BiFunction<Integer, JavaSource, Map<String, byte[]>> javac = (r, s) -> InMemoryJavac.compile(r, List.of(s));
        BiFunction<Integer, JavaSource, Map<String, byte[]>> ecj = (r, s) -> Ecj.compile(r, List.of(s));
        out.add(Arguments.of("javac --release 8", 8, javac));
        out.add(Arguments.of("javac --release " + InMemoryJavac.latestRelease(), InMemoryJavac.latestRelease(), javac));
        out.add(Arguments.of("ECJ --release 8", 8, ecj));
        out.add(Arguments.of("ECJ --release 17", 17, ecj));
        return out.stream();
    }

    /** The line of {@code code} that contains {@code tag}, counted from 1. */
    static int lineOf(String code, String tag) {
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(tag)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(tag);
    }

    /** The problems the rewrite reports for the classes compiled from {@code code}; fails if it reports none. */
    static List<Problem> refused(BiFunction<Integer, JavaSource, Map<String, byte[]>> compiler, int release, String code) {
        Map<String, byte[]> classes = compiler.apply(release, JavaSource.of(code));
        Rewriter rewriter = Weaver.rewriter(classes);
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            try {
                rewriter.rewrite(e.getValue());
            } catch (RewriteException x) {
                problems.addAll(x.problems());
            }
        }
        if (problems.isEmpty()) {
            fail("the rewrite accepted every class of:\n" + code);
        }
        return problems;
    }

    static final String LAMBDA = String.join("\n",
            "package err;",
            "import dev.weft.*;",
            "import java.util.*;",
            "public class InLambda {",
            "    @Async",
            "    static Generator<Integer, Void, Void> gen(List<Integer> xs) {",
            "        Generator.yield(0);",
            "        xs.forEach(x -> {",
            "            Generator.yield(x); // MARKER",
            "        });",
            "        return Generator.done();",
            "    }",
            "}");

    @ParameterizedTest(name = "{0}")
    @MethodSource("compilers")
    void aMarkerInsideALambdaIsABuildErrorAtItsLine(String name, int release, BiFunction<Integer, JavaSource, Map<String, byte[]>> compiler) {
        List<Problem> problems = refused(compiler, release, LAMBDA);
        assertThat(problems).hasSize(1);
        Problem p = problems.get(0);
        assertThat(p.sourceFile()).isEqualTo("InLambda.java");
        assertThat(p.className()).isEqualTo("err.InLambda");
        assertThat(p.line()).isEqualTo(lineOf(LAMBDA, "// MARKER"));
        assertThat(p.message()).contains("Generator.yield inside a lambda")
                .contains("cannot suspend its enclosing @Async method")
                .endsWith("move the code into an @Async method and call it with Generator.yieldFrom");
        assertThat(p.toString()).startsWith("err/InLambda.java:" + lineOf(LAMBDA, "// MARKER") + ": error: in err.InLambda.");
    }

    static final String AWAIT_LAMBDA = String.join("\n",
            "package err;",
            "import dev.weft.*;",
            "import static dev.weft.Weft.*;",
            "import java.util.function.*;",
            "public class AwaitInLambda {",
            "    @Async",
            "    static Coroutine<String> coro() {",
            "        Supplier<Object> s = () -> await(sleep(0)); // MARKER",
            "        return Coroutine.returning(\"\" + s);",
            "    }",
            "}");

    @ParameterizedTest(name = "{0}")
    @MethodSource("compilers")
    void anAwaitInsideALambdaIsABuildErrorAtItsLine(String name, int release, BiFunction<Integer, JavaSource, Map<String, byte[]>> compiler) {
        List<Problem> problems = refused(compiler, release, AWAIT_LAMBDA);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.sourceFile()).isEqualTo("AwaitInLambda.java");
            assertThat(p.line()).isEqualTo(lineOf(AWAIT_LAMBDA, "// MARKER"));
            assertThat(p.message()).contains("Weft.await inside a lambda whose functional interface returns java.lang.Object")
                    .contains("a lambda may await only when its interface returns dev.weft.Coroutine, dev.weft.Awaitable,"
                            + " CompletionStage or CompletableFuture")
                    .endsWith("move the code into an @Async method and call it with await");
        });
    }

    static final String YIELD_IN_ASYNC_LAMBDA = String.join("\n",
            "package err;",
            "import dev.weft.*;",
            "import static dev.weft.Weft.*;",
            "import java.util.function.*;",
            "public class YieldInAsyncLambda {",
            "    static Supplier<Coroutine<String>> coro() {",
            "        return () -> {",
            "            await(sleep(0));",
            "            Generator.yield(1); // MARKER",
            "            return Coroutine.returning(\"x\");",
            "        };",
            "    }",
            "}");

    @ParameterizedTest(name = "{0}")
    @MethodSource("compilers")
    void aYieldInsideAnAsyncLambdaIsABuildError(String name, int release, BiFunction<Integer, JavaSource, Map<String, byte[]>> compiler) {
        List<Problem> problems = refused(compiler, release, YIELD_IN_ASYNC_LAMBDA);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(lineOf(YIELD_IN_ASYNC_LAMBDA, "// MARKER"));
            assertThat(p.message()).startsWith("Generator.yield cannot be used in an async lambda (a coroutine):"
                    + " it belongs in an @Async method that returns dev.weft.Generator");
        });
    }

    static final String AWAIT_IN_RUNNABLE = String.join("\n",
            "package err;",
            "import dev.weft.*;",
            "import static dev.weft.Weft.*;",
            "public class AwaitInRunnable {",
            "    static Runnable callback() {",
            "        return () -> await(sleep(0)); // MARKER",
            "    }",
            "}");

    @ParameterizedTest(name = "{0}")
    @MethodSource("compilers")
    void anAwaitInAVoidLambdaSaysWhichInterfacesWouldAllowIt(String name, int release, BiFunction<Integer, JavaSource, Map<String, byte[]>> compiler) {
        List<Problem> problems = refused(compiler, release, AWAIT_IN_RUNNABLE);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(lineOf(AWAIT_IN_RUNNABLE, "// MARKER"));
            assertThat(p.message()).contains("Weft.await inside a lambda whose functional interface returns void")
                    .contains("Supplier<Coroutine<T>>");
        });
    }

    static final String SYNCHRONIZED = String.join("\n",
            "package err;",
            "import dev.weft.*;",
            "import static dev.weft.Weft.*;",
            "public class InMonitor {",
            "    static final Object LOCK = new Object();",
            "    @Async",
            "    static Generator<Integer, Void, Void> gen() {",
            "        synchronized (LOCK) {",
            "            int x = 1;",
            "            Generator.yield(x); // MARKER",
            "        }",
            "        return Generator.done();",
            "    }",
            "    @Async",
            "    static Coroutine<Void> coro() {",
            "        synchronized (LOCK) { await(sleep(0)); } // AWAIT",
            "        return Coroutine.done();",
            "    }",
            "}");

    @ParameterizedTest(name = "{0}")
    @MethodSource("compilers")
    void aMarkerInsideSynchronizedIsABuildErrorAtItsLine(String name, int release, BiFunction<Integer, JavaSource, Map<String, byte[]>> compiler) {
        List<Problem> problems = refused(compiler, release, SYNCHRONIZED);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).sourceFile()).isEqualTo("InMonitor.java");
        assertThat(problems.get(0).method()).isEqualTo("gen()");
        assertThat(problems.get(0).line()).isEqualTo(lineOf(SYNCHRONIZED, "// MARKER"));
        assertThat(problems.get(0).message()).contains("Generator.yield inside a synchronized block")
                .contains("release it before the marker");
        assertThat(problems.get(1).method()).isEqualTo("coro()");
        assertThat(problems.get(1).line()).isEqualTo(lineOf(SYNCHRONIZED, "// AWAIT"));
        assertThat(problems.get(1).message()).contains("Weft.await inside a synchronized block");
    }

    static final String METHOD_REFERENCE = String.join("\n",
            "package err;",
            "import dev.weft.*;",
            "import java.util.*;",
            "public class MethodRef {",
            "    @Async",
            "    static Generator<Object, Void, Void> gen(List<Object> xs) {",
            "        xs.forEach(Generator::yield); // MARKER",
            "        return Generator.done();",
            "    }",
            "}");

    /** Without the check, this builds and fails at run time with a NotRewrittenError that blames List.forEach. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("compilers")
    void aMethodReferenceToAMarkerIsABuildErrorAtItsLine(String name, int release, BiFunction<Integer, JavaSource, Map<String, byte[]>> compiler) {
        List<Problem> problems = refused(compiler, release, METHOD_REFERENCE);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.sourceFile()).isEqualTo("MethodRef.java");
            assertThat(p.method()).isEqualTo("gen(List)");
            assertThat(p.line()).isEqualTo(lineOf(METHOD_REFERENCE, "// MARKER"));
            assertThat(p.message()).contains("a method reference to Generator.yield (Generator::yield)")
                    .contains("write a loop that calls Generator.yield(...)");
        });
    }

    static final String INITIALIZER = String.join("\n",
            "package err;",
            "import dev.weft.*;",
            "public class Init {",
            "    @Async",
            "    static Generator<Object, Void, Void> gen() {",
            "        Object o = new Object() {",
            "            Object field = Generator.yield(1); // MARKER",
            "        };",
            "        return Generator.done();",
            "    }",
            "}");

    @ParameterizedTest(name = "{0}")
    @MethodSource("compilers")
    void aMarkerInAFieldInitializerSaysThatConstructorsCannotSuspend(String name, int release,
                                                                     BiFunction<Integer, JavaSource, Map<String, byte[]>> compiler) {
        List<Problem> problems = refused(compiler, release, INITIALIZER);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.sourceFile()).isEqualTo("Init.java");
            assertThat(p.className()).isEqualTo("err.Init$1");
            assertThat(p.line()).isEqualTo(lineOf(INITIALIZER, "// MARKER"));
            assertThat(p.message()).contains("Generator.yield in a constructor or initializer")
                    .contains("compute the value in the @Async method and pass it in")
                    .doesNotContain("annotate the method with @dev.weft.Async");
        });
    }

    /**
     * {@code n} yields, a new live int before each: point k keeps k locals, so the save and
     * restore code grows with n squared while the method javac wrote stays small.
     */
    static String growing(int n) {
        StringBuilder body = new StringBuilder();
        StringBuilder sum = new StringBuilder("0");
        for (int i = 0; i < n; i++) {
            body.append("        int v").append(i).append(" = ").append(i).append(" * k; Generator.yield(v").append(i).append(");\n");
            sum.append(" + v").append(i);
        }
        return "package err;\nimport dev.weft.*;\npublic class Huge {\n"
                + "    @Async\n"
                + "    static Generator<Integer, Void, Void> huge(int k) { // FIRST\n"
                + body
                + "        Generator.yield(" + sum + ");\n"
                + "        return Generator.done();\n    }\n}\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compilers")
    void aMethodThatOutgrows64KbOnceRewrittenIsABuildErrorThatSaysToSplitIt(String name, int release,
                                                                           BiFunction<Integer, JavaSource, Map<String, byte[]>> compiler) {
        String code = growing(400);
        List<Problem> problems = refused(compiler, release, code);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.sourceFile()).isEqualTo("Huge.java");
            assertThat(p.method()).isEqualTo("huge(int)");
            assertThat(p.line()).isBetween(lineOf(code, "// FIRST"), lineOf(code, "// FIRST") + 1);
            assertThat(p.message()).contains("larger than the JVM's 64 KB limit")
                    .contains("split it into smaller @Async methods");
        });
    }

    static final String MISSING = String.join("\n",
            "package err;",
            "import dev.weft.*;",
            "public class Missing {",
            "    @Async",
            "    static Generator<Object, Void, Void> gen(boolean f) {",
            "        Base x = f ? new A() : new B(); // MERGE",
            "        Generator.yield(1);",
            "        Generator.yield(x.hi());",
            "        return Generator.done();",
            "    }",
            "}",
            "class Base { String hi() { return \"hi\"; } }",
            "class A extends Base { }",
            "class B extends Base { }");

    /**
     * The rewrite is given the class alone, without A, B and Base (the command line without
     * {@code --classpath}): it used to fail as "could not analyse this method (Cannot invoke
     * Type.equals(Object) because to is null); please report it".
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("compilers")
    void aClassMissingFromTheRewritesClasspathIsNamed(String name, int release, BiFunction<Integer, JavaSource, Map<String, byte[]>> compiler)
            throws RewriteException {
        Map<String, byte[]> classes = compiler.apply(release, JavaSource.of(MISSING));
        byte[] missing = classes.get("err.Missing");
        Rewriter alone = Weaver.rewriter(Map.of("err.Missing", missing));
        try {
            alone.rewrite(missing);
            fail("rewritten without the class files of A, B and Base");
        } catch (RewriteException e) {
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.sourceFile()).isEqualTo("Missing.java");
                assertThat(p.method()).isEqualTo("gen(boolean)");
                assertThat(p.line()).isEqualTo(lineOf(MISSING, "// MERGE"));
                assertThat(p.message()).containsPattern("the rewrite needs the class file of err\\.(A|B|Base)")
                        .contains("put it on the rewrite's classpath (--classpath");
            });
        }
        assertThat(Weaver.rewriter(classes).rewrite(missing).changed()).as("with every class at hand").isTrue();
    }

    static final String YIELD_TYPES = String.join("\n",
            "package err;",
            "import dev.weft.*;",
            "import java.io.Serializable;",
            "import java.util.*;",
            "public class YieldTypes<C extends CharSequence> {",
            "    @Async",
            "    static Generator<Integer, Void, Void> aString() {",
            "        Generator.yield(1);",
            "        Generator.yield(\"x\"); // WRONG_STRING",
            "        return Generator.done();",
            "    }",
            "    @Async",
            "    static Generator<Integer, Void, Void> aLong() {",
            "        Generator.yield(2L); // WRONG_LONG",
            "        return Generator.done();",
            "    }",
            "    @Async",
            "    static Generator<CharSequence, Void, Void> aFinalClassNotImplementingTheInterface() {",
            "        Generator.yield(3); // WRONG_INTERFACE",
            "        return Generator.done();",
            "    }",
            "    @Async",
            "    static <T extends Number> Generator<T, Void, Void> outOfTheTypeVariablesBound() {",
            "        Generator.yield(\"s\"); // WRONG_BOUND",
            "        return Generator.done();",
            "    }",
            "    @Async",
            "    static Generator<int[], Void, Void> anotherArray() {",
            "        Generator.yield(new long[1]); // WRONG_ARRAY",
            "        return Generator.done();",
            "    }",
            "    @Async",
            "    Generator<C, Void, Void> outOfTheClasssTypeVariablesBound() {",
            "        Generator.yield(Integer.valueOf(4)); // WRONG_CLASS_VARIABLE",
            "        return Generator.done();",
            "    }",
            "    // no false positives:",
            "    @Async",
            "    static Generator<Number, Void, Void> subclassesAndNull() {",
            "        Generator.yield(1);",
            "        Generator.yield(2.0);",
            "        Generator.yield((Number) null);",
            "        Generator.yield(null);",
            "        return Generator.done();",
            "    }",
            "    @Async",
            "    static Generator<? extends Number, Void, Void> aWildcard() {",
            "        Generator.yield(\"s\");",
            "        return Generator.done();",
            "    }",
            "    @Async",
            "    static <T> Generator<T, Void, Void> anUnboundedTypeVariable(Object o) {",
            "        Generator.yield(o);",
            "        Generator.yield(\"s\");",
            "        return Generator.done();",
            "    }",
            "    @Async",
            "    static Generator<Runnable, Void, Void> interfaces(Object o, Thread t, CharSequence cs, AbstractList<String> l) {",
            "        Generator.yield(t);",
            "        Generator.yield(o);",
            "        Generator.yield(cs);",
            "        Generator.yield(l);",
            "        return Generator.done();",
            "    }",
            "    @Async",
            "    static Generator<String, Void, Void> superTypesMayHoldOne(Object o, CharSequence cs, Serializable s) {",
            "        Generator.yield(o);",
            "        Generator.yield(cs);",
            "        Generator.yield(s);",
            "        return Generator.done();",
            "    }",
            "    @Async",
            "    static Generator<Object[], Void, Void> arrays(String[] s, int[][] ii, Object o) {",
            "        Generator.yield(s);",
            "        Generator.yield(ii);",
            "        Generator.yield(o);",
            "        return Generator.done();",
            "    }",
            "    @Async",
            "    static Generator<Serializable, Void, Void> anArrayAsSerializable() {",
            "        Generator.yield(new int[0]);",
            "        return Generator.done();",
            "    }",
            "    @Async",
            "    static Generator<List<String>, Void, Void> generics(ArrayList<Integer> l) {",
            "        Generator.yield(l);",
            "        return Generator.done();",
            "    }",
            "}");

    @ParameterizedTest(name = "{0}")
    @MethodSource("compilers")
    void aYieldOfAValueThatCanNeverBeTheGeneratorsYIsABuildErrorAtItsLine(String name, int release,
            BiFunction<Integer, JavaSource, Map<String, byte[]>> compiler) {
        List<Problem> problems = refused(compiler, release, YIELD_TYPES);
        assertThat(problems).extracting(Problem::line).containsExactlyInAnyOrder(lineOf(YIELD_TYPES, "// WRONG_STRING"),
                lineOf(YIELD_TYPES, "// WRONG_LONG"), lineOf(YIELD_TYPES, "// WRONG_INTERFACE"), lineOf(YIELD_TYPES, "// WRONG_BOUND"),
                lineOf(YIELD_TYPES, "// WRONG_ARRAY"), lineOf(YIELD_TYPES, "// WRONG_CLASS_VARIABLE"));
        assertThat(problems).filteredOn(p -> p.line() == lineOf(YIELD_TYPES, "// WRONG_STRING")).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("err/YieldTypes.java:" + p.line() + ": error: in err.YieldTypes.aString(): ")
                        .contains("Generator.yield of a java.lang.String in a generator that yields java.lang.Integer")
                        .contains("ClassCastException"));
        assertThat(problems).filteredOn(p -> p.line() == lineOf(YIELD_TYPES, "// WRONG_BOUND")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("yields java.lang.Number"));
    }
}
