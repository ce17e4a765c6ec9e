package dev.weft;

import static dev.weft.Weft.await;

import dev.weft.internal.AwaitFrame;
import dev.weft.internal.CoroutineFrame;
import dev.weft.internal.SharedCoroutine;

/**
 * {@code asyncio.sleep}. Lazy, like any coroutine: the timer is set when the coroutine first runs.
 * {@code sleep(0)} yields once: the task steps again in the next iteration. Called in a running
 * loop it is the loop's {@link Zero}, lent for the call and allocation-free; otherwise (and while
 * the loop's is out, not awaited yet) a fresh {@link CoroutineFrame#yieldOnce()}.
 */
final class Sleep {
    private Sleep() {
    }

    /** A coroutine sleeping {@code seconds} on the running loop's clock; zero or less yields once. */
    static Coroutine<Void> of(double seconds) {
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException("sleep(NaN): the delay must be a number of seconds");
        }
        if (!(seconds > 0)) {
            EventLoop loop = EventLoop.runningOrNull();
            return loop != null && loop.sleepZero.lend(null) ? loop.sleepZero : CoroutineFrame.yieldOnce();
        }
        return sleepFor(seconds);
    }

    /**
     * <pre>
     * future = loop.create_future()
     * h = loop.call_later(delay, _set_result_unless_cancelled, future, None)
     * try: return await future
     * finally: h.cancel()
     * </pre>
     */
    @Async
    private static Coroutine<Void> sleepFor(double delay) {
        EventLoop loop = EventLoop.requireRunning("sleep");
        Timer future = new Timer(loop);
        TimerHandle h = loop.callLater(delay, future);
        try {
            await(future);
        } finally {
            h.cancel();
        }
        return Coroutine.done();
    }

    /**
     * A loop's {@code sleep(0)}: awaited by a task, the task itself suspends on
     * {@link CoroutineFrame#YIELD} (no coroutine frame); given to a task or awaited elsewhere, it
     * becomes a fresh {@link CoroutineFrame#yieldOnce()}. Awaited twice, it raises as any coroutine.
     */
    static final class Zero extends SharedCoroutine<Void> {
        @Override
        protected Object tryNow(Object unused) {
            return AwaitFrame.PENDING; // it always yields
        }

        @Override
        protected Object waitDirectly(Object unused) {
            return CoroutineFrame.YIELD;
        }

        @Override
        protected Coroutine<Void> slow(Object unused) {
            return CoroutineFrame.yieldOnce();
        }

        @Override
        public String toString() {
            return "<coroutine sleep>";
        }
    }

    /** The future a sleep awaits, and the timer callback that resolves it unless it was cancelled (one object, not two). */
    private static final class Timer extends Future<Void> implements Runnable {
        Timer(EventLoop loop) {
            super(loop);
        }

        @Override
        public void run() {
            if (!done()) {
                setResult(null);
            }
        }
    }
}
