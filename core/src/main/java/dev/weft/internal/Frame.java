package dev.weft.internal;

/**
 * The saved state of one invocation of a rewritten {@code @Async} method: the resume point it is
 * suspended at ({@link #label}) and the values live there.
 *
 * <p>The rewrite saves only what is live across a suspension point: references in {@link #refs},
 * primitives unboxed in {@link #prims} ({@code int}, {@code short}, {@code char}, {@code byte},
 * {@code boolean} widened; {@code float} and {@code double} as raw bits). Restoring a reference
 * clears its slot, so a suspended frame keeps nothing alive that its next resume does not need.
 *
 * <p>Users never see this class; only code produced by the Weft rewrite uses it.
 */
public abstract class Frame {
    /** Returned by a body that suspended: the frame says why (a yield, a delegation, an await). */
    public static final Object SUSPEND = new Object() {
        @Override
        public String toString() {
            return "SUSPEND";
        }
    };

    /** The resume point: 0 is the method's start, k the k-th suspension point. */
    public int label;
    /** Live references, indexed by the slot the rewrite assigned; {@code null} when none. */
    public final Object[] refs;
    /** Live primitives, widened to {@code long}; {@code null} when none. */
    public final long[] prims;
    /** The method's body, run from {@link #label} by the frame's driver. */
    final Body body;
    /** The value delivered at the resume point (sent in, awaited); drivers also use it for what the body returned. */
    Object value;
    /** What to raise at the resume point instead, consumed by {@link #resumeValue()}. */
    Throwable thrown;

    /**
     * Makes a frame of {@code body}, not started, with room for its live values.
     *
     * @param body the rewritten method body
     * @param refCount how many reference slots the frame keeps
     * @param primCount how many primitive slots the frame keeps
     */
    protected Frame(Body body, int refCount, int primCount) {
        this.body = body;
        this.refs = refCount == 0 ? null : new Object[refCount];
        this.prims = primCount == 0 ? null : new long[primCount];
    }

    /** A frame of {@code body} over live values kept elsewhere: an async generator's, closed after its first frame died. */
    Frame(Body body, Object[] refs, long[] prims) {
        this.body = body;
        this.refs = refs;
        this.prims = prims;
    }

    /**
     * Where this frame is suspended, in the user's source: class, method, file and the line of its
     * resume point; {@code null} for bodies not made by the rewrite. For async stack traces
     * ({@code Task.getStack()}); call it only while the frame is suspended.
     *
     * @return where in the user's source the frame is suspended, or null for a hand-written body
     */
    public final StackTraceElement location() {
        if (!(body instanceof RewrittenBody)) {
            return null;
        }
        int at = label;
        Object identity;
        label = -1; // an unknown label: the body answers with its identity and does nothing else
        try {
            identity = body.resume(this);
        } finally {
            label = at;
        }
        String[] parts = ((String) identity).split("\\|", 4);
        String[] lines = parts[3].split(",");
        int line = at >= 0 && at < lines.length ? Integer.parseInt(lines[at]) : -1;
        return new StackTraceElement(parts[0], parts[1], parts[2].isEmpty() ? null : parts[2], line);
    }

    /**
     * What a hand-written body returns to finish with {@code result}: the result itself. (Rewritten
     * bodies return the value of {@code returning(v)} directly, as any method returns.)
     *
     * @param result what the method returns
     * @return {@code result}, for the body to return
     */
    public final Object returning(Object result) {
        return result;
    }

    /**
     * At a resume point: the value delivered there; raises what was thrown in instead, unchanged.
     *
     * @return the value delivered at the resume point
     */
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
}
