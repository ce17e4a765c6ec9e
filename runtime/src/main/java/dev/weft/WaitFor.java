package dev.weft;

import static dev.weft.Weft.await;

import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * {@code asyncio.wait_for} (Python 3.13): {@code async with timeout(t): return await work}. The
 * work runs under a {@link Timeout} scope in the awaiting task (a coroutine inline, as any awaited
 * coroutine; a task or future awaited): on expiry the scope cancels the task, which cancels what
 * it awaits; if the work then ends with the cancellation, {@link TimeoutException} is raised, and
 * if it swallows the cancellation its result counts. A timeout of zero or less cancels the work at
 * once (unless done) and waits until it has really ended.
 */
final class WaitFor {
    private WaitFor() {
    }

    static <T> Coroutine<T> of(Awaitable<T> work, double timeoutSeconds) {
        if (work == null) {
            throw new NullPointerException("waitFor(null, ...): pass the coroutine, task or future to wait for");
        }
        if (Double.isNaN(timeoutSeconds)) {
            throw new IllegalArgumentException("waitFor: the timeout must be a number of seconds, not NaN");
        }
        if (timeoutSeconds <= 0) {
            return cancelAtOnce(work);
        }
        return TimeoutScope.of(timeoutSeconds, false, work, "waitFor");
    }

    /**
     * <pre>
     * fut = ensure_future(fut)
     * if fut.done(): return fut.result()
     * await _cancel_and_wait(fut)
     * try: return fut.result()
     * except CancelledError as exc: raise TimeoutError from exc
     * </pre>
     */
    @Async
    private static <T> Coroutine<T> cancelAtOnce(Awaitable<T> work) {
        Future<T> fut = EventLoop.requireRunning("waitFor").ensureFuture(work);
        if (fut.done()) {
            return Coroutine.returning(fut.result());
        }
        await(cancelAndWait(fut));
        try {
            return Coroutine.returning(fut.result());
        } catch (CancellationException exc) {
            throw new TimeoutException("waitFor: the work did not finish in time and was cancelled", exc);
        }
    }

    /** Python's {@code _cancel_and_wait}: cancels {@code fut} and waits until it is done, through a waiter of its own so that this wait stays cancellable. */
    @Async
    private static Coroutine<Void> cancelAndWait(Future<?> fut) {
        Future<Object> waiter = fut.loop.createFuture();
        Consumer<Future<?>> releaseWaiter = done -> {
            if (!waiter.done()) {
                waiter.setResult(null);
            }
        };
        fut.addDoneCallback(releaseWaiter);
        try {
            fut.cancel();
            await(waiter);
        } finally {
            fut.removeDoneCallback(releaseWaiter);
        }
        return Coroutine.done();
    }
}
