package dev.weft;

import dev.weft.internal.CoroutineFrame;
import dev.weft.internal.Frame;

/**
 * {@code asyncio.sleep} as coroutines written by hand in the shape the rewrite emits (a switch on
 * the frame's label). Lazy, like any coroutine: the timer is set when the coroutine first runs.
 * {@code sleep(0)} is {@link CoroutineFrame#yieldOnce()}: the task steps again in the next iteration.
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
            return CoroutineFrame.yieldOnce();
        }
        CoroutineFrame<Void> f = new CoroutineFrame<>(Sleep::sleepFor, 1, 1);
        f.prims[0] = Double.doubleToRawLongBits(seconds);
        return f;
    }

    /**
     * <pre>
     * future = loop.create_future()
     * h = loop.call_later(delay, _set_result_unless_cancelled, future, None)
     * try: return await future
     * finally: h.cancel()
     * </pre>
     */
    private static Object sleepFor(Frame frame) {
        CoroutineFrame<?> f = (CoroutineFrame<?>) frame;
        if (f.label == 0) {
            EventLoop loop = EventLoop.requireRunning("sleep");
            Timer timer = new Timer(loop);
            timer.handle = loop.callLater(Double.longBitsToDouble(f.prims[0]), timer);
            f.refs[0] = timer;
            return f.suspendAwait(1, timer);
        }
        Timer timer = (Timer) f.refs[0];
        f.refs[0] = null;
        try {
            f.resumeValue();
        } finally {
            timer.handle.cancel();
        }
        return f.returning(null);
    }

    /** The future a sleep awaits, and the timer callback that resolves it unless it was cancelled. */
    private static final class Timer extends Future<Void> implements Runnable {
        TimerHandle handle;

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
