package com.ea.async;

import dev.weft.NotRewrittenError;
import java.util.concurrent.CompletionStage;

/**
 * ea-async's {@code Async}, for code written for ea-async (unmaintained, broken on Java 14 and
 * later): swap the dependency {@code com.ea.async:ea-async} for {@code dev.weft:weft-ea-async} and
 * the source compiles unchanged. Weft's rewrite (the {@code weft-maven-plugin}, the
 * {@code -javaagent}, or the command line) does what ea-async's instrumentation did:
 *
 * <ul>
 *   <li>a method that calls {@link #await} and returns {@code CompletableFuture} (or a subclass of it
 *       with a public no-argument constructor) or {@code CompletionStage} is rewritten, with no
 *       annotation; lambdas too, when their functional interface returns one of these;</li>
 *   <li>it starts at once on the caller's thread; an {@code await} of a stage that is done goes on
 *       without suspending; one that is not done makes the method return its future, and the rest
 *       of the method runs on the thread that completes the stage;</li>
 *   <li>{@code await} raises what {@code CompletableFuture.join()} raises: the stage's failure
 *       wrapped in a {@code CompletionException}, a cancellation as a {@code CancellationException}.</li>
 * </ul>
 *
 * <p>Where Weft differs (docs/migrating-from-ea-async.md): an exception thrown before the first
 * suspension fails the returned future (ea-async threw it to the caller); {@code await} in a method
 * that returns anything else fails the rewrite (ea-async blocked there with {@code join()} and logged
 * a warning); and {@code await} reached without the rewrite throws {@link NotRewrittenError}
 * rather than blocking.
 */
public final class Async {
    private Async() {
    }

    /**
     * Does nothing: with ea-async it started the runtime instrumentation; with Weft the rewrite is
     * done by the build (the {@code weft-maven-plugin}), by {@code -javaagent:weft-transformer.jar},
     * or by {@code java -jar weft-transformer.jar DIR}. Kept so that code calling it compiles and
     * runs unchanged.
     */
    public static void init() {
        // the rewrite is the build's or the agent's business, not a call's
    }

    /**
     * Waits for {@code future} without blocking: the rewrite replaces this call, and the method
     * that calls it returns its own future while {@code future} is not done. It evaluates to the
     * stage's value, as {@code CompletableFuture.join()} would.
     *
     * @param future the stage to wait for
     * @param <T> the type of its value
     * @param <F> the type of the stage
     * @return the stage's value
     * @throws java.util.concurrent.CompletionException wrapping the stage's exception if it failed
     * @throws java.util.concurrent.CancellationException if the stage was cancelled
     * @throws NotRewrittenError always, when reached without the rewrite: see {@link #init()}
     */
    public static <T, F extends CompletionStage<T>> T await(F future) {
        throw new NotRewrittenError("com.ea.async.Async.await was called in " + caller() + ", which the Weft rewrite"
                + " has not transformed. It must be called in a method that returns CompletableFuture or"
                + " CompletionStage, and the rewrite must run: add dev.weft:weft-maven-plugin (goals instrument and"
                + " instrument-test) to the build, or run the JVM with -javaagent:weft-transformer.jar, or rewrite the"
                + " classes with java -jar weft-transformer.jar DIR|JAR. (ea-async blocked here with join(); Weft does"
                + " not block by surprise.)");
    }

    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames.skip(2).findFirst())
                .map(f -> f.getClassName() + "." + f.getMethodName()
                        + (f.getFileName() == null ? "" : " (" + f.getFileName() + ":" + f.getLineNumber() + ")"))
                .orElse("a method");
    }
}
