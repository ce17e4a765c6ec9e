package dev.weft.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.transform.report.Problem;
import dev.weft.transform.report.RewriteException;
import dev.weft.transform.testing.Harness;
import dev.weft.transform.testing.InMemoryJavac;
import dev.weft.transform.testing.JavaSource;
import dev.weft.transform.testing.Weaver;
import dev.weft.transform.testing.Woven;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 7: an {@code @Async} method may return a subclass of {@code CompletableFuture}
 * (a code base's own {@code Task extends CompletableFuture}) when the subclass has a no-argument
 * constructor the method can call; the result is a new instance of it, completed as a
 * {@code CompletableFuture} method's is. Any other subclass is refused with the reason.
 */
class CompletableFutureSubclassTest {
    private static final String TASK = "package t;\n"
            + "public class Task<T> extends java.util.concurrent.CompletableFuture<T> {\n"
            + "    public Task() { }\n"
            + "}\n";

    @Test
    void a_method_returning_a_subclass_gives_an_instance_of_it_completed_with_the_outcome() throws Exception {
        Woven w = Harness.build(11, TASK, "package t;\n"
                + "import static dev.weft.Weft.await;\n"
                + "import dev.weft.Async;\n"
                + "import java.util.concurrent.*;\n"
                + "public class Shop {\n"
                + "    @Async public static Task<String> buy(CompletableFuture<Integer> price) {\n"
                + "        int p = await(price);\n"
                + "        Task<String> t = new Task<>();\n"
                + "        t.complete(\"paid \" + p);\n"
                + "        return t;\n"
                + "    }\n"
                + "}\n");
        CompletableFuture<Integer> price = new CompletableFuture<>();
        Object result = w.call("t.Shop", "buy", price);
        assertThat(result.getClass().getName()).isEqualTo("t.Task");
        CompletableFuture<?> task = (CompletableFuture<?>) result;
        assertThat(task).isNotDone();
        price.complete(3);
        assertThat(task.get(10, TimeUnit.SECONDS)).isEqualTo("paid 3");
    }

    @Test
    void a_failure_fails_the_subclass_instance_unwrapped() {
        Woven w = Harness.build(11, TASK, "package t;\n"
                + "import static dev.weft.Weft.await;\n"
                + "import dev.weft.Async;\n"
                + "import java.util.concurrent.*;\n"
                + "public class Shop {\n"
                + "    @Async public static Task<String> buy(CompletableFuture<Integer> price) {\n"
                + "        await(price);\n"
                + "        throw new IllegalStateException(\"sold out\");\n"
                + "    }\n"
                + "}\n");
        CompletableFuture<Integer> price = new CompletableFuture<>();
        CompletableFuture<?> task = (CompletableFuture<?>) w.call("t.Shop", "buy", price);
        price.complete(1);
        assertThat(task.getClass().getName()).isEqualTo("t.Task");
        assertThat(task).isCompletedExceptionally();
        assertThat(task.handle((v, e) -> e).join()).isInstanceOf(IllegalStateException.class).hasMessage("sold out");
    }

    @Test
    void an_async_lambda_may_return_the_subclass_too() throws Exception {
        Woven w = Harness.build(11, TASK, "package t;\n"
                + "import static dev.weft.Weft.await;\n"
                + "import java.util.concurrent.*;\n"
                + "import java.util.function.Function;\n"
                + "public class Lambdas {\n"
                + "    public static Function<CompletableFuture<Integer>, Task<Integer>> doubler() {\n"
                + "        return f -> { int v = await(f); Task<Integer> t = new Task<>(); t.complete(2 * v); return t; };\n"
                + "    }\n"
                + "}\n");
        @SuppressWarnings("unchecked")
        Function<CompletableFuture<Integer>, CompletableFuture<Integer>> doubler =
                (Function<CompletableFuture<Integer>, CompletableFuture<Integer>>) w.call("t.Lambdas", "doubler");
        CompletableFuture<Integer> in = new CompletableFuture<>();
        CompletableFuture<Integer> out = doubler.apply(in);
        assertThat(out.getClass().getName()).isEqualTo("t.Task");
        in.complete(21);
        assertThat(out.get(10, TimeUnit.SECONDS)).isEqualTo(42);
    }

    @Test
    void a_subclass_without_a_no_argument_constructor_is_refused_with_the_reason() {
        Problem p = refusal("t.Shop", "package t;\n"
                + "public class Named<T> extends java.util.concurrent.CompletableFuture<T> {\n"
                + "    public Named(String name) { }\n"
                + "}\n", "package t;\n"
                + "import dev.weft.Async;\n"
                + "public class Shop {\n"
                + "    @Async public static Named<String> buy() {\n"
                + "        return new Named<>(\"x\");\n"
                + "    }\n"
                + "}\n");
        assertThat(p.line()).isEqualTo(5); // the method's first line of code
        assertThat(p.message()).isEqualTo("this method returns t.Named, a subclass of CompletableFuture, which has no"
                + " no-argument constructor: the rewrite makes the method's result with new Named(); give it a public"
                + " no-argument constructor, or return CompletableFuture");
    }

    @Test
    void an_abstract_subclass_is_refused_with_the_reason() {
        Problem p = refusal("t.Shop", "package t;\n"
                + "public abstract class Base<T> extends java.util.concurrent.CompletableFuture<T> {\n"
                + "}\n", "package t;\n"
                + "import dev.weft.Async;\n"
                + "public class Shop {\n"
                + "    @Async public static Base<String> buy() {\n"
                + "        return null;\n"
                + "    }\n"
                + "}\n");
        assertThat(p.message()).startsWith("this method returns t.Base, a subclass of CompletableFuture, which is abstract");
    }

    @Test
    void a_constructor_the_method_cannot_call_is_refused() {
        Problem p = refusal("u.Shop", "package t;\n"
                + "public class Hidden<T> extends java.util.concurrent.CompletableFuture<T> {\n"
                + "    Hidden() { }\n"
                + "    public static <T> Hidden<T> make() { return new Hidden<>(); }\n"
                + "}\n", "package u;\n"
                + "import dev.weft.Async;\n"
                + "public class Shop {\n"
                + "    @Async public static t.Hidden<String> buy() {\n"
                + "        return t.Hidden.make();\n"
                + "    }\n"
                + "}\n");
        assertThat(p.message()).contains("which has no public no-argument constructor");
    }

    @Test
    void a_package_private_constructor_of_the_same_package_is_accepted() throws Exception {
        Woven w = Harness.build(11, "package t;\n"
                + "class Local<T> extends java.util.concurrent.CompletableFuture<T> {\n"
                + "    Local() { }\n"
                + "}\n", "package t;\n"
                + "import static dev.weft.Weft.await;\n"
                + "import dev.weft.Async;\n"
                + "import java.util.concurrent.*;\n"
                + "public class Shop {\n"
                + "    @Async static Local<String> buy(CompletableFuture<String> f) {\n"
                + "        String s = await(f).toUpperCase();\n"
                + "        Local<String> l = new Local<>();\n"
                + "        l.complete(s);\n"
                + "        return l;\n"
                + "    }\n"
                + "    public static CompletableFuture<String> call(CompletableFuture<String> f) { return buy(f); }\n"
                + "}\n");
        CompletableFuture<String> f = new CompletableFuture<>();
        @SuppressWarnings("unchecked")
        CompletableFuture<String> out = (CompletableFuture<String>) w.call("t.Shop", "call", f);
        f.complete("ok");
        assertThat(out.get(10, TimeUnit.SECONDS)).isEqualTo("OK");
    }

    private static Problem refusal(String name, String... sources) {
        Map<String, byte[]> classes = InMemoryJavac.compile(11, java.util.Arrays.stream(sources).map(JavaSource::of)
                .collect(java.util.stream.Collectors.toList()));
        try {
            Weaver.rewriter(classes).rewrite(classes.get(name));
        } catch (RewriteException e) {
            List<Problem> problems = e.problems();
            assertThat(problems).hasSize(1);
            return problems.get(0);
        }
        throw new AssertionError("the rewrite accepted " + name);
    }
}
