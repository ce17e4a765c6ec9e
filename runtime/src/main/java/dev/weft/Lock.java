package dev.weft;

import dev.weft.internal.CoroutineFrame;
import dev.weft.internal.Frame;
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
 * <h2>Ownership</h2>
 * Unlike CPython, the lock remembers the task that acquired it: {@code release()} from another task
 * throws {@link IllegalStateException} while the holder is not done. A plain callback (no current
 * task) may release it, and so may any task once the holder has finished, which is what happens
 * when the acquire ran in a task of its own ({@code waitFor(lock.acquire(), 5)},
 * {@code gather(lock.acquire())}).
 *
 * <h2>Loop</h2>
 * The lock is bound to the loop running where it is first used; from another thread it throws
 * {@link IllegalStateException} naming {@code callSoonThreadsafe}/{@code runCoroutineThreadsafe}.
 */
public final class Lock extends LoopBound {
    private boolean locked;
    private Task<?> owner;
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
    /** The done future the uncontended acquire gives, created once. */
    private Future<Held> acquired;

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
        return locked;
    }

    /**
     * Acquires the lock; await the result: {@code await(lock.acquire())} gives the {@link Held}
     * whose {@code close()} releases it. If the lock is free and nobody waits, it is taken at
     * once, at this call, with no allocation; otherwise the returned coroutine waits its turn
     * (FIFO) when awaited. Cancelled while waiting, it raises the {@code CancellationException}
     * without the lock.
     *
     * <pre>{@code
     * try (Held held = await(lock.acquire())) { ... }
     * }</pre>
     *
     * @return an awaitable giving the held lock once acquired
     * @throws IllegalStateException (at the call or at the await) without a running loop, on
     *     another loop, or from another thread
     */
    public Awaitable<Held> acquire() {
        EventLoop l = checkLoop("Lock.acquire");
        if (!locked && noLiveWaiter()) {
            Future<Held> done = acquired;
            if (done == null) {
                if (l == null) {
                    l = waitingLoop("Lock.acquire");
                }
                acquired = done = doneFuture(l, held);
            }
            take(l);
            return done;
        }
        return acquireSlow();
    }

    /**
     * Releases the lock; the first task waiting for it, if any, takes it next.
     *
     * <pre>{@code
     * await(lock.acquire());
     * try { ... } finally { lock.release(); }
     * }</pre>
     *
     * @throws IllegalStateException if the lock is not held (Python's RuntimeError), or if another
     *     task holds it and is not done
     */
    public void release() {
        EventLoop l = checkLoop("Lock.release");
        if (!locked) {
            throw new IllegalStateException("Lock is not acquired");
        }
        Task<?> me = currentTask(l);
        Task<?> o = owner;
        if (o != null && me != null && o != me && !o.done()) {
            throw new IllegalStateException("Lock is held by task '" + o.getName() + "': task '" + me.getName()
                    + "' cannot release it");
        }
        unlock();
    }

    /** Releases without the ownership check: {@link Condition}'s wait, which CPython allows from any task. */
    void releaseUnowned(String what) {
        checkLoop(what);
        if (!locked) {
            throw new IllegalStateException("Lock is not acquired");
        }
        unlock();
    }

    private void unlock() {
        locked = false;
        owner = null;
        wakeUpFirst();
    }

    /** Takes the lock now if it is free and nobody waits (no barging): for {@link Condition}'s re-acquire. */
    boolean tryTake(EventLoop l) {
        if (!locked && noLiveWaiter()) {
            take(l);
            return true;
        }
        return false;
    }

    private void take(EventLoop l) {
        locked = true;
        owner = currentTask(l);
    }

    /** The acquire coroutine: it re-checks the lock when it runs, and waits its turn if it must. */
    Coroutine<Held> acquireSlow() {
        CoroutineFrame<Held> f = new CoroutineFrame<>(Lock::acquireBody, 2, 0);
        f.refs[0] = this;
        return f;
    }

    Held held() {
        return held;
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

    /**
     * <pre>
     * if not locked and all waiters cancelled: take it, return
     * fut = create_future(); waiters.append(fut)
     * try:
     *     try: await fut
     *     finally: waiters.remove(fut)
     * except CancelledError:
     *     if not locked: wake_up_first()
     *     raise
     * take it
     * </pre>
     * Frame: {@code refs[0]} the lock, {@code refs[1]} the waiter future.
     */
    private static Object acquireBody(Frame frame) {
        @SuppressWarnings("unchecked")
        CoroutineFrame<Held> f = (CoroutineFrame<Held>) frame;
        Lock lock = (Lock) f.refs[0];
        if (f.label == 0) {
            EventLoop loop = lock.waitingLoop("Lock.acquire");
            if (lock.tryTake(loop)) {
                f.refs[0] = null;
                return f.returning(lock.held);
            }
            if (lock.waiters == null) {
                lock.waiters = new ArrayDeque<>();
            }
            return awaitNewWaiter(f, loop, lock.waiters);
        }
        Object fut = f.refs[1];
        f.refs[0] = null;
        f.refs[1] = null;
        try {
            f.resumeValue();
        } catch (Throwable t) {
            lock.waiters.remove(fut);
            if (t instanceof CancellationException && !lock.locked) {
                lock.wakeUpFirst();
            }
            throw t;
        }
        lock.waiters.remove(fut);
        lock.take(lock.boundLoop());
        return f.returning(lock.held);
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
