package dev.weft;

import static dev.weft.Weft.await;

import dev.weft.internal.AwaitFrame;
import dev.weft.internal.SharedCoroutine;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;

/**
 * Python's {@code asyncio.Lock}: a mutual exclusion lock for the tasks of one event loop.
 *
 * <pre>{@code
 * Lock lock = new Lock();
 * // in an @Async coroutine, Python's "async with lock:"
 * try (Held held = await(lock.acquire())) {
 *     // access shared state
 * }
 * // or, as "await lock.acquire(); try: ... finally: lock.release()"
 * await(lock.acquire());
 * try {
 *     // access shared state
 * } finally {
 *     lock.release();
 * }
 * }</pre>
 *
 * <h2>Fairness</h2>
 * Tasks blocked in {@code acquire()} get the lock in the order they asked for it (FIFO), and a
 * task arriving while a woken waiter has not run yet does not barge in ahead of it. A waiter that
 * is cancelled, even after {@code release()} woke it, passes its turn to the next one: no wakeup is
 * lost (CPython's {@code _wake_up_first}).
 *
 * <h2>Release</h2>
 * As in CPython, the lock has no owner: any task of its loop (or a plain callback) may release it,
 * so one task may acquire it and another release it; releasing a lock that is not held is an error.
 *
 * <h2>Laziness</h2>
 * As in Python, {@code acquire()} does nothing until it is awaited: an {@code acquire()} never
 * awaited does not take the lock, and {@code waitFor(lock.acquire(), 0)} raises
 * {@link TimeoutException} without it. The uncontended {@code await(lock.acquire())} allocates
 * nothing.
 *
 * <h2>Loop</h2>
 * The lock is bound to the loop running where it is first used; from another thread it throws
 * {@link IllegalStateException} naming {@code callSoonThreadsafe}/{@code runCoroutineThreadsafe}.
 */
public final class Lock extends LoopBound {
    private boolean locked;
    /** Futures of the tasks blocked in acquire, in arrival order; created on first contention. */
    private ArrayDeque<Future<Object>> waiters;
    private final Held held = new Held() {
        @Override
        public void close() {
            release();
        }

        @Override
        public String toString() {
            return "<Held " + Lock.this + ">";
        }
    };
    /** What {@link #acquire()} gives on this loop's thread: its fast path runs at the await, allocation-free. */
    private final SharedCoroutine<Held> acquiring = new SharedCoroutine<>() {
        @Override
        protected Object tryNow(Object unused) {
            checkLoop("Lock.acquire");
            if (!locked && noLiveWaiter()) {
                locked = true;
                return held;
            }
            return AwaitFrame.PENDING;
        }

        @Override
        protected Object waitDirectly(Object unused) {
            Acquirer fut = new Acquirer(waitingLoop("Lock.acquire"));
            waitersOrNew().add(fut);
            return fut;
        }

        @Override
        protected Coroutine<Held> slow(Object unused) {
            return acquireInTurn();
        }

        @Override
        public String toString() {
            return "<coroutine Lock.acquire>";
        }
    };

    /** A new lock, unlocked and bound to no loop yet: {@code Lock lock = new Lock();}. */
    public Lock() {
    }

    /**
     * Whether the lock is held.
     *
     * <pre>{@code
     * if (!lock.locked()) { await(lock.acquire()); }
     * }</pre>
     *
     * @return whether the lock is held
     */
    public boolean locked() {
        checkReader("Lock.locked");
        return locked;
    }

    /** {@link #locked()} without the thread check (for {@code Condition}'s own use, and {@code toString}). */
    boolean isLocked() {
        return locked;
    }

    /**
     * Python's {@code acquire()}: a coroutine that, awaited, takes the lock, waiting its turn
     * (FIFO) if it is held or others wait; it gives the {@link Held} whose {@code close()}
     * releases it. Nothing happens until it is awaited. Cancelled while waiting, it raises the
     * {@code CancellationException} without the lock.
     *
     * <pre>{@code
     * try (Held held = await(lock.acquire())) { ... }
     * }</pre>
     *
     * @return a coroutine giving the held lock once acquired
     */
    public Coroutine<Held> acquire() {
        return onLoopThread() && acquiring.lend(null) ? acquiring : acquireInTurn();
    }

    /**
     * <pre>
     * if not locked and all waiters cancelled: locked = True; return True
     * fut = create_future()
     * try:
     *     waiters.append(fut); try: await fut; finally: waiters.remove(fut)
     * except CancelledError:
     *     if not locked: wake_up_first()
     *     raise
     * locked = True
     * </pre>
     */
    @Async
    private Coroutine<Held> acquireInTurn() {
        checkLoop("Lock.acquire"); // the fast path needs no running loop (CPython's neither), only this thread
        if (!locked && noLiveWaiter()) {
            locked = true;
            return Coroutine.returning(held);
        }
        Future<Object> fut = waitingLoop("Lock.acquire").createFuture();
        waitersOrNew().add(fut);
        try {
            await(fut);
        } catch (Throwable e) {
            leaveLine(fut, e);
            throw e;
        }
        waiters.remove(fut);
        locked = true;
        return Coroutine.returning(held);
    }

    private ArrayDeque<Future<Object>> waitersOrNew() {
        ArrayDeque<Future<Object>> ws = waiters;
        if (ws == null) {
            ws = waiters = new ArrayDeque<>();
        }
        return ws;
    }

    /** A waiter whose wait failed leaves the line; cancelled, it passes its turn on if the lock is free. */
    private void leaveLine(Future<Object> fut, Throwable why) {
        waiters.remove(fut);
        if (why instanceof CancellationException && !locked) {
            wakeUpFirst(); // woken and cancelled: pass the turn on
        }
    }

    /** An {@link #acquire()} waiting, its task suspended on it: {@link #acquireInTurn}'s wait, with no frame. */
    private final class Acquirer extends Waiter {
        Acquirer(EventLoop loop) {
            super(loop);
        }

        @Override
        Object finish() {
            waiters.remove(this);
            locked = true;
            return held;
        }

        @Override
        Coroutine<?> goOn() {
            return acquireInTurn(); // not reached: once woken, the lock is the waiter's
        }

        @Override
        void giveUp(Throwable why) {
            leaveLine(this, why);
        }
    }

    /**
     * Releases the lock; the first task waiting for it, if any, takes it next. Any task of the
     * loop may release it, not only the one that acquired it (as in CPython).
     *
     * <pre>{@code
     * await(lock.acquire());
     * try { ... } finally { lock.release(); }
     * }</pre>
     *
     * @throws IllegalStateException if the lock is not held (Python's RuntimeError)
     */
    public void release() {
        checkLoop("Lock.release");
        if (!locked) {
            throw new IllegalStateException("Lock is not acquired");
        }
        locked = false;
        wakeUpFirst();
    }

    private boolean noLiveWaiter() {
        ArrayDeque<Future<Object>> ws = waiters;
        if (ws == null || ws.isEmpty()) {
            return true;
        }
        for (Future<Object> w : ws) {
            if (!w.cancelled()) {
                return false;
            }
        }
        return true;
    }

    /** Wakes the first waiter unless it is woken already: it will take the lock, or pass its turn on if cancelled. */
    private void wakeUpFirst() {
        ArrayDeque<Future<Object>> ws = waiters;
        if (ws == null || ws.isEmpty()) {
            return;
        }
        Future<Object> first = ws.peekFirst();
        if (!first.done()) {
            first.setResult(Boolean.TRUE);
        }
    }

    /** Python's repr, for debugging: {@code <Lock [locked, waiters:2]>}. */
    @Override
    public String toString() {
        String extra = locked ? "locked" : "unlocked";
        if (waiters != null && !waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<Lock [" + extra + "]>";
    }
}
