package dev.weft;

import dev.weft.internal.CoroutineFrame;
import dev.weft.internal.Frame;
import dev.weft.internal.Unchecked;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Python's {@code asyncio.Condition}: tasks wait until another task signals them, over a
 * {@link Lock} (its own, or one given and shared). Since {@link Object} owns {@code wait},
 * {@code notify} and {@code notifyAll}, the names are those of
 * {@link java.util.concurrent.locks.Condition} (minus {@code await}, Weft's marker):
 *
 * <table>
 *   <caption>Python to Weft</caption>
 *   <tr><th>Python</th><th>Weft</th></tr>
 *   <tr><td>{@code await cond.wait()}</td><td>{@code await(cond.waitSignal())}</td></tr>
 *   <tr><td>{@code await cond.wait_for(predicate)}</td><td>{@code await(cond.waitUntil(() -> ...))}</td></tr>
 *   <tr><td>{@code cond.notify(n)}</td><td>{@code cond.signal(n)}, {@code cond.signal()} for one</td></tr>
 *   <tr><td>{@code cond.notify_all()}</td><td>{@code cond.signalAll()}</td></tr>
 *   <tr><td>{@code async with cond:}</td><td>{@code try (Held h = await(cond.acquire())) { ... }}</td></tr>
 * </table>
 *
 * <pre>{@code
 * Condition cond = new Condition();
 * // a consumer
 * try (Held held = await(cond.acquire())) {
 *     await(cond.waitUntil(() -> !items.isEmpty()));
 *     take(items);
 * }
 * // a producer
 * try (Held held = await(cond.acquire())) {
 *     items.add(x);
 *     cond.signal();
 * }
 * }</pre>
 *
 * <p>A waiter wakes up holding the lock again: {@code waitSignal()} re-acquires it before it
 * returns, and also before a cancellation or an error comes out of it. A waiter that is cancelled
 * after it was signalled passes the signal on to another waiter, so no wakeup is lost (Python 3.13;
 * the price is that a wait may return spuriously: re-check the state, or use {@link #waitUntil}).
 *
 * <p>Like CPython, {@code waitSignal()} and {@code signal()} require the lock to be held
 * ({@link IllegalStateException} otherwise) but not by the calling task, so that
 * {@code waitFor(cond.waitSignal(), 1)}, which waits in a task of its own, works.
 */
public final class Condition extends LoopBound {
    private final Lock lock;
    private final ArrayDeque<Future<Object>> waiters = new ArrayDeque<>();

    /** A condition over a new lock of its own: {@code Condition cond = new Condition();}. */
    public Condition() {
        this(new Lock());
    }

    /**
     * A condition over {@code lock}, which other conditions and tasks may share.
     *
     * <pre>{@code
     * Lock lock = new Lock();
     * Condition notEmpty = new Condition(lock), notFull = new Condition(lock);
     * }</pre>
     *
     * @param lock the lock this condition is over, possibly shared with other conditions
     */
    public Condition(Lock lock) {
        this.lock = Objects.requireNonNull(lock, "Condition(null): pass the Lock to use, or use new Condition()");
    }

    /**
     * The underlying lock's {@link Lock#acquire()}: {@code try (Held h = await(cond.acquire())) { ... }}.
     *
     * @return an awaitable giving the held lock once acquired
     */
    public Awaitable<Held> acquire() {
        return lock.acquire();
    }

    /**
     * The lock this condition is over: {@code Lock lock = cond.lock();}.
     *
     * @return the lock under this condition
     */
    public Lock lock() {
        return lock;
    }

    /** The underlying lock's {@link Lock#release()}: {@code cond.release();}. */
    public void release() {
        lock.release();
    }

    /**
     * Whether the underlying lock is held: {@code if (cond.locked()) ...}.
     *
     * @return whether the underlying lock is held
     */
    public boolean locked() {
        return lock.locked();
    }

    /**
     * Python's {@code cond.wait()}: releases the lock, waits until signalled, re-acquires the lock,
     * returns. Cancelled, it still re-acquires the lock before the {@code CancellationException}
     * comes out. It may return without a signal (see the class comment).
     *
     * <pre>{@code
     * try (Held held = await(cond.acquire())) {
     *     while (!ready) {
     *         await(cond.waitSignal());
     *     }
     * }
     * }</pre>
     *
     * @return an awaitable that is done once woken and the lock is held again
     * @throws IllegalStateException (when awaited) if the lock is not held
     */
    public Awaitable<Void> waitSignal() {
        checkLoop("Condition.waitSignal");
        CoroutineFrame<Void> f = new CoroutineFrame<>(Condition::waitBody, 3, 0);
        f.refs[0] = this;
        return f;
    }

    /**
     * Python's {@code cond.wait_for(predicate)}: waits until {@code predicate} is true, checking it
     * first, then after each wakeup (with the lock held each time).
     *
     * <pre>{@code
     * try (Held held = await(cond.acquire())) {
     *     await(cond.waitUntil(() -> count >= 3));
     * }
     * }</pre>
     *
     * @param predicate the condition to wait for, checked with the lock held
     * @return an awaitable that is done once {@code predicate} holds, with the lock held
     * @throws IllegalStateException (when awaited) if it must wait and the lock is not held
     */
    public Awaitable<Void> waitUntil(BooleanSupplier predicate) {
        Objects.requireNonNull(predicate, "waitUntil(null): pass the predicate to wait for");
        checkLoop("Condition.waitUntil");
        CoroutineFrame<Void> f = new CoroutineFrame<>(Condition::waitUntilBody, 2, 0);
        f.refs[0] = this;
        f.refs[1] = predicate;
        return f;
    }

    /**
     * Python's {@code cond.notify()}: wakes one waiting task, if any. It runs once it gets the lock
     * back, so release the lock after signalling.
     *
     * <pre>{@code
     * try (Held held = await(cond.acquire())) { state = READY; cond.signal(); }
     * }</pre>
     *
     * @throws IllegalStateException if the lock is not held
     */
    public void signal() {
        signal(1);
    }

    /**
     * Python's {@code cond.notify(n)}: wakes at most {@code n} waiting tasks, in the order they
     * started waiting.
     *
     * <pre>{@code
     * cond.signal(2);
     * }</pre>
     *
     * @param n how many waiting tasks to wake at most
     * @throws IllegalStateException if the lock is not held
     */
    public void signal(int n) {
        checkLoop("Condition.signal");
        if (!lock.locked()) {
            throw new IllegalStateException("cannot notify on un-acquired lock");
        }
        notifyWaiters(n);
    }

    /**
     * Python's {@code cond.notify_all()}: wakes every waiting task.
     *
     * <pre>{@code
     * cond.signalAll();
     * }</pre>
     *
     * @throws IllegalStateException if the lock is not held
     */
    public void signalAll() {
        signal(waiters.size());
    }

    private void notifyWaiters(int n) {
        int woken = 0;
        for (Future<Object> w : waiters) {
            if (woken >= n) {
                break;
            }
            if (!w.done()) {
                woken++;
                w.setResult(Boolean.FALSE);
            }
        }
    }

    private static final int WAITING = 1;
    private static final int REACQUIRING = 2;

    /**
     * Python 3.13's {@code Condition.wait}:
     * <pre>
     * if not locked: raise RuntimeError
     * fut = create_future(); release()
     * try:
     *     try:
     *         waiters.append(fut)
     *         try: await fut; return True
     *         finally: waiters.remove(fut)
     *     finally:
     *         err = None
     *         while True:
     *             try: await acquire(); break
     *             except CancelledError as e: err = e
     *         if err is not None: raise err
     * except BaseException:
     *     _notify(1); raise
     * </pre>
     * Frame: {@code refs[0]} the condition, {@code refs[1]} the waiter future, {@code refs[2]} the
     * exception to raise once the lock is held again.
     */
    private static Object waitBody(Frame frame) {
        @SuppressWarnings("unchecked")
        CoroutineFrame<Void> f = (CoroutineFrame<Void>) frame;
        Condition cond = (Condition) f.refs[0];
        switch (f.label) {
            case 0: {
                if (!cond.lock.locked()) {
                    throw new IllegalStateException("cannot wait on un-acquired lock");
                }
                EventLoop loop = cond.waitingLoop("Condition.waitSignal");
                Future<Object> fut = loop.createFuture();
                cond.lock.releaseUnowned("Condition.waitSignal");
                cond.waiters.add(fut);
                f.refs[1] = fut;
                return f.suspendAwait(WAITING, fut);
            }
            case WAITING: {
                Object fut = f.refs[1];
                f.refs[1] = null;
                try {
                    f.resumeValue();
                } catch (Throwable t) {
                    f.refs[2] = t;
                }
                cond.waiters.remove(fut);
                return reacquire(f, cond);
            }
            case REACQUIRING: {
                try {
                    f.resumeValue();
                } catch (CancellationException e) {
                    f.refs[2] = e;
                    return reacquire(f, cond);
                } catch (Throwable t) {
                    f.refs[0] = null;
                    f.refs[2] = null;
                    cond.notifyWaiters(1);
                    throw t;
                }
                return woken(f, cond);
            }
            default:
                throw new IllegalStateException("bad resume point " + f.label);
        }
    }

    private static Object reacquire(CoroutineFrame<Void> f, Condition cond) {
        if (cond.lock.tryTake(cond.lock.boundLoop())) {
            return woken(f, cond);
        }
        return f.suspendAwait(REACQUIRING, cond.lock.acquireSlow());
    }

    private static Object woken(CoroutineFrame<Void> f, Condition cond) {
        Throwable err = (Throwable) f.refs[2];
        f.refs[0] = null;
        f.refs[2] = null;
        if (err != null) {
            cond.notifyWaiters(1);
            throw Unchecked.<RuntimeException>raise(err);
        }
        return f.returning(null);
    }

    /**
     * <pre>
     * result = predicate()
     * while not result:
     *     await self.wait()
     *     result = predicate()
     * </pre>
     * Frame: {@code refs[0]} the condition, {@code refs[1]} the predicate.
     */
    private static Object waitUntilBody(Frame frame) {
        @SuppressWarnings("unchecked")
        CoroutineFrame<Void> f = (CoroutineFrame<Void>) frame;
        Condition cond = (Condition) f.refs[0];
        BooleanSupplier predicate = (BooleanSupplier) f.refs[1];
        if (f.label != 0) {
            f.resumeValue();
        }
        if (predicate.getAsBoolean()) {
            f.refs[0] = null;
            f.refs[1] = null;
            return f.returning(null);
        }
        CoroutineFrame<Void> wait = new CoroutineFrame<>(Condition::waitBody, 3, 0);
        wait.refs[0] = cond;
        return f.suspendAwait(1, wait);
    }

    /** Python's repr, for debugging: {@code <Condition [locked, waiters:1]>}. */
    @Override
    public String toString() {
        String extra = lock.locked() ? "locked" : "unlocked";
        if (!waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<Condition [" + extra + "]>";
    }
}
