package dev.weft.transform.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.transform.report.Problem;
import dev.weft.transform.report.RewriteException;
import dev.weft.transform.testing.InMemoryJavac;
import dev.weft.transform.testing.JavaSource;
import dev.weft.transform.testing.Weaver;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Issue 2, item 4: every misuse fails the rewrite with the source file, the line, the method and
 * what to do; nothing is rewritten halfway.
 */
class MisuseTest {

    /** The problems the rewrite reports for the class {@code name} compiled from {@code code}. */
    private static List<Problem> problems(String name, String code) {
        Map<String, byte[]> classes = InMemoryJavac.compile(17, List.of(JavaSource.of(code)));
        return problemsOf(classes, name);
    }

    private static List<Problem> problemsOf(Map<String, byte[]> classes, String name) {
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
    void a_marker_in_a_method_without_Async_is_reported_at_its_line() {
        List<Problem> p = problems("m.Plain", "package m;\n"
                + "import dev.weft.*;\n"
                + "class Plain {\n"
                + "    static void helper() {\n"
                + "        Generator.yield(1);\n"
                + "    }\n"
                + "}\n");
        assertThat(lines(p)).isEqualTo("m/Plain.java:5: error: in m.Plain.helper(): Generator.yield is called in a method"
                + " without @Async: it belongs in an @Async method that returns dev.weft.Generator or dev.weft.AsyncGenerator; annotate the method with @dev.weft.Async");
    }

    @Test
    void await_in_a_method_without_Async_names_the_kinds_it_belongs_in() {
        List<Problem> p = problems("m.Plain", "package m;\n"
                + "import static dev.weft.Weft.*;\n"
                + "class Plain {\n"
                + "    static void helper() {\n"
                + "        await(java.util.concurrent.CompletableFuture.completedFuture(1));\n"
                + "    }\n"
                + "}\n");
        assertThat(p).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(5);
            assertThat(problem.message()).contains("Weft.await", "Coroutine, dev.weft.AsyncGenerator, CompletableFuture or CompletionStage");
        });
    }

    @Test
    void Async_on_a_method_with_another_return_type() {
        List<Problem> p = problems("m.Wrong", "package m;\n"
                + "import dev.weft.*;\n"
                + "class Wrong {\n"
                + "    @Async\n"
                + "    static String name() {\n"
                + "        return \"x\";\n"
                + "    }\n"
                + "}\n");
        assertThat(lines(p)).isEqualTo("m/Wrong.java:6: error: in m.Wrong.name(): an @Async method must return"
                + " dev.weft.Generator, dev.weft.Coroutine, dev.weft.AsyncGenerator, CompletableFuture (or a subclass of it with a"
                + " public no-argument constructor) or CompletionStage, not java.lang.String");
    }

    @Test
    void Async_on_an_abstract_method() {
        List<Problem> p = problems("m.Shape", "package m;\n"
                + "import dev.weft.*;\n"
                + "abstract class Shape {\n"
                + "    @Async\n"
                + "    abstract Generator<Integer, Void, Void> corners();\n"
                + "}\n");
        assertThat(p).singleElement().satisfies(problem -> {
            assertThat(problem.method()).isEqualTo("corners()");
            assertThat(problem.message()).startsWith("@Async cannot be used on an abstract method")
                    .contains("annotate the implementations instead");
        });
    }

    @Test
    void Async_on_a_native_method() {
        List<Problem> p = problems("m.Native", "package m;\n"
                + "import dev.weft.*;\n"
                + "class Native {\n"
                + "    @Async\n"
                + "    static native Generator<Integer, Void, Void> fromC();\n"
                + "}\n");
        assertThat(p).singleElement().extracting(Problem::message).asString()
                .startsWith("@Async cannot be used on a native method");
    }

    @Test
    void Async_on_a_constructor_written_by_another_tool() {
        // javac refuses @Async on a constructor (@Target(METHOD)); other tools can still write one
        Map<String, byte[]> classes = InMemoryJavac.compile(17, List.of(JavaSource.of("package m;\n"
                + "class Made {\n"
                + "    Made() {\n"
                + "        System.out.println();\n"
                + "    }\n"
                + "}\n")));
        ClassNode cls = new ClassNode();
        new ClassReader(classes.get("m.Made")).accept(cls, 0);
        MethodNode constructor = cls.methods.stream().filter(m -> m.name.equals("<init>")).findFirst().orElseThrow();
        constructor.invisibleAnnotations = List.of(new AnnotationNode("Ldev/weft/Async;"));
        ClassWriter w = new ClassWriter(0);
        cls.accept(w);
        List<Problem> p = problemsOf(Map.of("m.Made", w.toByteArray()), "m.Made");
        assertThat(lines(p)).isEqualTo("m/Made.java:3: error: in m.Made.<init>(): @Async cannot be used on a constructor"
                + " or initializer: move the body into a static @Async factory method");
    }

    @Test
    void a_generator_marker_in_a_coroutine_and_await_in_a_generator() {
        List<Problem> p = problems("m.Mixed", "package m;\n"
                + "import dev.weft.*;\n"
                + "import static dev.weft.Weft.*;\n"
                + "class Mixed {\n"
                + "    @Async\n"
                + "    static Coroutine<Void> co() {\n"
                + "        Generator.yield(1);\n"
                + "        return Coroutine.done();\n"
                + "    }\n"
                + "    @Async\n"
                + "    static Generator<Integer, Void, Void> gen() {\n"
                + "        await(sleep(1));\n"
                + "        return Generator.done();\n"
                + "    }\n"
                + "}\n");
        assertThat(p).extracting(Problem::line).containsExactly(7, 12);
        assertThat(p.get(0).message()).startsWith("Generator.yield cannot be used in a coroutine");
        assertThat(p.get(1).message()).startsWith("Weft.await cannot be used in a generator");
    }

    @Test
    void yieldFrom_in_an_async_generator_is_refused_at_its_line_as_yield_from_in_async_def() {
        List<Problem> p = problems("m.AsyncGen", "package m;\n"
                + "import dev.weft.*;\n"
                + "import static dev.weft.Weft.*;\n"
                + "class AsyncGen {\n"
                + "    @Async\n"
                + "    static AsyncGenerator<Integer, Void> ok() {\n"
                + "        Generator.yield(1);\n"
                + "        await(sleep(0));\n"
                + "        return AsyncGenerator.done();\n"
                + "    }\n"
                + "    @Async\n"
                + "    static AsyncGenerator<Integer, Void> bad(Generator<Integer, Void, Void> g, java.util.List<Integer> xs) {\n"
                + "        Generator.yieldFrom(g);\n"
                + "        Generator.yieldFrom(xs);\n"
                + "        return AsyncGenerator.done();\n"
                + "    }\n"
                + "}\n");
        assertThat(p).extracting(Problem::line).containsExactly(13, 14);
        assertThat(p.get(0).message()).startsWith("Generator.yieldFrom cannot be used in an async generator: it belongs in"
                + " an @Async method that returns dev.weft.Generator; as yield from in an async def, it cannot delegate");
    }

    @Test
    void async_generator_markers_stay_in_async_generators() {
        List<Problem> p = problems("m.Ends", "package m;\n"
                + "import dev.weft.*;\n"
                + "class Ends {\n"
                + "    @Async\n"
                + "    static Coroutine<Void> co() {\n"
                + "        AsyncGenerator.done();\n"
                + "        return Coroutine.done();\n"
                + "    }\n"
                + "    @Async\n"
                + "    static AsyncGenerator<Integer, Void> agen() {\n"
                + "        Generator.yield(1);\n"
                + "        return (AsyncGenerator<Integer, Void>) (Object) Generator.done();\n"
                + "    }\n"
                + "    static void plain() {\n"
                + "        AsyncGenerator.done();\n"
                + "    }\n"
                + "}\n");
        assertThat(p).extracting(Problem::line).containsExactly(6, 12, 15);
        assertThat(p.get(0).message()).startsWith("AsyncGenerator.done cannot be used in a coroutine: it belongs in"
                + " an @Async method that returns dev.weft.AsyncGenerator");
        assertThat(p.get(1).message()).startsWith("Generator.done cannot be used in an async generator")
                .contains("end an async generator with return AsyncGenerator.done()");
        assertThat(p.get(2).message()).startsWith("AsyncGenerator.done is called in a method without @Async");
    }

    @Test
    void every_problem_of_a_class_is_reported_together() {
        List<Problem> p = problems("m.Many", "package m;\n"
                + "import dev.weft.*;\n"
                + "class Many {\n"
                + "    static void a() { Generator.yield(1); }\n"
                + "    static void b() { Generator.yield(2); }\n"
                + "    @Async static String c() { return null; }\n"
                + "}\n");
        assertThat(p).extracting(Problem::line).containsExactly(4, 5, 6);
    }

    @Test
    void a_refused_class_is_left_unrewritten() {
        Map<String, byte[]> classes = InMemoryJavac.compile(17, List.of(JavaSource.of("package m;\n"
                + "import dev.weft.*;\n"
                + "class Half {\n"
                + "    @Async static Generator<Integer, Void, Void> good() { Generator.yield(1); return Generator.done(); }\n"
                + "    static void bad() { Generator.yield(2); }\n"
                + "}\n")));
        assertThatThrownBy(() -> Weaver.rewriter(classes).rewrite(classes.get("m.Half"))).isInstanceOf(RewriteException.class);
    }
}
