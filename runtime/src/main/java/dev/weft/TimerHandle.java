package dev.weft;

/**
 * Python's {@code asyncio.TimerHandle}: a callback scheduled for a time on the loop's clock by
 * {@link EventLoop#callLater} or {@link EventLoop#callAt}. Cancelling it takes it off the loop's
 * timers (lazily: the loop drops cancelled timers as it meets them, and sweeps them when they
 * are many).
 */
public final class TimerHandle extends Handle {
    final long whenNanos;
    final long seq;
    /** Still in the loop's timer queue. */
    boolean scheduled;

    TimerHandle(EventLoop loop, Runnable callback, long whenNanos, long seq) {
        super(loop, callback);
        this.whenNanos = whenNanos;
        this.seq = seq;
    }

    /**
     * When the callback is due, in seconds on the loop's clock ({@link EventLoop#time()}).
     *
     * @return when the call is scheduled, in seconds on the loop's clock
     */
    public double when() {
        return whenNanos / 1e9;
    }

    @Override
    public void cancel() {
        if (!cancelled()) {
            super.cancel();
            if (scheduled) {
                loop.timerCancelled();
            }
        }
    }
}
