package dev.weft.internal;

import java.util.concurrent.CompletableFuture;

/**
 * A future of the event loop as the frames see it: {@code dev.weft.Future} and {@code Task}
 * implement it, so the frame ABI reads their outcome without depending on the asyncio layer.
 *
 * @param <T> the type of the future's result
 */
public interface LoopFuture<T> {
    /**
     * Whether the future has a result, an exception, or was cancelled.
     *
     * @return whether the future is done
     */
    boolean done();

    /**
     * The result of a done future; raises its exception unwrapped, or a
     * {@code CancellationException} if it was cancelled.
     *
     * @return the future's result
     */
    T result();

    /**
     * A {@code CompletableFuture} completed with this future's outcome, on the loop's thread.
     *
     * @return a {@code CompletableFuture} that mirrors this future
     */
    CompletableFuture<T> toCompletableFuture();
}
