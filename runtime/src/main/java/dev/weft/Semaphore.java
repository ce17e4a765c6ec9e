package dev.weft;

import dev.weft.internal.CoroutineFrame;
import dev.weft.internal.Frame;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;

/**
 * Python's {@code asyncio.Semaphore}: a counter of permits; {@link #acquire()} takes one, waiting
 * while there is none, and {@link #release()} gives one back.
 *
 * <pre>{@code
 * Semaphore sem = new Semaphore(10);
 * // in an @Async coroutine, Python's "async with sem:"
 * try (Held held = await(sem.acquire())) {
 *     // at most 10 tasks here at once
 * }
 * }</pre>
 *
 * <p>FIFO (Python 3.13): a task arriving while others wait queues behind them even if a permit is
 * free. A waiter woken by {@code release()} and cancelled before it ran gives its permit back and
 * the next waiter is woken: no permit is lost. Unlike a {@link Lock} a semaphore has no owner: any
 * task may release. {@link BoundedSemaphore} refuses a release beyond its initial value. Bound to
 * the loop where it is first used (see {@link Lock}).
 */
public class Semaphore extends LoopBound {
    int value;
    private ArrayDeque<Future<Object>> waiters;
    private final Held held = new Held() {
        @Override
        public void close() {
            release();
        }

        @Override
        public String toString() {
            return "<Held " + Semaphore.this + ">";
        }
    };
    private Future<Held> acquired;

    /** A semaphore with one permit: {@code new Semaphore()}. */
    public Semaphore() {
        this(1);
    }

    /**
     * A semaphore with {@code value} permits.
     *
     * <pre>{@code
     * Semaphore sem = new Semaphore(3);
     * }</pre>
     *
     * @param value the initial count of permits
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public Semaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Semaphore initial value must be >= 0, got " + value);
        }
        this.value = value;
    }

    /**
     * Whether {@link #acquire()} would wait: no permit left, or tasks waiting ahead (FIFO).
     *
     * <pre>{@code
     * if (!sem.locked()) { await(sem.acquire()); }
     * }</pre>
     *
     * @return whether {@code acquire()} would wait now
     */
    public boolean locked() {
        if (value == 0) {
            return true;
        }
        ArrayDeque<Future<Object>> ws = waiters;
        if (ws != null) {
            for (Future<Object> w : ws) {
                if (!w.cancelled()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The number of free permits (Python's {@code _value}, shown by its repr): {@code sem.value()}.
     *
     * @return how many permits are free
     */
    public int value() {
        return value;
    }

    /**
     * Takes a permit; await the result, which gives the {@link Held} whose {@code close()}
     * releases it. Taken at once, at this call and with no allocation, when {@link #locked()} is
     * false; otherwise the returned coroutine waits its turn when awaited.
     *
     * <pre>{@code
     * try (Held held = await(sem.acquire())) { ... }
     * }</pre>
     *
     * @return an awaitable giving the held permit once acquired
     * @throws IllegalStateException without a running loop, on another loop, or from another thread
     */
    public Awaitable<Held> acquire() {
        EventLoop l = checkLoop("Semaphore.acquire");
        if (!locked()) {
            Future<Held> done = acquired;
            if (done == null) {
                if (l == null) {
                    l = waitingLoop("Semaphore.acquire");
                }
                acquired = done = doneFuture(l, held);
            }
            value--;
            return done;
        }
        CoroutineFrame<Held> f = new CoroutineFrame<>(Semaphore::acquireBody, 2, 0);
        f.refs[0] = this;
        return f;
    }

    /**
     * Gives a permit back and wakes the first waiting task, if any. Any task (or callback) may
     * release.
     *
     * <pre>{@code
     * await(sem.acquire());
     * try { ... } finally { sem.release(); }
     * }</pre>
     */
    public void release() {
        checkLoop("Semaphore.release");
        value++;
        wakeUpNext();
    }

    /** Wakes the first waiter not woken yet, handing it a permit; false if there is none. */
    private boolean wakeUpNext() {
        ArrayDeque<Future<Object>> ws = waiters;
        if (ws == null || ws.isEmpty()) {
            return false;
        }
        for (Future<Object> w : ws) {
            if (!w.done()) {
                value--;
                w.setResult(Boolean.TRUE);
                return true;
            }
        }
        return false;
    }

    /**
     * Python 3.13's {@code Semaphore.acquire}:
     * <pre>
     * if not locked(): value -= 1; return True
     * fut = create_future(); waiters.append(fut)
     * try:
     *     try: await fut
     *     finally: waiters.remove(fut)
     * except CancelledError:
     *     if fut.done() and not fut.cancelled(): value += 1   # woken, but cancelled: give the permit back
     *     raise
     * finally:
     *     while value > 0 and wake_up_next(): pass
     * </pre>
     * Frame: {@code refs[0]} the semaphore, {@code refs[1]} the waiter future.
     */
    private static Object acquireBody(Frame frame) {
        @SuppressWarnings("unchecked")
        CoroutineFrame<Held> f = (CoroutineFrame<Held>) frame;
        Semaphore sem = (Semaphore) f.refs[0];
        if (f.label == 0) {
            EventLoop loop = sem.waitingLoop("Semaphore.acquire");
            if (!sem.locked()) {
                sem.value--;
                f.refs[0] = null;
                return f.returning(sem.held);
            }
            if (sem.waiters == null) {
                sem.waiters = new ArrayDeque<>();
            }
            return awaitNewWaiter(f, loop, sem.waiters);
        }
        @SuppressWarnings("unchecked")
        Future<Object> fut = (Future<Object>) f.refs[1];
        f.refs[0] = null;
        f.refs[1] = null;
        try {
            try {
                f.resumeValue();
            } finally {
                sem.waiters.remove(fut);
            }
        } catch (CancellationException e) {
            if (fut.done() && !fut.cancelled()) {
                sem.value++;
            }
            throw e;
        } finally {
            while (sem.value > 0) {
                if (!sem.wakeUpNext()) {
                    break;
                }
            }
        }
        return f.returning(sem.held);
    }

    /** Python's repr, for debugging: {@code <Semaphore [unlocked, value:2]>}. */
    @Override
    public String toString() {
        String extra = locked() ? "locked" : "unlocked, value:" + value;
        if (waiters != null && !waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<" + getClass().getSimpleName() + " [" + extra + "]>";
    }
}
