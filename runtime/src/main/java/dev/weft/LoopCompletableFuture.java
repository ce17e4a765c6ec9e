package dev.weft;

import java.util.concurrent.CompletableFuture;

/**
 * The {@code CompletableFuture} of a loop's own future ({@link Future#toCompletableFuture()}), and
 * every stage derived from it: the loop completes it itself, so a task awaiting it does not wait
 * on another thread, and virtual time need not stand still for it ({@link StageFuture}).
 */
final class LoopCompletableFuture<T> extends CompletableFuture<T> {
    final EventLoop loop;

    LoopCompletableFuture(EventLoop loop) {
        this.loop = loop;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new LoopCompletableFuture<>(loop);
    }
}
