package dev.weft.internal;

/**
 * The saved state of one invocation of a rewritten {@code @Async} method: the resume point it is
 * suspended at ({@link #label}) and the values live there.
 *
 * <p>The rewrite saves only what is live across a suspension point, references as they are and
 * primitives unboxed, widened to {@code long} ({@code int}, {@code short}, {@code char},
 * {@code byte}, {@code boolean} widened; {@code float} and {@code double} as raw bits). The
 * first reference slot is the field {@link #r0} and the first primitive slot {@link #p0}, so a
 * frame with at most one of each needs no array (most generators and coroutines); a method that
 * keeps just two primitives of 32 bits (a loop's counter and bound) keeps them in {@link #p0}'s
 * low and high halves and is made with one primitive slot; further slots go to {@link #more},
 * laid out by {@link #overflow}. An async generator keeps every slot in
 * {@link #more}, because its remains share them with a later frame (see
 * {@code AsyncGeneratorFrame.Remains}).
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
    /** The first live reference slot. */
    public Object r0;
    /** The first live primitive slot, widened to {@code long}. */
    public long p0;
    /** The slots beyond the fields, as {@link #overflow} lays them out; {@code null} when none. */
    public final Object[] more;
    /** The method's body, run from {@link #label} by the frame's driver. */
    final Body body;
    /**
     * The value delivered at the resume point (sent in, awaited); drivers also use it for what the
     * body returned. A generator delivers an exception here wrapped in a {@link Raised}.
     */
    Object value;

    /**
     * Makes a frame of {@code body}, not started, with room for its live values: the first of
     * each kind in {@link #r0}/{@link #p0}, the rest in {@link #more}.
     *
     * @param body the rewritten method body
     * @param refCount how many reference slots the frame keeps
     * @param primCount how many primitive slots the frame keeps
     */
    protected Frame(Body body, int refCount, int primCount) {
        this.body = body;
        this.more = overflow(Math.max(0, refCount - 1), Math.max(0, primCount - 1));
    }

    /** A frame of {@code body} whose every slot is in {@code more} (an async generator's: see {@link Frame}). */
    Frame(Body body, Object[] more) {
        this.body = body;
        this.more = more;
    }

    /**
     * The array of {@code refs} reference slots and {@code prims} primitive slots: the references
     * at {@code [0, refs)}, then, if {@code prims > 0}, a {@code long[prims]} at index {@code refs};
     * {@code null} when there are none.
     */
    static Object[] overflow(int refs, int prims) {
        if (refs == 0 && prims == 0) {
            return null;
        }
        Object[] more = new Object[refs + (prims == 0 ? 0 : 1)];
        if (prims > 0) {
            more[refs] = new long[prims];
        }
        return more;
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
    public Object resumeValue() {
        Object v = value;
        value = null;
        if (v instanceof Raised) {
            throw Unchecked.<RuntimeException>raise(((Raised) v).exception);
        }
        return v;
    }

    /** An exception delivered in {@link #value}, to be raised at the resume point (made only on that path). */
    static final class Raised {
        final Throwable exception;

        Raised(Throwable exception) {
            this.exception = exception;
        }
    }
}
