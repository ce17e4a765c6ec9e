package dev.weft;

import static dev.weft.Weft.await;

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
     * @return a coroutine giving the held lock once acquired
     */
    public Coroutine<Held> acquire() {
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
        checkReader("Condition.locked");
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
     * @return a coroutine that is done once woken and the lock is held again
     * @throws IllegalStateException (when awaited) if the lock is not held
     */
    @Async
    public Coroutine<Void> waitSignal() {
        if (!lock.isLocked()) {
            throw new IllegalStateException("cannot wait on un-acquired lock");
        }
        Future<Object> fut = waitingLoop("Condition.waitSignal").createFuture();
        lock.release();
        try {
            try {
                await(waitInLine(fut, waiters));
            } finally {
                // re-acquire the lock even if cancelled; only a cancellation makes it try again
                CancellationException err = null;
                while (true) {
                    try {
                        await(lock.acquire());
                        break;
                    } catch (CancellationException e) {
                        err = e;
                    }
                }
                if (err != null) {
                    throw err;
                }
            }
        } catch (Throwable t) {
            notifyWaiters(1); // we may have been signalled: pass it on (a spurious wakeup at worst)
            throw t;
        }
        return Coroutine.done();
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
     * @return a coroutine that is done once {@code predicate} holds, with the lock held
     * @throws IllegalStateException (when awaited) if it must wait and the lock is not held
     */
    public Coroutine<Void> waitUntil(BooleanSupplier predicate) {
        Objects.requireNonNull(predicate, "waitUntil(null): pass the predicate to wait for");
        return waitUntilTrue(predicate);
    }

    /** {@code while not predicate(): await self.wait()}. */
    @Async
    private Coroutine<Void> waitUntilTrue(BooleanSupplier predicate) {
        while (!predicate.getAsBoolean()) {
            await(waitSignal());
        }
        return Coroutine.done();
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
        if (!lock.isLocked()) {
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

    /** Python's repr, for debugging: {@code <Condition [locked, waiters:1]>}. */
    @Override
    public String toString() {
        String extra = lock.isLocked() ? "locked" : "unlocked";
        if (!waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<Condition [" + extra + "]>";
    }
}
