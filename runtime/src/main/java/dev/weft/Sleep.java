package dev.weft;

import static dev.weft.Weft.await;

import dev.weft.internal.CoroutineFrame;

/**
 * {@code asyncio.sleep}. Lazy, like any coroutine: the timer is set when the coroutine first runs.
 * {@code sleep(0)} is {@link CoroutineFrame#yieldOnce()}, shared and allocation-free: the task
 * steps again in the next iteration.
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
