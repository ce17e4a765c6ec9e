package dev.weft;

/**
 * Python's {@code asyncio.IncompleteReadError}: the stream ended before a
 * {@link StreamReader#readexactly} or {@link StreamReader#readuntil} was satisfied. Unchecked.
 */
public class IncompleteReadError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The bytes read before the end of the stream. */
    private final transient byte[] partial;
    /** How many bytes were expected, or -1. */
    private final int expected;

    /**
     * An incomplete read.
     *
     * @param partial the bytes read before the end of the stream
     * @param expected how many bytes were expected, or -1 when no count was (Python's {@code None}, for {@code readuntil})
     */
    public IncompleteReadError(byte[] partial, int expected) {
        super(partial.length + " bytes read on a total of " + (expected < 0 ? "undefined" : String.valueOf(expected))
                + " expected bytes");
        this.partial = partial;
        this.expected = expected;
    }

    /**
     * The bytes read before the end of the stream.
     *
     * @return the partial bytes (possibly empty)
     */
    public byte[] partial() {
        return partial;
    }

    /**
     * How many bytes were expected.
     *
     * @return the count asked for, or -1 for {@code readuntil} (Python's {@code None})
     */
    public int expected() {
        return expected;
    }
}
