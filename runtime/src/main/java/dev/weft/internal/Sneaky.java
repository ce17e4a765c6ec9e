package dev.weft.internal;

/** Rethrows any throwable unchanged, checked ones included: Weft never wraps the user's exceptions. */
public final class Sneaky {
    private Sneaky() {
    }

    /** Throws {@code t}; declared to return so callers can write {@code throw Sneaky.raise(t)}. */
    @SuppressWarnings("unchecked")
    public static <T extends Throwable> T raise(Throwable t) throws T {
        throw (T) t;
    }
}
