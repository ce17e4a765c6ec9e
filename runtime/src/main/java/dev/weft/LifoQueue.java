package dev.weft;

/**
 * Python's {@code asyncio.LifoQueue}: a {@link Queue} that gives the most recently added item
 * first (a stack), with the same waiting, {@code taskDone}/{@code join} and shutdown behaviour.
 *
 * <pre>{@code
 * LifoQueue<Integer> stack = new LifoQueue<>();
 * stack.putNowait(1);
 * stack.putNowait(2);
 * int top = await(stack.get()); // 2
 * }</pre>
 *
 * @param <T> the items
 */
public class LifoQueue<T> extends Queue<T> {
    /** An unbounded LIFO queue: {@code new LifoQueue<>()}. */
    public LifoQueue() {
        super(0);
    }

    /**
     * A LIFO queue of at most {@code maxsize} items (0 or less: unbounded): {@code new LifoQueue<>(10)}.
     *
     * @param maxsize the most items the queue holds; 0 or less for no limit
     */
    public LifoQueue(int maxsize) {
        super(maxsize);
    }

    @Override
    T getItem() {
        return unmask(deque().pollLast());
    }
}
