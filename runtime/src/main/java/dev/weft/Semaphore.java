package dev.weft;

import static dev.weft.Weft.await;

import dev.weft.internal.AwaitFrame;
import dev.weft.internal.SharedCoroutine;
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
 * the next waiter is woken: no permit is lost. Like a {@link Lock}, a semaphore has no owner: any
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
    /** What {@link #acquire()} gives on this loop's thread: its fast path runs at the await, allocation-free. */
    private final SharedCoroutine<Held> acquiring = new SharedCoroutine<>() {
        @Override
        protected Object tryNow(Object unused) {
            checkLoop("Semaphore.acquire");
            if (!isLocked()) {
                value--;
                return held;
            }
            return AwaitFrame.PENDING;
        }

        @Override
        protected Coroutine<Held> slow(Object unused) {
            return acquireInTurn();
        }

        @Override
        public String toString() {
            return "<coroutine Semaphore.acquire>";
        }
    };

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
        checkReader("Semaphore.locked");
        return isLocked();
    }

    private boolean isLocked() {
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
        checkReader("Semaphore.value");
        return value;
    }

    /**
     * Python's {@code acquire()}: a coroutine that, awaited, takes a permit, waiting its turn (FIFO)
     * while {@link #locked()}; it gives the {@link Held} whose {@code close()} releases it. Nothing
     * happens until it is awaited; an uncontended {@code await(sem.acquire())} allocates nothing.
     *
     * <pre>{@code
     * try (Held held = await(sem.acquire())) { ... }
     * }</pre>
     *
     * @return a coroutine giving the held permit once acquired
     */
    public Coroutine<Held> acquire() {
        return onLoopThread() && acquiring.lend(null) ? acquiring : acquireInTurn();
    }

    /**
     * Python 3.13's {@code Semaphore.acquire}:
     * <pre>
     * if not locked(): value -= 1; return True
     * fut = create_future()
     * try:
     *     waiters.append(fut); try: await fut; finally: waiters.remove(fut)
     * except CancelledError:
     *     if fut.done() and not fut.cancelled(): value += 1   # woken, but cancelled: give the permit back
     *     raise
     * finally:
     *     while value > 0 and wake_up_next(): pass
     * </pre>
     */
    @Async
    private Coroutine<Held> acquireInTurn() {
        checkLoop("Semaphore.acquire"); // the fast path needs no running loop (CPython's neither), only this thread
        if (!isLocked()) {
            value--;
            return Coroutine.returning(held);
        }
        if (waiters == null) {
            waiters = new ArrayDeque<>();
        }
        Future<Object> fut = waitingLoop("Semaphore.acquire").createFuture();
        try {
            await(waitInLine(fut, waiters));
        } catch (CancellationException e) {
            if (fut.done() && !fut.cancelled()) {
                value++;
            }
            throw e;
        } finally {
            while (value > 0 && wakeUpNext()) {
                // wake as many new waiters as there are permits (they queued behind us for FIFO)
            }
        }
        return Coroutine.returning(held);
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

    /** Python's repr, for debugging: {@code <Semaphore [unlocked, value:2]>}. */
    @Override
    public String toString() {
        String extra = isLocked() ? "locked" : "unlocked, value:" + value;
        if (waiters != null && !waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<" + getClass().getSimpleName() + " [" + extra + "]>";
    }
}
