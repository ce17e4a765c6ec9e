package dev.weft.internal;

import dev.weft.Coroutine;

/**
 * A running coroutine: the frame of one call to an {@code @Async} method that returns
 * {@link Coroutine}.
 *
 * <h2>What the rewrite emits against this class</h2>
 * <ul>
 *   <li>the factory: {@code new CoroutineFrame(body, refs, prims)}, parameters saved as resume
 *       point 0, {@code areturn};</li>
 *   <li>at {@code Weft.await(x)}: {@code r = frame.tryAwait(x)}; if {@code r != AwaitFrame.PENDING} it is the
 *       result, taken with no suspension (the fast path: {@code x} was done). Otherwise save live
 *       values and {@code return frame.suspendAwait(k, x)}; at resume point k restore, then
 *       {@code frame.resumeValue()} gives the result (or throws the exception / cancellation);</li>
 *   <li>{@code Coroutine.returning(v)} becomes {@code v} itself and {@code Coroutine.done()}
 *       {@code null}: the body returns its result, as any method does.</li>
 * </ul>
 *
 * @param <T> the type of the coroutine's result
 */
public final class CoroutineFrame<T> extends AwaitFrame implements Coroutine<T> {
    /**
     * What a frame suspends on to be stepped again in the next iteration of the loop, letting every
     * other ready callback run first: Python's bare {@code yield}, what {@code sleep(0)} does.
     */
    public static final Object YIELD = new Object() {
        @Override
        public String toString() {
            return "sleep(0)";
        }
    };

    /** The body of {@link #yieldOnce()}: suspends on {@link #YIELD} once, then returns null. */
    private static final Body YIELD_ONCE = frame -> {
        CoroutineFrame<?> f = (CoroutineFrame<?>) frame;
        if (f.label == 0) {
            return f.suspendAwait(1, YIELD);
        }
        f.resumeValue();
        return f.returning(null);
    };

    private static final byte FRESH = 0;
    private static final byte ACTIVE = 1;
    private static final byte DONE = 2;

    /** {@link #FRESH} until a task or an await takes it, then {@link #ACTIVE}, finally {@link #DONE}. */
    private byte state;
    /** The frame awaiting this one (the next outer level of the await chain), while this one runs. */
    private CoroutineFrame<?> parent;

    /**
     * What the rewritten factory calls: a fresh coroutine of {@code body}, with room for its live values.
     *
     * @param body the rewritten method body
     * @param refCount how many reference slots the frame keeps
     * @param primCount how many primitive slots the frame keeps
     */
    public CoroutineFrame(Body body, int refCount, int primCount) {
        super(body, refCount, primCount);
        if (NeverAwaited.tracking()) {
            awaiting = NeverAwaited.track(this); // debug mode: the fresh frame's unused slot holds its record
        }
    }

    /** Leaving FRESH: in debug mode, the coroutine no longer counts as never awaited. */
    private void started() {
        Object record = awaiting;
        if (record != null) {
            awaiting = null;
            ((NeverAwaited) record).started();
        }
    }

    // ---- the driver: what a Task calls (runtime only, never the rewrite) ----

    /**
     * Takes this fresh coroutine as the one {@code awaiter} awaits, as {@code await} would: the
     * driver resumes it next, and its outcome goes to {@code awaiter}. For a primitive's call
     * whose task waited on the call's waiter directly and must go on waiting.
     *
     * @param awaiter the suspended frame that awaits the call
     * @return this coroutine, the new innermost frame of the chain
     * @throws IllegalStateException if it was awaited or given to a task before
     */
    public CoroutineFrame<T> awaitedBy(CoroutineFrame<?> awaiter) {
        claim();
        parent = awaiter;
        return this;
    }

    /**
     * Takes this coroutine for a task, as the outermost frame of its await chain.
     *
     * @throws IllegalStateException if it was awaited or given to a task before
     */
    public void claim() {
        if (state != FRESH) {
            throw reused();
        }
        started();
        state = ACTIVE;
    }

    /**
     * A fresh coroutine that raises {@code t} when run: what a call that failed before it could
     * start stands for, so that the driver raises {@code t} at its await.
     *
     * @param t what to raise
     * @return a fresh coroutine raising {@code t}
     */
    static CoroutineFrame<Object> raising(Throwable t) {
        return new CoroutineFrame<>(frame -> {
            throw Unchecked.<RuntimeException>raise(t);
        }, 0, 0);
    }

    /**
     * A coroutine that suspends once on {@link #YIELD} and returns null: {@code sleep(0)}. Awaited,
     * {@link #drive} takes a shortcut: the awaiting frame itself suspends on {@code YIELD}, as if the
     * coroutine had run (same outcome, two body calls fewer).
     *
     * @param <T> the declared result type
     * @return a coroutine that suspends once and gives null
     */
    public static <T> CoroutineFrame<T> yieldOnce() {
        return new CoroutineFrame<>(YIELD_ONCE, 0, 0);
    }

    /**
     * Whether this frame's body has finished (returned or raised).
     *
     * @return whether the coroutine has finished
     */
    public boolean isDone() {
        return state == DONE;
    }

    /**
     * Whether nothing of this coroutine ran yet and nobody took it.
     *
     * @return whether the coroutine has not started yet
     */
    public boolean isFresh() {
        return state == FRESH;
    }

    /**
     * The frame awaiting this one, or {@code null} for the outermost frame (or when not running).
     *
     * @return the coroutine awaiting this one, or null
     */
    public CoroutineFrame<?> parent() {
        return parent;
    }

    /**
     * What this frame, suspended by {@link #drive}, waits for (not a coroutine: those run inline);
     * taking it clears it.
     *
     * @return what the coroutine suspended on, cleared
     */
    public Object takeAwaiting() {
        Object a = awaiting;
        awaiting = null;
        return a;
    }

    /**
     * Of a finished outermost frame: what its body raised, or {@code null} if it returned; taking it clears it.
     *
     * @return the exception the coroutine ended with, cleared
     */
    public Throwable takeFailure() {
        Throwable t = thrown;
        thrown = null;
        return t;
    }

    /**
     * Of a finished outermost frame that returned: its result; taking it clears it.
     *
     * @return the result the coroutine ended with, cleared
     */
    public Object takeResult() {
        Object v = value;
        value = null;
        return v;
    }

    /**
     * Resumes the await chain at {@code leaf}, its innermost frame, with a value or an exception
     * ({@code toThrow} non-null), and runs it until it must wait. A coroutine awaited by a body is
     * started inline as the new innermost frame; a frame that finishes resumes its parent with its
     * result or exception. One loop, no recursion: resuming costs one call whatever the depth, and
     * a chain of any depth fits on the stack.
     *
     * <p>An exception that leaves a frame for its parent gains the parent's await line in its
     * stack trace ({@link AwaitTrace}); the happy path does not look.
     *
     * <p>An exception thrown into a frame whose body has not started comes straight back out of it
     * without running any of its body, as {@code coro.throw(exc)} does to a just-created Python
     * coroutine.
     *
     * @param leaf the innermost frame to resume
     * @param sent the value to resume it with
     * @param toThrow the exception to resume it with, or null
     * @return the frame where the chain stopped: either a frame suspended on something that is not
     *     a coroutine ({@link #takeAwaiting()}), or the outermost frame, finished ({@link #isDone()},
     *     then {@link #takeFailure()} / {@link #takeResult()})
     */
    public static CoroutineFrame<?> drive(CoroutineFrame<?> leaf, Object sent, Throwable toThrow) {
        CoroutineFrame<?> cur = leaf;
        Throwable untraced = null; // an exception whose trace no longer continues the chain: not looked at again
        for (;;) {
            Object r = null;
            Throwable raised = null;
            if (toThrow != null && cur.label == 0) {
                raised = toThrow;
            } else {
                cur.value = sent;
                cur.thrown = toThrow;
                try {
                    r = cur.body.resume(cur);
                } catch (Throwable t) {
                    raised = t;
                }
            }
            if (raised == null && r == SUSPEND) {
                Object a = cur.awaiting;
                if (!(a instanceof CoroutineFrame)) {
                    // a primitive's call whose fast path must wait: cur waits on the call's waiter, or runs it inline
                    if (!(a instanceof SharedCoroutine) || (a = ((SharedCoroutine<?>) a).suspendCaller(cur)) == null) {
                        return cur;
                    }
                }
                cur.awaiting = null;
                CoroutineFrame<?> sub = (CoroutineFrame<?>) a;
                sent = null;
                if (sub.state != FRESH) {
                    toThrow = sub.reused();
                    continue;
                }
                if (sub.awaiting != null) {
                    sub.started();
                }
                if (sub.body == YIELD_ONCE) {
                    sub.state = DONE;
                    cur.awaiting = YIELD;
                    return cur;
                } else {
                    toThrow = null;
                    sub.state = ACTIVE;
                    sub.parent = cur;
                    cur = sub;
                }
                continue;
            }
            cur.state = DONE;
            cur.awaiting = null;
            if (raised == null) {
                cur.value = r; // what the body returned is the coroutine's result
            }
            CoroutineFrame<?> up = cur.parent;
            if (up == null) {
                cur.thrown = raised;
                if (raised != null) {
                    cur.value = null;
                }
                return cur;
            }
            if (raised != null && raised != untraced && !AwaitTrace.passUp(raised, cur, up)) {
                untraced = raised;
            }
            cur.parent = null;
            sent = raised == null ? cur.value : null;
            toThrow = raised;
            cur.value = null;
            cur = up;
        }
    }

    private IllegalStateException reused() {
        return new IllegalStateException(state == DONE
                ? "cannot reuse already awaited coroutine: a coroutine runs once; call the @Async method again for a new one"
                : "coroutine is being awaited already: a coroutine runs once; wrap it in a Task (createTask) to await it from several places");
    }

    @Override
    public String toString() {
        return "Coroutine[" + (state == FRESH ? "CREATED" : state == DONE ? "CLOSED" : "SUSPENDED") + "]";
    }
}
