package dev.weft;

import dev.weft.internal.CoroutineFrame;
import dev.weft.internal.Frame;
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
    /** The done future {@link #waitSet()} gives when the flag is set, created once. */
    private Future<Void> isSetFuture;

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
     * Python's {@code event.wait()}: await it to wait until the flag is set. If it is set now, the
     * result is a done future (no allocation); otherwise a coroutine that checks again when awaited
     * and waits for {@link #set()}.
     *
     * <pre>{@code
     * await(event.waitSet());
     * }</pre>
     *
     * @return an awaitable that is done once the event is set
     * @throws IllegalStateException (when awaited) without a running loop or on another loop
     */
    public Awaitable<Void> waitSet() {
        EventLoop l = checkLoop("Event.waitSet");
        if (value && l != null) {
            Future<Void> done = isSetFuture;
            if (done == null) {
                isSetFuture = done = doneFuture(l, null);
            }
            return done;
        }
        CoroutineFrame<Void> f = new CoroutineFrame<>(Event::waitBody, 2, 0);
        f.refs[0] = this;
        return f;
    }

    /**
     * <pre>
     * if value: return True
     * fut = create_future(); waiters.append(fut)
     * try: await fut; return True
     * finally: waiters.remove(fut)
     * </pre>
     */
    private static Object waitBody(Frame frame) {
        @SuppressWarnings("unchecked")
        CoroutineFrame<Void> f = (CoroutineFrame<Void>) frame;
        Event ev = (Event) f.refs[0];
        if (f.label == 0) {
            if (ev.value) {
                f.refs[0] = null;
                return f.returning(null);
            }
            return awaitNewWaiter(f, ev.waitingLoop("Event.waitSet"), ev.waiters);
        }
        Object fut = f.refs[1];
        f.refs[0] = null;
        f.refs[1] = null;
        try {
            f.resumeValue();
        } finally {
            ev.waiters.remove(fut);
        }
        return f.returning(null);
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
