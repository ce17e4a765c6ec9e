package dev.weft.transform.shapes;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * What the shape programs (compiled in memory, they call these statically) await: futures that
 * another thread completes later, so the awaiting coroutine really suspends and is resumed on
 * the loop, and futures already done, for {@code await}'s fast path.
 */
public final class Ops {
    private static final Executor SOON = CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS);

    private Ops() {
    }

    /** A future that another thread completes with {@code value} about a millisecond from now. */
    public static <T> CompletableFuture<T> later(T value) {
        CompletableFuture<T> f = new CompletableFuture<>();
        SOON.execute(() -> f.complete(value));
        return f;
    }

    /**
     * A future that another thread completes with {@code value} once {@code before} is done: for
     * a test that needs the awaiting coroutine to really suspend, whatever the machine's load.
     */
    public static <T> CompletableFuture<T> after(CompletableFuture<?> before, T value) {
        return before.thenApplyAsync(ignored -> value, SOON);
    }

    /** A future that another thread fails with {@code error} about a millisecond from now. */
    public static <T> CompletableFuture<T> failLater(Throwable error) {
        CompletableFuture<T> f = new CompletableFuture<>();
        SOON.execute(() -> f.completeExceptionally(error));
        return f;
    }

    /** A future already done: {@code await} takes it without suspending. */
    public static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
