package dev.weft;

/**
 * Python's {@code asyncio.BrokenBarrierError}: a {@link Barrier} was aborted or reset while a task
 * waited at it, or a task arrived at a broken barrier. Despite its Python name it is an unchecked
 * exception (an {@link IllegalStateException}, as Python's is a {@code RuntimeError}), not a
 * {@link java.lang.Error}; the name keeps clear of
 * {@link java.util.concurrent.BrokenBarrierException} under wildcard imports.
 *
 * <pre>{@code
 * try {
 *     await(barrier.arriveAndWait());
 * } catch (BrokenBarrierError e) {
 *     // aborted or reset
 * }
 * }</pre>
 */
public class BrokenBarrierError extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * A broken barrier error with a message: {@code throw new BrokenBarrierError("Barrier aborted");}.
     *
     * @param message what broke the barrier
     */
    public BrokenBarrierError(String message) {
        super(message);
    }
}
