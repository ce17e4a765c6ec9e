package dev.weft;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * A {@link CompletionStage} seen from a loop (Python's {@code asyncio.wrap_future}): a future of
 * the loop completed, on the loop's thread, with the stage's outcome, whatever thread completes
 * the stage. Its exception is unwrapped; a cancelled stage cancels it, and cancelling it cancels
 * the stage (if it converts to a {@code CompletableFuture}).
 */
final class StageFuture<T> extends Future<T> {
    private final CompletionStage<T> source;
    /** Counted in the loop's foreign work until it settles or is cancelled (virtual time follows real time meanwhile). */
    private boolean outstanding;

    StageFuture(EventLoop loop, CompletionStage<T> source) {
        super(loop);
        this.source = source;
        outstanding = !(source instanceof LoopCompletableFuture && ((LoopCompletableFuture<?>) source).loop == loop);
        if (outstanding) {
            loop.foreignWorkStarted();
        }
        source.whenComplete((v, e) -> loop.callSoonThreadsafe(() -> settle(v, e)));
    }

    private void settled() {
        if (outstanding) {
            outstanding = false;
            loop.foreignWorkSettled();
        }
    }

    private void settle(T value, Throwable failure) {
        settled();
        if (done()) {
            return;
        }
        if (failure == null) {
            setResult(value);
            return;
        }
        Throwable cause = unwrap(failure);
        if (cause instanceof CancellationException) {
            cancelFuture(cause.getMessage());
        } else {
            setException(cause);
        }
    }

    @Override
    public boolean cancel(String msg) {
        if (!super.cancel(msg)) {
            return false;
        }
        settled();
        try {
            source.toCompletableFuture().cancel(false);
        } catch (UnsupportedOperationException notConvertible) {
            // a stage that cannot be cancelled: only the awaiting side stops waiting
        }
        return true;
    }

    /** The exception a stage failed with, without its {@code CompletionException}/{@code ExecutionException} wrappers. */
    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
