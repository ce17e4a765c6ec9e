package dev.weft;

import static dev.weft.Weft.await;

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
        cond.checkReader("Barrier.nWaiting");
        return state == State.FILLING ? count : 0;
    }

    /**
     * Whether the barrier is broken ({@link #abort()}): {@code if (barrier.broken()) ...}.
     *
     * @return whether the barrier is broken (by {@link #abort()})
     */
    public boolean broken() {
        cond.checkReader("Barrier.broken");
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
     * @return a coroutine giving this task's arrival index, from 0 to {@code parties() - 1}
     * @throws BrokenBarrierError (when awaited) if the barrier is broken, or is aborted or reset
     *     while this task waits
     */
    @Async
    public Coroutine<Integer> arriveAndWait() {
        try (Held held = await(cond.acquire())) {
            await(cond.waitUntil(mayEnter)); // block while the barrier drains or resets
            if (state == State.BROKEN) {
                throw new BrokenBarrierError("Barrier aborted");
            }
            int index = count++;
            try {
                if (index + 1 == parties) {
                    state = State.DRAINING; // the last one in releases the others
                    cond.signalAll();
                } else {
                    await(cond.waitUntil(notFilling));
                    if (state == State.BROKEN || state == State.RESETTING) {
                        throw new BrokenBarrierError("Abort or reset of barrier");
                    }
                }
                return Coroutine.returning(index);
            } finally {
                count--;
                exit();
            }
        }
    }

    /**
     * Python's {@code await barrier.reset()}: tasks waiting at the barrier get
     * {@link BrokenBarrierError}, and the barrier fills again (once they have left). Await the
     * result: it takes the barrier's internal lock, and acts when awaited.
     *
     * <pre>{@code
     * await(barrier.reset());
     * }</pre>
     *
     * @return a coroutine that resets the barrier when awaited
     */
    @Async
    public Coroutine<Void> reset() {
        try (Held held = await(cond.acquire())) {
            if (count > 0) {
                state = State.RESETTING; // the waiting tasks leave with BrokenBarrierError
            } else {
                state = State.FILLING;
            }
            cond.signalAll();
        }
        return Coroutine.done();
    }

    /**
     * Python's {@code await barrier.abort()}: breaks the barrier; every task waiting at it and
     * every later one gets {@link BrokenBarrierError}. Await the result (as {@link #reset()}).
     *
     * <pre>{@code
     * await(barrier.abort());
     * }</pre>
     *
     * @return a coroutine that breaks the barrier when awaited
     */
    @Async
    public Coroutine<Void> abort() {
        try (Held held = await(cond.acquire())) {
            state = State.BROKEN;
            cond.signalAll();
        }
        return Coroutine.done();
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
            extra += ", waiters:" + (state == State.FILLING ? count : 0) + "/" + parties;
        }
        return "<Barrier [" + extra + "]>";
    }
}
