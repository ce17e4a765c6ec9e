package dev.weft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Python's {@code asyncio.PriorityQueue}: a {@link Queue} that gives the smallest item first, by
 * natural order or by a {@link Comparator}; the same waiting, {@code taskDone}/{@code join} and
 * shutdown behaviour. Where Python puts {@code (priority, data)} tuples, give a comparator (or
 * {@code Comparable} items). Items that compare equal come out in no particular order, as with
 * Python's {@code heapq}. {@code null} items are refused.
 *
 * <pre>{@code
 * PriorityQueue<Job> jobs = new PriorityQueue<>(Comparator.comparingInt(Job::priority));
 * jobs.putNowait(new Job(3, "later"));
 * jobs.putNowait(new Job(1, "first"));
 * Job next = await(jobs.get()); // priority 1
 * }</pre>
 *
 * <p>Inside a file that also imports {@code java.util.*}, name it by a single-type import
 * ({@code import dev.weft.PriorityQueue;}) or in full.
 *
 * @param <T> the items
 */
public class PriorityQueue<T> extends Queue<T> {
    private java.util.PriorityQueue<T> heap;

    /** An unbounded queue of {@code Comparable} items, smallest first: {@code new PriorityQueue<>()}. */
    public PriorityQueue() {
        this(0, null);
    }

    /**
     * A queue of at most {@code maxsize} {@code Comparable} items (0 or less: unbounded): {@code new PriorityQueue<>(10)}.
     *
     * @param maxsize the most items the queue holds; 0 or less for no limit
     */
    public PriorityQueue(int maxsize) {
        this(maxsize, null);
    }

    /**
     * An unbounded queue ordered by {@code comparator}: {@code new PriorityQueue<>(Comparator.reverseOrder())}.
     *
     * @param comparator the order of the items, smallest first
     */
    public PriorityQueue(Comparator<? super T> comparator) {
        this(0, comparator);
    }

    /**
     * A queue of at most {@code maxsize} items (0 or less: unbounded) ordered by
     * {@code comparator} ({@code null}: natural order).
     *
     * <pre>{@code
     * new PriorityQueue<Job>(100, Comparator.comparingInt(Job::priority));
     * }</pre>
     *
     * @param maxsize the most items the queue holds; 0 or less for no limit
     * @param comparator the order of the items, smallest first
     */
    public PriorityQueue(int maxsize, Comparator<? super T> comparator) {
        super(maxsize);
        this.heap = new java.util.PriorityQueue<>(comparator);
    }

    @Override
    boolean usesDeque() {
        return false;
    }

    @Override
    int size() {
        return heap == null ? 0 : heap.size();
    }

    @Override
    void putItem(T item) {
        if (item == null) {
            throw new NullPointerException("PriorityQueue does not take null items");
        }
        heap.add(item);
    }

    @Override
    T getItem() {
        return heap.poll();
    }

    @Override
    List<Object> snapshot() {
        return new ArrayList<>(heap);
    }
}
