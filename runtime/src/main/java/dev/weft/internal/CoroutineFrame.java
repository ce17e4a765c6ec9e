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
 *   <li>at {@code Weft.await(x)}: {@code r = frame.tryAwait(x)}; if {@code r != PENDING} it is the
 *       result, taken with no suspension (the fast path: {@code x} was done). Otherwise save live
 *       values and {@code return frame.suspendAwait(k, x)}; at resume point k restore, then
 *       {@code frame.resumeValue()} gives the result (or throws the exception / cancellation);</li>
 *   <li>{@code Coroutine.returning(v)} becomes {@code frame.returning(v)}, returned by the body.</li>
 * </ul>
 */
public final class CoroutineFrame<T> extends Frame implements Coroutine<T> {
    /** From {@link #tryAwait}: the awaited thing is not done, the body must suspend. */
    public static final Object PENDING = new Object() {
        @Override
        public String toString() {
            return "PENDING";
        }
    };

    final Body body;
    /** The result delivered at the resume point, then the coroutine's own result. */
    Object value;
    /** What to raise at the resume point. */
    Throwable thrown;
    /** What the body suspended on: a coroutine to run inline, or something to wait for. */
    Object awaiting;

    public CoroutineFrame(Body body, int refCount, int primCount) {
        super(refCount, primCount);
        this.body = body;
    }

    /** The fast path of {@code await}: the result if {@code awaited} is done already, else {@link #PENDING}. */
    public Object tryAwait(Object awaited) {
        return Awaiting.tryNow(awaited);
    }

    /** Suspends at resume point {@code label} until {@code awaited} is done. */
    public Object suspendAwait(int label, Object awaited) {
        this.label = label;
        this.awaiting = awaited;
        return SUSPEND;
    }

    /** At a resume point: the awaited result; raises the awaited exception or the cancellation. */
    public Object resumeValue() {
        Throwable t = thrown;
        if (t != null) {
            thrown = null;
            throw Sneaky.<RuntimeException>raise(t);
        }
        Object v = value;
        value = null;
        return v;
    }

    /** {@code Coroutine.returning(v)}: records the result; the body then returns this frame. */
    public Coroutine<T> returning(Object result) {
        this.value = result;
        return this;
    }
}
