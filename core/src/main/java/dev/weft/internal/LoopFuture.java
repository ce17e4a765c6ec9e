package dev.weft.internal;

import java.util.concurrent.CompletableFuture;

/**
 * A future of the event loop as the frames see it: {@code dev.weft.Future} and {@code Task}
 * extend it, so the frame ABI reads their outcome without depending on the asyncio layer. A class,
 * not an interface: {@code await}'s fast path tests it on every await, and a class test is one
 * compare where an interface test scans (and, on JDK 17, rewrites) the class's list of interfaces.
 *
 * @param <T> the type of the future's result
 */
public abstract class LoopFuture<T> {
    /** For {@code dev.weft.Future}, its one subclass. */
    protected LoopFuture() {
    }

    /**
     * Whether the future has a result, an exception, or was cancelled.
     *
     * @return whether the future is done
     */
    public abstract boolean done();

    /**
     * The result of a done future; raises its exception unwrapped, or a
     * {@code CancellationException} if it was cancelled.
     *
     * @return the future's result
     */
    public abstract T result();

    /**
     * What {@code await}'s fast path reads: {@link #done()} without its thread check (a task's
     * await runs on its loop's thread by construction), so that the check costs nothing there.
     *
     * @return whether the future is done
     */
    protected abstract boolean doneForAwait();

    /**
     * What {@code await}'s fast path reads of a done future: {@link #result()} without its thread check.
     *
     * @return the future's result
     */
    protected abstract T resultForAwait();

    /**
     * A {@code CompletableFuture} completed with this future's outcome, on the loop's thread.
     *
     * @return a {@code CompletableFuture} that mirrors this future
     */
    public abstract CompletableFuture<T> toCompletableFuture();
}
