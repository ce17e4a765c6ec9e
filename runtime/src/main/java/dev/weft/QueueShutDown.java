package dev.weft;

/**
 * Python 3.13's {@code asyncio.QueueShutDown}: the queue was {@linkplain Queue#shutdown shut down}.
 * Putting raises it at once; getting raises it once the queue is empty (at once after
 * {@code shutdown(true)}). Unchecked.
 *
 * <pre>{@code
 * try {
 *     while (true) {
 *         handle(await(queue.get()));
 *     }
 * } catch (QueueShutDown e) {
 *     // the producer is done and the queue is drained
 * }
 * }</pre>
 */
public class QueueShutDown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A new QueueShutDown: {@code throw new QueueShutDown();}. */
    public QueueShutDown() {
        super("the queue is shut down");
    }
}
