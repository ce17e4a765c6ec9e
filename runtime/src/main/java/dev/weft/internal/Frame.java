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

    protected Frame(int refCount, int primCount) {
        this.refs = refCount == 0 ? null : new Object[refCount];
        this.prims = primCount == 0 ? null : new long[primCount];
    }
}
