package dev.weft;

/**
 * Python's {@code asyncio.QueueEmpty}: {@link Queue#getNowait()} found no item. Unchecked.
 *
 * <pre>{@code
 * try {
 *     item = queue.getNowait();
 * } catch (QueueEmpty e) {
 *     item = null;
 * }
 * }</pre>
 */
public class QueueEmpty extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A new QueueEmpty: {@code throw new QueueEmpty();}. */
    public QueueEmpty() {
        super("the queue is empty");
    }
}
