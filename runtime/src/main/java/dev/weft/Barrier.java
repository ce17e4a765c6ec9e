package dev.weft;

import dev.weft.internal.CoroutineFrame;
import dev.weft.internal.Frame;
import java.util.function.BooleanSupplier;

/**
 * Python 3.11's {@code asyncio.Barrier}: a fixed number of tasks ({@link #parties()}) wait for
 * each other; when the last one arrives, all go on. Python's {@code wait()} is
 * {@link #arriveAndWait()} here ({@code wait} belongs to {@link Object}); it gives each task its
 * arrival index, 0 for the first.
 *
 * <pre>{@code
 * Barrier barrier = new Barrier(3);
 * // in each of 3 tasks:
 * int index = await(barrier.arriveAndWait());
 * if (index == 0) {
 *     System.out.println("everyone arrived");
 * }
 * }</pre>
 *
 * <p>The barrier is reusable: once all parties have passed ("draining"), it fills again. Tasks
 * arriving while it drains wait for the next round. {@link #reset()} sends the waiting tasks away
 * with {@link BrokenBarrierError} and makes the barrier fill again; {@link #abort()} breaks it for
 * good: every waiting and every later task gets {@code BrokenBarrierError}. A task cancelled
 * while waiting leaves the barrier (its count drops). Built, as CPython's, on a
 * {@link Condition}; bound to the loop where it is first used.
 */
public final class Barrier extends LoopBound {
    private enum State {
        FILLING, DRAINING, RESETTING, BROKEN;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Condition cond = new Condition();
    private final int parties;
    private State state = State.FILLING;
    private int count;
    private Future<Void> doneVoid;
    /** {@code _block}'s predicate: the barrier is neither draining nor resetting. */
    private final BooleanSupplier mayEnter = () -> state != State.DRAINING && state != State.RESETTING;
    /** {@code _wait}'s predicate: the barrier is no longer filling. */
    private final BooleanSupplier notFilling = () -> state != State.FILLING;

    /**
     * A barrier for {@code parties} tasks.
     *
     * <pre>{@code
     * Barrier barrier = new Barrier(3);
     * }</pre>
     *
     * @param parties how many tasks must call {@link #arriveAndWait()} before all of them go on; at least 1
     * @throws IllegalArgumentException if {@code parties} is less than 1
     */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be > 0, got " + parties);
        }
        this.parties = parties;
    }

    /**
     * How many tasks the barrier waits for: {@code barrier.parties()}.
     *
     * @return how many tasks the barrier waits for
     */
    public int parties() {
        return parties;
    }

    /**
     * How many tasks wait at the barrier while it fills (0 otherwise): {@code barrier.nWaiting()}.
     *
     * @return how many tasks are waiting at the barrier now
     */
    public int nWaiting() {
        return state == State.FILLING ? count : 0;
    }

    /**
     * Whether the barrier is broken ({@link #abort()}): {@code if (barrier.broken()) ...}.
     *
     * @return whether the barrier is broken (by {@link #abort()})
     */
    public boolean broken() {
        return state == State.BROKEN;
    }

    /**
     * Python's {@code barrier.wait()} (and {@code async with barrier as index}): waits until
     * {@link #parties()} tasks have arrived, then gives this task's arrival index, from 0 to
     * {@code parties - 1}. Await the result.
     *
     * <pre>{@code
     * int index = await(barrier.arriveAndWait());
     * }</pre>
     *
     * @return an awaitable giving this task's arrival index, from 0 to {@code parties() - 1}
     * @throws BrokenBarrierError (when awaited) if the barrier is broken, or is aborted or reset
     *     while this task waits
     */
    public Awaitable<Integer> arriveAndWait() {
        checkLoop("Barrier.arriveAndWait");
        CoroutineFrame<Integer> f = new CoroutineFrame<>(Barrier::waitBody, 1, 1);
        f.refs[0] = this;
        return f;
    }

    /**
     * Python's {@code await barrier.reset()}: tasks waiting at the barrier get
     * {@link BrokenBarrierError}, and the barrier fills again (once they have left). Await the
     * result: it takes the barrier's internal lock, and acts at once if that is free.
     *
     * <pre>{@code
     * await(barrier.reset());
     * }</pre>
     *
     * @return an awaitable that resets the barrier when awaited
     */
    public Awaitable<Void> reset() {
        return withLock(true);
    }

    /**
     * Python's {@code await barrier.abort()}: breaks the barrier; every task waiting at it and
     * every later one gets {@link BrokenBarrierError}. Await the result (as {@link #reset()}).
     *
     * <pre>{@code
     * await(barrier.abort());
     * }</pre>
     *
     * @return an awaitable that breaks the barrier when awaited
     */
    public Awaitable<Void> abort() {
        return withLock(false);
    }

    private Awaitable<Void> withLock(boolean reset) {
        EventLoop l = checkLoop(reset ? "Barrier.reset" : "Barrier.abort");
        if (l != null && cond.lock().tryTake(l)) {
            try {
                doLocked(reset);
            } finally {
                cond.release();
            }
            Future<Void> done = doneVoid;
            if (done == null) {
                doneVoid = done = doneFuture(l, null);
            }
            return done;
        }
        CoroutineFrame<Void> f = new CoroutineFrame<>(Barrier::lockedBody, 1, 1);
        f.refs[0] = this;
        f.prims[0] = reset ? 1 : 0;
        return f;
    }

    private void doLocked(boolean reset) {
        if (reset) {
            if (count > 0) {
                state = State.RESETTING;
            } else {
                state = State.FILLING;
            }
        } else {
            state = State.BROKEN;
        }
        cond.signalAll();
    }

    /** {@code async with self._cond: reset or abort}. Frame: {@code refs[0]} the barrier, {@code prims[0]} 1 for reset. */
    private static Object lockedBody(Frame frame) {
        @SuppressWarnings("unchecked")
        CoroutineFrame<Void> f = (CoroutineFrame<Void>) frame;
        Barrier b = (Barrier) f.refs[0];
        if (f.label == 0) {
            return f.suspendAwait(1, b.cond.lock().acquireSlow());
        }
        f.refs[0] = null;
        f.resumeValue();
        try {
            b.doLocked(f.prims[0] == 1);
        } finally {
            b.cond.release();
        }
        return f.returning(null);
    }

    private static final int LOCKED = 1;
    private static final int BLOCKED = 2;
    private static final int WAITED = 3;

    /**
     * <pre>
     * async with self._cond:
     *     await self._cond.wait_for(lambda: state not in (DRAINING, RESETTING))
     *     if state is BROKEN: raise BrokenBarrierError("Barrier aborted")
     *     try:
     *         index = count; count += 1
     *         if index + 1 == parties: state = DRAINING; cond.notify_all()
     *         else:
     *             await self._cond.wait_for(lambda: state is not FILLING)
     *             if state in (BROKEN, RESETTING): raise BrokenBarrierError("Abort or reset of barrier")
     *         return index
     *     finally:
     *         count -= 1; self._exit()
     * </pre>
     * Frame: {@code refs[0]} the barrier, {@code prims[0]} the index.
     */
    private static Object waitBody(Frame frame) {
        @SuppressWarnings("unchecked")
        CoroutineFrame<Integer> f = (CoroutineFrame<Integer>) frame;
        Barrier b = (Barrier) f.refs[0];
        switch (f.label) {
            case 0: {
                Awaitable<Held> acquiring = b.cond.acquire();
                if (acquiring instanceof Future) {
                    ((Future<?>) acquiring).result();
                    return block(f, b);
                }
                return f.suspendAwait(LOCKED, acquiring);
            }
            case LOCKED:
                f.resumeValue();
                return block(f, b);
            case BLOCKED: {
                try {
                    f.resumeValue();
                    if (b.state == State.BROKEN) {
                        throw new BrokenBarrierError("Barrier aborted");
                    }
                } catch (Throwable t) {
                    f.refs[0] = null;
                    b.cond.release();
                    throw t;
                }
                int index = b.count++;
                if (index + 1 == b.parties) {
                    b.state = State.DRAINING;
                    b.cond.signalAll();
                    return leave(f, b, index, null);
                }
                f.prims[0] = index;
                return f.suspendAwait(WAITED, b.cond.waitUntil(b.notFilling));
            }
            case WAITED: {
                Throwable err = null;
                try {
                    f.resumeValue();
                    if (b.state == State.BROKEN || b.state == State.RESETTING) {
                        err = new BrokenBarrierError("Abort or reset of barrier");
                    }
                } catch (Throwable t) {
                    err = t;
                }
                return leave(f, b, (int) f.prims[0], err);
            }
            default:
                throw new IllegalStateException("bad resume point " + f.label);
        }
    }

    private static Object block(CoroutineFrame<Integer> f, Barrier b) {
        return f.suspendAwait(BLOCKED, b.cond.waitUntil(b.mayEnter));
    }

    /** The {@code finally} of {@code wait}, then the end of {@code async with}: leaves the barrier and releases the lock. */
    private static Object leave(CoroutineFrame<Integer> f, Barrier b, int index, Throwable err) {
        f.refs[0] = null;
        try {
            b.count--;
            b.exit();
        } finally {
            b.cond.release();
        }
        if (err != null) {
            throw dev.weft.internal.Unchecked.<RuntimeException>raise(err);
        }
        return f.returning(index);
    }

    /** If this is the last task out, the barrier fills again, and tasks blocked while it drained may enter. */
    private void exit() {
        if (count == 0) {
            if (state == State.RESETTING || state == State.DRAINING) {
                state = State.FILLING;
            }
            cond.signalAll();
        }
    }

    /** Python's repr, for debugging: {@code <Barrier [filling, waiters:2/3]>}. */
    @Override
    public String toString() {
        String extra = state.toString();
        if (state != State.BROKEN) {
            extra += ", waiters:" + nWaiting() + "/" + parties;
        }
        return "<Barrier [" + extra + "]>";
    }
}
