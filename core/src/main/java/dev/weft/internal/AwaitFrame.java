package dev.weft.internal;

/**
 * The frame of an {@code @Async} method that awaits: a coroutine ({@link CoroutineFrame}) or a
 * method returning {@code CompletableFuture} ({@link CompletableFrame}). Both share the protocol
 * the rewrite emits at {@code Weft.await(x)}:
 *
 * <pre>
 *   r = frame.tryAwait(x)                  // the fast path: x is done, no suspension
 *   if (r == AwaitFrame.PENDING) {
 *       save live values; return frame.suspendAwait(k, x)
 *     k: restore live values; r = frame.resumeValue()
 *   }
 * </pre>
 *
 * <p>ea-async's {@code Async.await(stage)} takes the same path through {@link #tryJoin} and
 * {@link #resumeJoined()}: it raises what {@code CompletableFuture.join()} raises, the stage's
 * exception wrapped in a {@code CompletionException} (a cancellation as it is), as ea-async did.
 */
public abstract class AwaitFrame extends Frame {
    /** From {@link #tryAwait}: the awaited thing is not done, the body must suspend. */
    public static final Object PENDING = new Object() {
        @Override
        public String toString() {
            return "PENDING";
        }
    };

    /** What the body suspended on: a coroutine to run inline, or something to wait for. */
    Object awaiting;
    /** What to raise at the resume point instead of {@link #value}, consumed by {@link #resumeValue()}. */
    Throwable thrown;

    /**
     * Makes an awaiting frame of {@code body}, not started, with room for its live values.
     *
     * @param body the rewritten method body
     * @param refCount how many reference slots the frame keeps
     * @param primCount how many primitive slots the frame keeps
     */
    protected AwaitFrame(Body body, int refCount, int primCount) {
        super(body, refCount, primCount);
    }

    /** An awaiting frame of {@code body} whose every slot is in {@code more} (see {@link Frame}). */
    AwaitFrame(Body body, Object[] more) {
        super(body, more);
    }

    /**
     * At a resume point: the value delivered there; raises what was thrown in instead, unchanged.
     *
     * @return the value delivered at the resume point
     */
    @Override
    public final Object resumeValue() {
        Throwable t = thrown;
        if (t != null) {
            thrown = null;
            throw Unchecked.<RuntimeException>raise(t);
        }
        Object v = value;
        value = null;
        return v;
    }

    /**
     * The fast path of {@code await}: the result if {@code awaited} is done already, else {@link #PENDING}.
     *
     * @param awaited what the coroutine awaits
     * @return its result if done at once, else a marker to suspend
     */
    public final Object tryAwait(Object awaited) {
        return Awaiting.tryNow(awaited);
    }

    /**
     * {@link #tryAwait}, raising as {@code CompletableFuture.join()} does (ea-async's {@code await}):
     * a failure wrapped in a {@code CompletionException}, a cancellation as it is.
     *
     * @param awaited what the method awaits
     * @return its result if done at once, else a marker to suspend
     */
    public final Object tryJoin(Object awaited) {
        if (awaited == null) {
            return tryAwait(null); // raises its NullPointerException
        }
        try {
            return Awaiting.tryNow(awaited);
        } catch (Throwable t) {
            throw Unchecked.<RuntimeException>raise(joined(t));
        }
    }

    /**
     * {@link #resumeValue()}, raising as {@code CompletableFuture.join()} does (see {@link #tryJoin}).
     *
     * @return the value the awaited stage gave
     */
    public final Object resumeJoined() {
        Throwable t = thrown;
        if (t != null) {
            thrown = null;
            throw Unchecked.<RuntimeException>raise(joined(t));
        }
        return resumeValue();
    }

    /** What {@code join()} raises for a stage that failed with {@code t} (unwrapped). */
    private static Throwable joined(Throwable t) {
        return t instanceof java.util.concurrent.CancellationException ? t : new java.util.concurrent.CompletionException(t);
    }

    /**
     * Suspends at resume point {@code label} until {@code awaited} is done.
     *
     * @param label where to resume in the body
     * @param awaited what the coroutine awaits
     * @return the suspension marker the body returns
     */
    public final Object suspendAwait(int label, Object awaited) {
        this.label = label;
        this.awaiting = awaited;
        return SUSPEND;
    }
}
