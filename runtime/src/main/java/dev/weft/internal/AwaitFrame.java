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

    protected AwaitFrame(Body body, int refCount, int primCount) {
        super(body, refCount, primCount);
    }

    /** The fast path of {@code await}: the result if {@code awaited} is done already, else {@link #PENDING}. */
    public final Object tryAwait(Object awaited) {
        return Awaiting.tryNow(awaited);
    }

    /** Suspends at resume point {@code label} until {@code awaited} is done. */
    public final Object suspendAwait(int label, Object awaited) {
        this.label = label;
        this.awaiting = awaited;
        return SUSPEND;
    }
}
