package dev.weft;

/**
 * Python's {@code asyncio.TimeoutError}: the work did not finish in time. Unchecked; thrown by
 * {@link Weft#waitFor} after it cancelled the work and waited for it to end. Its cause is the
 * {@link java.util.concurrent.CancellationException} the work ended with, if any.
 *
 * <p>Not to be confused with the checked {@link java.util.concurrent.TimeoutException} of
 * {@code Future.get(timeout)}.
 */
public class TimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A timeout with a message. */
    public TimeoutException(String message) {
        super(message);
    }

    /** A timeout with a message and the cancellation it came from. */
    public TimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
