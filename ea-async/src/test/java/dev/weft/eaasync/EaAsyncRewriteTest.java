package dev.weft.eaasync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.NotRewrittenError;
import dev.weft.transform.agent.WeftTransformer;
import dev.weft.transform.report.Problem;
import dev.weft.transform.report.RewriteException;
import dev.weft.transform.testing.Harness;
import dev.weft.transform.testing.InMemoryJavac;
import dev.weft.transform.testing.Invoke;
import dev.weft.transform.testing.JavaSource;
import dev.weft.transform.testing.MemoryClassLoader;
import dev.weft.transform.testing.Weaver;
import dev.weft.transform.testing.Woven;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 12: code written for ea-async, compiled against the drop-in
 * {@code com.ea.async.Async}, is rewritten without {@code @Async} by each of Weft's doors, and its
 * {@code await} behaves as ea-async documents it. (The plugin door: ea-async's own test programs in
 * {@code com.ea.async.test}, rewritten by this module's build.)
 */
class EaAsyncRewriteTest {
    /** ea-async's README example, as its users wrote it. */
    private static final String STORE = "package shop;\n"
            + "import static com.ea.async.Async.await;\n"
            + "import static java.util.concurrent.CompletableFuture.completedFuture;\n"
            + "import java.util.concurrent.CompletableFuture;\n"
            + "public class Store {\n"
            + "    public static CompletableFuture<Boolean> buyItem(CompletableFuture<Boolean> decrement,\n"
            + "                                                     CompletableFuture<String> giveItem) {\n"
            + "        if (!await(decrement)) {\n"
            + "            return completedFuture(false);\n"
            + "        }\n"
            + "        await(giveItem);\n"
            + "        return completedFuture(true);\n"
            + "    }\n"
            + "}\n";

    private static Map<String, byte[]> compile(String... sources) {
        return InMemoryJavac.compile(11, java.util.Arrays.stream(sources).map(JavaSource::of)
                .collect(java.util.stream.Collectors.toList()));
    }

    @SuppressWarnings("unchecked")
    private static void buysOnceBothComplete(ClassLoader loader) throws Exception {
        CompletableFuture<Boolean> decrement = new CompletableFuture<>();
        CompletableFuture<String> giveItem = new CompletableFuture<>();
        CompletableFuture<Boolean> bought = (CompletableFuture<Boolean>) Invoke.callStatic(
                Class.forName("shop.Store", true, loader), "buyItem", decrement, giveItem);
        assertThat(bought).isNotDone();
        decrement.complete(true);
        assertThat(bought).isNotDone();
        giveItem.complete("sword");
        assertThat(bought.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void the_agent_rewrites_a_method_that_calls_ea_await_without_any_annotation() throws Exception {
        Map<String, byte[]> compiled = compile(STORE);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        WeftTransformer agent = new WeftTransformer(false, new PrintStream(err, true, StandardCharsets.UTF_8));
        byte[] rewritten = agent.transform(getClass().getClassLoader(), "shop/Store", null, null, compiled.get("shop.Store"));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(rewritten).isNotNull();
        buysOnceBothComplete(new MemoryClassLoader(Map.of("shop.Store", rewritten)));
    }

    @Test
    void the_command_line_rewrites_it_too(@TempDir Path dir) throws Exception {
        Path classFile = dir.resolve("shop/Store.class");
        Files.createDirectories(classFile.getParent());
        Files.write(classFile, compile(STORE).get("shop.Store"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.weft.transform.cli.Main",
                "--classpath", System.getProperty("java.class.path"), dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        buysOnceBothComplete(new MemoryClassLoader(Map.of("shop.Store", Files.readAllBytes(classFile))));
    }

    @Test
    void without_the_rewrite_await_throws_NotRewrittenError_naming_the_caller() {
        Map<String, byte[]> compiled = compile(STORE);
        MemoryClassLoader plain = new MemoryClassLoader(compiled);
        assertThatThrownBy(() -> Invoke.callStatic(Class.forName("shop.Store", true, plain), "buyItem",
                CompletableFuture.completedFuture(true), CompletableFuture.completedFuture("x")))
                .satisfies(t -> assertThat(rootOf(t)).isInstanceOf(NotRewrittenError.class)
                        .hasMessageContaining("com.ea.async.Async.await was called in shop.Store.buyItem (Store.java:8)")
                        .hasMessageContaining("weft-maven-plugin"));
    }

    private static Throwable rootOf(Throwable t) {
        while ((t instanceof InvocationTargetException || t instanceof RuntimeException) && t.getCause() != null
                && !(t instanceof NotRewrittenError)) {
            t = t.getCause();
        }
        return t;
    }

    private static final String JOINS = "package shop;\n"
            + "import static com.ea.async.Async.await;\n"
            + "import static java.util.concurrent.CompletableFuture.completedFuture;\n"
            + "import java.util.concurrent.*;\n"
            + "public class Joins {\n"
            + "    public static CompletionStage<String> caught(CompletableFuture<String> f) {\n"
            + "        try {\n"
            + "            return completedFuture(await(f));\n"
            + "        } catch (CompletionException e) {\n"
            + "            return completedFuture(\"wrapped \" + e.getCause().getMessage());\n"
            + "        } catch (CancellationException e) {\n"
            + "            return completedFuture(\"cancelled\");\n"
            + "        }\n"
            + "    }\n"
            + "    public static CompletableFuture<String> early(boolean fail, CompletableFuture<String> f) {\n"
            + "        if (fail) {\n"
            + "            throw new IllegalArgumentException(\"early\");\n"
            + "        }\n"
            + "        return completedFuture(await(f));\n"
            + "    }\n"
            + "}\n";

    @SuppressWarnings("unchecked")
    private static String caught(Woven w, CompletableFuture<String> f) throws Exception {
        return ((java.util.concurrent.CompletionStage<String>) w.call("shop.Joins", "caught", f))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void await_raises_what_join_raises_whether_the_stage_failed_before_or_after() throws Exception {
        Woven w = Harness.build(11, JOINS);
        CompletableFuture<String> failed = new CompletableFuture<>();
        failed.completeExceptionally(new IllegalStateException("before"));
        assertThat(caught(w, failed)).isEqualTo("wrapped before");

        CompletableFuture<String> later = new CompletableFuture<>();
        CompletableFuture<String> result = ((java.util.concurrent.CompletionStage<String>) w.call("shop.Joins", "caught", later))
                .toCompletableFuture();
        later.completeExceptionally(new IllegalStateException("after"));
        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("wrapped after");

        CompletableFuture<String> dependent = new CompletableFuture<String>().thenApply(s -> s);
        CompletableFuture<String> dependentResult = ((java.util.concurrent.CompletionStage<String>) w.call("shop.Joins", "caught",
                dependent)).toCompletableFuture();
        dependent.obtrudeException(new IllegalStateException("dependent"));
        assertThat(dependentResult.get(10, TimeUnit.SECONDS)).isEqualTo("wrapped dependent");
    }

    @Test
    void a_cancelled_stage_raises_CancellationException_as_join_does() throws Exception {
        Woven w = Harness.build(11, JOINS);
        CompletableFuture<String> cancelledBefore = new CompletableFuture<>();
        cancelledBefore.cancel(false);
        assertThat(caught(w, cancelledBefore)).isEqualTo("cancelled");
        CompletableFuture<String> later = new CompletableFuture<>();
        CompletableFuture<String> result = ((java.util.concurrent.CompletionStage<String>) w.call("shop.Joins", "caught", later))
                .toCompletableFuture();
        later.cancel(false);
        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("cancelled");
    }

    @Test
    void an_exception_before_the_first_suspension_fails_the_returned_future() {
        Woven w = Harness.build(11, JOINS);
        CompletableFuture<?> result = (CompletableFuture<?>) w.call("shop.Joins", "early", true, new CompletableFuture<String>());
        assertThat(result.handle((v, e) -> e).join()).isInstanceOf(IllegalArgumentException.class).hasMessage("early");
    }

    private static Problem refusal(String name, String source) {
        Map<String, byte[]> classes = compile(source);
        try {
            Weaver.rewriter(classes).rewrite(classes.get(name));
        } catch (RewriteException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().get(0);
        }
        throw new AssertionError("the rewrite accepted " + name);
    }

    @Test
    void await_in_a_method_that_returns_something_else_fails_the_rewrite_instead_of_blocking() {
        Problem p = refusal("shop.Blocking", "package shop;\n"
                + "import static com.ea.async.Async.await;\n"
                + "import java.util.concurrent.CompletableFuture;\n"
                + "public class Blocking {\n"
                + "    static int price(CompletableFuture<Integer> f) {\n"
                + "        return await(f);\n"
                + "    }\n"
                + "}\n");
        assertThat(p.line()).isEqualTo(6);
        assertThat(p.message()).startsWith("ea-async's Async.await is called in a method that returns int: it belongs in a"
                + " method that returns CompletableFuture").contains("ea-async blocked here with join(); Weft refuses");
    }

    @Test
    void a_synchronized_method_that_awaits_is_refused() {
        Problem p = refusal("shop.Locked", "package shop;\n"
                + "import static com.ea.async.Async.await;\n"
                + "import java.util.concurrent.CompletableFuture;\n"
                + "public class Locked {\n"
                + "    synchronized CompletableFuture<Integer> price(CompletableFuture<Integer> f) {\n"
                + "        return CompletableFuture.completedFuture(await(f));\n"
                + "    }\n"
                + "}\n");
        assertThat(p.message()).startsWith("a method that calls ea-async's Async.await cannot be synchronized");
    }

    @Test
    void a_method_reference_to_await_is_refused() {
        Problem p = refusal("shop.Refs", "package shop;\n"
                + "import com.ea.async.Async;\n"
                + "import java.util.concurrent.*;\n"
                + "import java.util.function.Function;\n"
                + "public class Refs {\n"
                + "    static Function<CompletionStage<Integer>, Integer> awaiter() {\n"
                + "        return Async::await;\n"
                + "    }\n"
                + "}\n");
        assertThat(p.message()).startsWith("a method reference to Async.await (Async::await)");
    }

    @Test
    void init_does_nothing_and_can_be_called_anywhere() {
        com.ea.async.Async.init();
        com.ea.async.Async.init();
    }
}
