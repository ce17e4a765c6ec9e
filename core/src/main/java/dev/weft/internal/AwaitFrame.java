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

    /** An awaiting frame of {@code body} over live values kept elsewhere (see {@link Frame}). */
    AwaitFrame(Body body, Object[] refs, long[] prims) {
        super(body, refs, prims);
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
