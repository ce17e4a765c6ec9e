package dev.weft;

/**
 * Python's {@code asyncio.QueueFull}: {@link Queue#putNowait} found the queue at its
 * {@code maxsize}. Unchecked.
 *
 * <pre>{@code
 * try {
 *     queue.putNowait(item);
 * } catch (QueueFull e) {
 *     dropped++;
 * }
 * }</pre>
 */
public class QueueFull extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A new QueueFull: {@code throw new QueueFull();}. */
    public QueueFull() {
        super("the queue is full");
    }
}
