package dev.weft;

import dev.weft.internal.CoroutineFrame;
import dev.weft.internal.Frame;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * {@code asyncio.wait_for} (Python 3.11), a coroutine written by hand in the shape the rewrite
 * emits. It waits for the work or the timeout, whichever comes first; on timeout it cancels the
 * work, waits until the work has really ended, then raises {@link TimeoutException} (unless the
 * work finished anyway, whose result then counts). If the waiting coroutine is itself cancelled,
 * the work is cancelled and waited for as well, and the cancellation goes on.
 *
 * <p>Frame: {@code refs[0]} the work's future, {@code refs[1]} the release of the waiter,
 * {@code refs[2]} the timer, {@code refs[3]} the cancellation being propagated; {@code prims[0]}
 * the timeout's bits.
 */
final class WaitFor {
    private static final int CANCEL_AT_ONCE = 1;
    private static final int WAITING = 2;
    private static final int CANCELLED_WHILE_WAITING = 3;
    private static final int TIMED_OUT = 4;
    private static final int NO_TIMEOUT = 5;

    private WaitFor() {
    }

    static <T> Coroutine<T> of(Awaitable<T> work, double timeoutSeconds) {
        if (work == null) {
            throw new NullPointerException("waitFor(null, ...): pass the coroutine, task or future to wait for");
        }
        if (Double.isNaN(timeoutSeconds)) {
            throw new IllegalArgumentException("waitFor: the timeout must be a number of seconds, not NaN");
        }
        CoroutineFrame<T> f = new CoroutineFrame<>(WaitFor::body, 4, 1);
        f.refs[0] = work;
        f.prims[0] = Double.doubleToRawLongBits(timeoutSeconds);
        return f;
    }

    @SuppressWarnings("unchecked")
    private static Object body(Frame frame) {
        CoroutineFrame<Object> f = (CoroutineFrame<Object>) frame;
        switch (f.label) {
            case 0:
                return start(f);
            case NO_TIMEOUT:
                return f.returning(f.resumeValue());
            case CANCEL_AT_ONCE:
                return afterCancelAndWait(f, false);
            case WAITING:
                return afterWaiting(f);
            case CANCELLED_WHILE_WAITING: {
                CancellationException cancelled = (CancellationException) f.refs[3];
                f.refs[3] = null;
                afterCancelAndWait(f, true);
                throw cancelled;
            }
            case TIMED_OUT:
                return afterCancelAndWait(f, true);
            default:
                throw new IllegalStateException("bad resume point " + f.label);
        }
    }

    private static Object start(CoroutineFrame<Object> f) {
        EventLoop loop = EventLoop.requireRunning("waitFor");
        Awaitable<?> work = (Awaitable<?>) f.refs[0];
        double timeout = Double.longBitsToDouble(f.prims[0]);
        if (timeout == Double.POSITIVE_INFINITY) {
            f.refs[0] = null;
            return f.suspendAwait(NO_TIMEOUT, work);
        }
        Future<?> fut = loop.ensureFuture(work);
        f.refs[0] = fut;
        if (!(timeout > 0)) {
            if (fut.done()) {
                f.refs[0] = null;
                return f.returning(fut.result());
            }
            return cancelAndWait(f, fut, CANCEL_AT_ONCE);
        }
        Release release = new Release(loop.createFuture());
        f.refs[1] = release;
        f.refs[2] = loop.callLater(timeout, release);
        fut.addDoneCallback(release);
        return f.suspendAwait(WAITING, release.waiter);
    }

    /** Back from waiting for the work or the timeout. */
    private static Object afterWaiting(CoroutineFrame<Object> f) {
        Future<?> fut = (Future<?>) f.refs[0];
        Release release = (Release) f.refs[1];
        try {
            f.resumeValue();
        } catch (CancellationException cancelled) {
            if (fut.done()) {
                return finish(f, fut);
            }
            fut.removeDoneCallback(release);
            f.refs[3] = cancelled;
            return cancelAndWait(f, fut, CANCELLED_WHILE_WAITING);
        } catch (RuntimeException | Error unexpected) {
            cancelTimer(f);
            throw unexpected;
        }
        if (fut.done()) {
            return finish(f, fut);
        }
        fut.removeDoneCallback(release);
        return cancelAndWait(f, fut, TIMED_OUT);
    }

    private static Object finish(CoroutineFrame<Object> f, Future<?> fut) {
        cancelTimer(f);
        f.refs[0] = null;
        f.refs[1] = null;
        return f.returning(fut.result());
    }

    /** Python's {@code _cancel_and_wait}: cancels the work and waits until it is done, whatever it does with the cancellation. */
    private static Object cancelAndWait(CoroutineFrame<Object> f, Future<?> fut, int label) {
        Release release = new Release(fut.loop.createFuture());
        f.refs[1] = release;
        fut.addDoneCallback(release);
        fut.cancel();
        return f.suspendAwait(label, release.waiter);
    }

    /** Back from {@link #cancelAndWait}: the work is done. Its result counts if it finished anyway; else a timeout. */
    private static Object afterCancelAndWait(CoroutineFrame<Object> f, boolean timerSet) {
        Future<?> fut = (Future<?>) f.refs[0];
        Release release = (Release) f.refs[1];
        f.refs[0] = null;
        f.refs[1] = null;
        try {
            f.resumeValue();
        } finally {
            fut.removeDoneCallback(release);
            if (timerSet) {
                cancelTimer(f);
            }
        }
        if (f.label == CANCELLED_WHILE_WAITING) {
            return null; // the caller raises the cancellation
        }
        try {
            return f.returning(fut.result());
        } catch (CancellationException e) {
            throw new TimeoutException("waitFor: the work did not finish in time and was cancelled", e);
        }
    }

    private static void cancelTimer(CoroutineFrame<Object> f) {
        TimerHandle timer = (TimerHandle) f.refs[2];
        f.refs[2] = null;
        if (timer != null) {
            timer.cancel();
        }
    }

    /** Python's {@code _release_waiter}: sets the waiter's result unless it is done; a done callback and a timer callback. */
    private static final class Release implements Consumer<Future<?>>, Runnable {
        final Future<Object> waiter;

        Release(Future<Object> waiter) {
            this.waiter = waiter;
        }

        @Override
        public void accept(Future<?> done) {
            run();
        }

        @Override
        public void run() {
            if (!waiter.done()) {
                waiter.setResult(null);
            }
        }
    }
}
