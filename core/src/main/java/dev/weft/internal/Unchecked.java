package dev.weft.internal;

/** Rethrows any throwable unchanged, checked ones included: Weft never wraps the user's exceptions. */
public final class Unchecked {
    private Unchecked() {
    }

    /**
     * Throws {@code t}; declared to return so callers can write {@code throw Unchecked.raise(t)}.
     *
     * @param <T> the type the compiler takes the exception for
     * @param t the exception to throw
     * @return never: declared so that callers can write {@code throw raise(t)}
     * @throws T always: {@code t}, unchecked
     */
    @SuppressWarnings("unchecked")
    public static <T extends Throwable> T raise(Throwable t) throws T {
        throw (T) t;
    }
}
