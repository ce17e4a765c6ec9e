package dev.weft;

/**
 * Python's {@code asyncio.LimitOverrunError}: the buffer of a {@link StreamReader} reached its
 * limit while looking for a separator. Unchecked. The bytes stay in the buffer
 * ({@link StreamReader#readuntil}); {@link StreamReader#readline} drops them first.
 */
public class LimitOverrunError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** How many bytes are to be consumed. */
    private final int consumed;

    /**
     * A limit overrun.
     *
     * @param message what happened
     * @param consumed how many bytes are to be consumed
     */
    public LimitOverrunError(String message, int consumed) {
        super(message);
        this.consumed = consumed;
    }

    /**
     * How many bytes are to be consumed (Python's {@code consumed}).
     *
     * @return the number of bytes to consume
     */
    public int consumed() {
        return consumed;
    }
}
