package dev.weft;

import static dev.weft.Weft.await;

import dev.weft.internal.AwaitFrame;
import dev.weft.internal.SharedCoroutine;
import java.util.ArrayDeque;

/**
 * Python's {@code asyncio.Event}: a flag that tasks can wait for. {@link #set()} makes it true and
 * wakes every waiting task; {@link #clear()} makes it false again. Python's {@code wait()} is
 * {@link #waitSet()} here ({@code wait} belongs to {@link Object}).
 *
 * <pre>{@code
 * @Async
 * static Coroutine<Void> waiter(Event event) {
 *     System.out.println("waiting for it ...");
 *     await(event.waitSet());
 *     System.out.println("... got it!");
 *     return Coroutine.done();
 * }
 * // elsewhere: event.set();
 * }</pre>
 *
 * <p>{@code set()} followed at once by {@code clear()} still wakes the tasks that were waiting:
 * each waiter's future is resolved by {@code set()}, and {@code clear()} only concerns later waits.
 * Bound to the loop where it is first used (see {@link Lock}).
 */
public final class Event extends LoopBound {
    private boolean value;
    private final ArrayDeque<Future<Object>> waiters = new ArrayDeque<>();
    /** What {@link #waitSet()} gives on this loop's thread: done at the await if set, allocation-free. */
    private final SharedCoroutine<Void> waiting = new SharedCoroutine<>() {
        @Override
        protected Object tryNow(Object unused) {
            checkLoop("Event.waitSet");
            return value ? null : AwaitFrame.PENDING;
        }

        @Override
        protected Coroutine<Void> slow(Object unused) {
            return waitUntilSet();
        }

        @Override
        public String toString() {
            return "<coroutine Event.wait>";
        }
    };

    /** A new event, not set, bound to no loop yet: {@code Event event = new Event();}. */
    public Event() {
    }

    /**
     * Whether the flag is true.
     *
     * <pre>{@code
     * if (!event.isSet()) { await(event.waitSet()); }
     * }</pre>
     *
     * @return whether the event is set
     */
    public boolean isSet() {
        checkReader("Event.isSet");
        return value;
    }

    /**
     * Sets the flag and wakes every task waiting in {@link #waitSet()}; later waits return at once
     * until {@link #clear()}. Does nothing if set already.
     *
     * <pre>{@code
     * event.set();
     * }</pre>
     */
    public void set() {
        checkLoop("Event.set");
        if (!value) {
            value = true;
            if (waiters.isEmpty()) {
                return; // no iterator: the uncontended path allocates nothing
            }
            for (Future<Object> w : waiters) {
                if (!w.done()) {
                    w.setResult(Boolean.TRUE);
                }
            }
        }
    }

    /**
     * Clears the flag: later calls to {@link #waitSet()} wait for the next {@link #set()}. Tasks a
     * previous {@code set()} woke still go on.
     *
     * <pre>{@code
     * event.clear();
     * }</pre>
     */
    public void clear() {
        checkLoop("Event.clear");
        value = false;
    }

    /**
     * Python's {@code event.wait()}: a coroutine that, awaited, waits until the flag is set (done
     * at once, with no allocation, if it is set then). Nothing happens until it is awaited.
     *
     * <pre>{@code
     * await(event.waitSet());
     * }</pre>
     *
     * @return a coroutine that is done once the event is set
     */
    public Coroutine<Void> waitSet() {
        return onLoopThread() && waiting.lend(null) ? waiting : waitUntilSet();
    }

    /**
     * <pre>
     * if value: return True
     * fut = create_future()
     * waiters.append(fut); try: await fut; return True; finally: waiters.remove(fut)
     * </pre>
     */
    @Async
    private Coroutine<Void> waitUntilSet() {
        if (!value) {
            await(waitInLine(waitingLoop("Event.waitSet").createFuture(), waiters));
        }
        return Coroutine.done();
    }

    /** Python's repr, for debugging: {@code <Event [unset, waiters:1]>}. */
    @Override
    public String toString() {
        String extra = value ? "set" : "unset";
        if (!waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<Event [" + extra + "]>";
    }
}
