package dev.weft;

import dev.weft.internal.CoroutineFrame;
import dev.weft.internal.Frame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code asyncio.Queue}: a first-in first-out queue for producer and consumer tasks of
 * one event loop. See also {@link LifoQueue} and {@link PriorityQueue}.
 *
 * <pre>{@code
 * @Async
 * static Coroutine<Void> worker(String name, Queue<Double> queue) {
 *     while (true) {
 *         double sleepFor = await(queue.get());
 *         await(sleep(sleepFor));
 *         queue.taskDone();
 *         System.out.println(name + " has slept for " + String.format("%.2f", sleepFor) + " seconds");
 *     }
 * }
 * // main: queue.putNowait(x) for the work, createTask(worker(...)) thrice, await(queue.join()),
 * // then cancel the workers
 * }</pre>
 *
 * <ul>
 *   <li>{@code maxsize} 0 (or less) means unbounded; otherwise {@link #put} waits while the queue
 *       is {@linkplain #full() full}, and {@link #putNowait} throws {@link QueueFull}.</li>
 *   <li>{@link #get} waits while it is empty; {@link #getNowait} throws {@link QueueEmpty}.</li>
 *   <li>Every item put counts as unfinished until a consumer calls {@link #taskDone()} for it;
 *       {@link #join()} waits until none is unfinished.</li>
 *   <li>{@link #shutdown(boolean)} (Python 3.13) makes puts throw {@link QueueShutDown}, and gets
 *       once the queue is empty.</li>
 *   <li>Blocked getters and putters are served in FIFO order. Cancelling a blocked {@code get} or
 *       {@code put} never drops nor duplicates an item: a getter woken for an item and then
 *       cancelled passes the wakeup on to the next getter (and likewise for putters).</li>
 *   <li>{@code null} items are allowed (in {@code Queue} and {@code LifoQueue}).</li>
 * </ul>
 *
 * <p>{@code get()}, {@code put()} and {@code join()} return something to await. When they need
 * not wait, they act at the call and give a done future; otherwise they give a coroutine that
 * acts when awaited. Either way, await the result at once, as in {@code await(queue.get())}.
 * The queue is bound to the loop where it is first used (see {@link Lock}).
 *
 * @param <T> the items
 */
public class Queue<T> extends LoopBound {
    private static final Object NULL = new Object();

    private final int maxsize;
    private final ArrayDeque<Object> items;
    private final ArrayDeque<Future<Object>> getters = new ArrayDeque<>();
    private final ArrayDeque<Future<Object>> putters = new ArrayDeque<>();
    private int unfinishedTasks;
    private final Event finished = new Event();
    private boolean isShutdown;
    /** The done future an uncontended {@code put} gives, created once. */
    private Future<Void> putDone;

    /** An unbounded queue: {@code Queue<String> queue = new Queue<>();}. */
    public Queue() {
        this(0);
    }

    /**
     * A queue of at most {@code maxsize} items (0 or less: unbounded).
     *
     * <pre>{@code
     * Queue<Job> jobs = new Queue<>(100);
     * }</pre>
     *
     * @param maxsize the most items the queue holds; 0 or less for no limit
     */
    public Queue(int maxsize) {
        this.maxsize = maxsize;
        this.items = usesDeque() ? new ArrayDeque<>() : null;
        finished.set();
    }

    // ---- the storage: overridden by LifoQueue and PriorityQueue ----

    boolean usesDeque() {
        return true;
    }

    int size() {
        return items.size();
    }

    void putItem(T item) {
        items.addLast(item == null ? NULL : item);
    }

    T getItem() {
        return unmask(items.pollFirst());
    }

    /** The items, in the storage's order, for {@link #toString()}. */
    List<Object> snapshot() {
        List<Object> all = new ArrayList<>(items.size());
        for (Object o : items) {
            all.add(unmask(o));
        }
        return all;
    }

    final ArrayDeque<Object> deque() {
        return items;
    }

    @SuppressWarnings("unchecked")
    static <T> T unmask(Object o) {
        return o == NULL ? null : (T) o;
    }

    // ---- state ----

    /**
     * The number of items in the queue: {@code queue.qsize()}.
     *
     * @return how many items are in the queue
     */
    public int qsize() {
        return size();
    }

    /**
     * The most items the queue holds, 0 (or less) for unbounded: {@code queue.maxsize()}.
     *
     * @return the most items the queue holds; 0 for no limit
     */
    public int maxsize() {
        return maxsize;
    }

    /**
     * Whether the queue has no item: {@code if (queue.empty()) ...}.
     *
     * @return whether the queue has no items
     */
    public boolean empty() {
        return size() == 0;
    }

    /**
     * Whether the queue holds {@code maxsize} items; never for an unbounded queue: {@code queue.full()}.
     *
     * @return whether the queue holds {@code maxsize} items
     */
    public boolean full() {
        return maxsize > 0 && size() >= maxsize;
    }

    // ---- putting ----

    /**
     * Puts {@code item} at the end, waiting while the queue is full; await the result.
     *
     * <pre>{@code
     * await(queue.put(item));
     * }</pre>
     *
     * @param item the item to add
     * @return an awaitable that is done once the item is in the queue
     * @throws QueueShutDown (when awaited) if the queue is shut down, or shuts down while it waits
     */
    public Awaitable<Void> put(T item) {
        EventLoop l = checkLoop("Queue.put");
        if (!isShutdown && !full() && l != null) {
            putNowait(item);
            Future<Void> done = putDone;
            if (done == null) {
                putDone = done = doneFuture(l, null);
            }
            return done;
        }
        CoroutineFrame<Void> f = new CoroutineFrame<>(Queue::putBody, 3, 0);
        f.refs[0] = this;
        f.refs[1] = item;
        return f;
    }

    /**
     * Puts {@code item} at once, and wakes the first task waiting in {@link #get()}.
     *
     * <pre>{@code
     * queue.putNowait(item);
     * }</pre>
     *
     * @param item the item to add
     * @throws QueueFull if the queue is full
     * @throws QueueShutDown if the queue is shut down
     */
    public void putNowait(T item) {
        checkLoop("Queue.putNowait");
        if (isShutdown) {
            throw new QueueShutDown();
        }
        if (full()) {
            throw new QueueFull();
        }
        putItem(item);
        unfinishedTasks++;
        finished.clear();
        wakeUpNext(getters);
    }

    // ---- getting ----

    /**
     * Removes and gives the next item, waiting while the queue is empty; await the result.
     *
     * <pre>{@code
     * Job job = await(queue.get());
     * }</pre>
     *
     * @return an awaitable giving the next item
     * @throws QueueShutDown (when awaited) if the queue is shut down and empty, or becomes so while it waits
     */
    public Awaitable<T> get() {
        EventLoop l = checkLoop("Queue.get");
        if (size() > 0 && l != null) {
            return doneFuture(l, getNowait());
        }
        CoroutineFrame<T> f = new CoroutineFrame<>(Queue::getBody, 2, 0);
        f.refs[0] = this;
        return f;
    }

    /**
     * Removes and gives the next item at once, and wakes the first task waiting in {@link #put}.
     *
     * <pre>{@code
     * Job job = queue.getNowait();
     * }</pre>
     *
     * @return the next item
     * @throws QueueEmpty if the queue is empty
     * @throws QueueShutDown if the queue is empty and shut down
     */
    public T getNowait() {
        checkLoop("Queue.getNowait");
        if (size() == 0) {
            if (isShutdown) {
                throw new QueueShutDown();
            }
            throw new QueueEmpty();
        }
        T item = getItem();
        wakeUpNext(putters);
        return item;
    }

    // ---- tracking the work ----

    /**
     * Says that an item taken from the queue is processed: when every item put has been, the
     * tasks waiting in {@link #join()} go on.
     *
     * <pre>{@code
     * Job job = await(queue.get());
     * try { process(job); } finally { queue.taskDone(); }
     * }</pre>
     *
     * @throws IllegalStateException if called more times than items were put (Python's ValueError)
     */
    public void taskDone() {
        checkLoop("Queue.taskDone");
        if (unfinishedTasks <= 0) {
            throw new IllegalStateException("taskDone() called too many times");
        }
        unfinishedTasks--;
        if (unfinishedTasks == 0) {
            finished.set();
        }
    }

    /**
     * Waits until every item put has been taken and processed ({@link #taskDone()}); await the
     * result. Done at once if nothing is unfinished.
     *
     * <pre>{@code
     * await(queue.join());
     * }</pre>
     *
     * @return an awaitable that is done once every item put has been marked done
     */
    public Awaitable<Void> join() {
        checkLoop("Queue.join");
        return finished.waitSet();
    }

    // ---- shutting down ----

    /** {@code shutdown(false)}: puts fail from now on, gets once the queue is empty. */
    public void shutdown() {
        shutdown(false);
    }

    /**
     * Shuts the queue down (Python 3.13): {@link #put} and {@link #putNowait} throw
     * {@link QueueShutDown} from now on, and so do {@link #get} and {@link #getNowait} once the
     * queue is empty. Every task blocked in {@code get} or {@code put} is woken to find out. With
     * {@code immediate}, the items left are dropped (each counting as a {@link #taskDone()}, which
     * may release {@link #join()}), so gets fail at once.
     *
     * <pre>{@code
     * queue.shutdown(true);
     * }</pre>
     *
     * @param immediate true to drop the items left in the queue as well
     */
    public void shutdown(boolean immediate) {
        checkLoop("Queue.shutdown");
        isShutdown = true;
        if (immediate) {
            while (size() > 0) {
                getItem();
                if (unfinishedTasks > 0) {
                    unfinishedTasks--;
                }
            }
            if (unfinishedTasks == 0) {
                finished.set();
            }
        }
        wakeAll(getters);
        wakeAll(putters);
    }

    private static void wakeAll(ArrayDeque<Future<Object>> waiters) {
        Future<Object> w;
        while ((w = waiters.pollFirst()) != null) {
            if (!w.done()) {
                w.setResult(null);
            }
        }
    }

    /** Python's {@code _wakeup_next}: wakes the first waiter not done, dropping the done ones on the way. */
    private static void wakeUpNext(ArrayDeque<Future<Object>> waiters) {
        Future<Object> w;
        while ((w = waiters.pollFirst()) != null) {
            if (!w.done()) {
                w.setResult(null);
                break;
            }
        }
    }

    // ---- the coroutines ----

    /**
     * <pre>
     * while full():
     *     if shutdown: raise QueueShutDown
     *     putter = create_future(); putters.append(putter)
     *     try: await putter
     *     except:
     *         putter.cancel(); putters.remove(putter) if there
     *         if not full() and not putter.cancelled(): wakeup_next(putters)
     *         raise
     * put_nowait(item)
     * </pre>
     * Frame: {@code refs[0]} the queue, {@code refs[1]} the item, {@code refs[2]} the putter.
     */
    private static Object putBody(Frame frame) {
        @SuppressWarnings("unchecked")
        CoroutineFrame<Void> f = (CoroutineFrame<Void>) frame;
        @SuppressWarnings("unchecked")
        Queue<Object> q = (Queue<Object>) f.refs[0];
        if (f.label != 0) {
            @SuppressWarnings("unchecked")
            Future<Object> putter = (Future<Object>) f.refs[2];
            f.refs[2] = null;
            try {
                f.resumeValue();
            } catch (Throwable t) {
                f.refs[0] = null;
                f.refs[1] = null;
                putter.cancel();
                q.putters.remove(putter);
                if (!q.full() && !putter.cancelled()) {
                    wakeUpNext(q.putters);
                }
                throw t;
            }
        }
        if (q.full()) {
            if (q.isShutdown) {
                throw new QueueShutDown();
            }
            Future<Object> putter = q.waitingLoop("Queue.put").createFuture();
            q.putters.add(putter);
            f.refs[2] = putter;
            return f.suspendAwait(1, putter);
        }
        Object item = f.refs[1];
        f.refs[0] = null;
        f.refs[1] = null;
        q.putNowait(item);
        return f.returning(null);
    }

    /**
     * <pre>
     * while empty():
     *     if shutdown: raise QueueShutDown
     *     getter = create_future(); getters.append(getter)
     *     try: await getter
     *     except:
     *         getter.cancel(); getters.remove(getter) if there
     *         if not empty() and not getter.cancelled(): wakeup_next(getters)
     *         raise
     * return get_nowait()
     * </pre>
     * Frame: {@code refs[0]} the queue, {@code refs[1]} the getter.
     */
    private static Object getBody(Frame frame) {
        @SuppressWarnings("unchecked")
        CoroutineFrame<Object> f = (CoroutineFrame<Object>) frame;
        Queue<?> q = (Queue<?>) f.refs[0];
        if (f.label != 0) {
            @SuppressWarnings("unchecked")
            Future<Object> getter = (Future<Object>) f.refs[1];
            f.refs[1] = null;
            try {
                f.resumeValue();
            } catch (Throwable t) {
                f.refs[0] = null;
                getter.cancel();
                q.getters.remove(getter);
                if (!q.empty() && !getter.cancelled()) {
                    wakeUpNext(q.getters);
                }
                throw t;
            }
        }
        if (q.empty()) {
            if (q.isShutdown) {
                throw new QueueShutDown();
            }
            Future<Object> getter = q.waitingLoop("Queue.get").createFuture();
            q.getters.add(getter);
            f.refs[1] = getter;
            return f.suspendAwait(1, getter);
        }
        f.refs[0] = null;
        return f.returning(q.getNowait());
    }

    /** Python's repr, for debugging: {@code <Queue maxsize=2 _queue=[1, 2] _putters[1] tasks=2>}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<").append(getClass().getSimpleName()).append(" maxsize=").append(maxsize);
        if (size() > 0) {
            sb.append(" _queue=").append(snapshot());
        }
        if (!getters.isEmpty()) {
            sb.append(" _getters[").append(getters.size()).append(']');
        }
        if (!putters.isEmpty()) {
            sb.append(" _putters[").append(putters.size()).append(']');
        }
        if (unfinishedTasks != 0) {
            sb.append(" tasks=").append(unfinishedTasks);
        }
        if (isShutdown) {
            sb.append(" shutdown");
        }
        return sb.append('>').toString();
    }
}
