package dev.weft;

/**
 * Python's {@code asyncio.TimeoutError}: the work did not finish in time. Unchecked; thrown by
 * {@link Weft#waitFor} after it cancelled the work and waited for it to end, and by a
 * {@link Weft#timeout(double, Awaitable) timeout(...)} scope that expired, once its work ended with
 * the cancellation. Its cause is the {@link java.util.concurrent.CancellationException} the work
 * ended with, if any.
 *
 * <pre>{@code
 * try {
 *     page = await(timeout(10, fetch(url)));
 * } catch (TimeoutException e) {
 *     page = null;
 * }
 * }</pre>
 *
 * <p>Not to be confused with the checked {@link java.util.concurrent.TimeoutException} of
 * {@code Future.get(timeout)}.
 */
public class TimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A timeout with a message.
     *
     * @param message what timed out
     */
    public TimeoutException(String message) {
        super(message);
    }

    /**
     * A timeout with a message and the cancellation it came from.
     *
     * @param message what timed out
     * @param cause the cancellation of the work that timed out
     */
    public TimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
