package dev.weft;

import static dev.weft.Weft.await;

import dev.weft.internal.AwaitFrame;
import dev.weft.internal.SharedCoroutine;
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
 * <p>{@code get()}, {@code put()} and {@code join()} return coroutines, which, as in Python, do
 * nothing until awaited: a {@code get()} never awaited takes no item, and
 * {@code waitFor(queue.get(), 0)} raises {@link TimeoutException} and leaves the item in the queue.
 * {@code await(queue.get())} with an item ready, and {@code await(queue.put(x))} with room,
 * allocate nothing. The queue is bound to the loop where it is first used (see {@link Lock}).
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
    /** What {@link #get()} gives on this loop's thread: takes an item ready at the await, allocation-free. */
    private final SharedCoroutine<T> getting = new SharedCoroutine<>() {
        @Override
        protected Object tryNow(Object unused) {
            checkLoop("Queue.get");
            return size() > 0 ? takeItem() : AwaitFrame.PENDING;
        }

        @Override
        protected Object waitDirectly(Object unused) {
            return isShutdown ? null : waitInLine(getters, new Getter(waitingLoop("Queue.get")));
        }

        @Override
        protected Coroutine<T> slow(Object unused) {
            return getInTurn();
        }

        @Override
        public String toString() {
            return "<coroutine Queue.get>";
        }
    };
    /** What {@link #put} gives on this loop's thread: puts the item at the await if there is room, allocation-free. */
    private final SharedCoroutine<Void> putting = new SharedCoroutine<>() {
        @Override
        protected Object tryNow(Object item) {
            checkLoop("Queue.put");
            if (isShutdown) {
                throw new QueueShutDown();
            }
            if (isFull()) {
                return AwaitFrame.PENDING;
            }
            addItem(Queue.<T>unmask(item)); // the checks of putNowait just made
            return null;
        }

        @Override
        protected Object waitDirectly(Object item) {
            return isShutdown ? null : waitInLine(putters, new Putter(waitingLoop("Queue.put"), Queue.<T>unmask(item)));
        }

        @Override
        protected Coroutine<Void> slow(Object item) {
            return putInTurn(Queue.<T>unmask(item));
        }

        @Override
        public String toString() {
            return "<coroutine Queue.put>";
        }
    };

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
        checkReader("Queue.qsize");
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
        checkReader("Queue.empty");
        return size() == 0;
    }

    /**
     * Whether the queue holds {@code maxsize} items; never for an unbounded queue: {@code queue.full()}.
     *
     * @return whether the queue holds {@code maxsize} items
     */
    public boolean full() {
        checkReader("Queue.full");
        return isFull();
    }

    private boolean isFull() {
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
     * @return a coroutine that is done once the item is in the queue
     * @throws QueueShutDown (when awaited) if the queue is shut down, or shuts down while it waits
     */
    public Coroutine<Void> put(T item) {
        return onLoopThread() && putting.lend(item) ? putting : putInTurn(item);
    }

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
     */
    @Async
    private Coroutine<Void> putInTurn(T item) {
        while (isFull()) {
            if (isShutdown) {
                throw new QueueShutDown();
            }
            Future<Object> putter = waitingLoop("Queue.put").createFuture();
            putters.add(putter);
            try {
                await(putter);
            } catch (Throwable t) {
                leaveLine(putters, putter, !isFull()); // woken for room we cannot take: wake the next in line
                throw t;
            }
        }
        putNowait(item);
        return Coroutine.done();
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
        if (isFull()) {
            throw new QueueFull();
        }
        addItem(item);
    }

    /** {@link #putNowait} once its checks passed: the item in, one more unfinished task, a getter woken. */
    private void addItem(T item) {
        putItem(item);
        if (unfinishedTasks++ == 0) {
            finished.clear(); // set exactly when no task is unfinished
        }
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
     * @return a coroutine giving the next item
     * @throws QueueShutDown (when awaited) if the queue is shut down and empty, or becomes so while it waits
     */
    public Coroutine<T> get() {
        return onLoopThread() && getting.lend(null) ? getting : getInTurn();
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
     */
    @Async
    private Coroutine<T> getInTurn() {
        while (size() == 0) {
            if (isShutdown) {
                throw new QueueShutDown();
            }
            Future<Object> getter = waitingLoop("Queue.get").createFuture();
            getters.add(getter);
            try {
                await(getter);
            } catch (Throwable t) {
                leaveLine(getters, getter, size() != 0); // woken for an item we cannot take: wake the next in line
                throw t;
            }
        }
        return Coroutine.returning(getNowait());
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
        return takeItem();
    }

    /** {@link #getNowait} once its checks passed: the next item out, a putter woken. */
    private T takeItem() {
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
     * @return a coroutine that is done once every item put has been marked done
     */
    public Coroutine<Void> join() {
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
            if (!w.isDone()) { // on the loop thread: no thread check
                w.setResult(null);
            }
        }
    }

    /** Joins {@code line} with {@code waiter}, a call of this queue that must wait. */
    private static Waiter waitInLine(ArrayDeque<Future<Object>> line, Waiter waiter) {
        line.add(waiter);
        return waiter;
    }

    /**
     * A waiter whose wait failed (its task cancelled, most often) leaves {@code line}; if it was
     * woken all the same and what woke it is still there ({@code usable}), the next in line is.
     */
    private static void leaveLine(ArrayDeque<Future<Object>> line, Future<Object> waiter, boolean usable) {
        waiter.cancel(); // not done yet if we were cancelled
        line.remove(waiter); // unless a put, get or shutdown removed it
        if (usable && !waiter.cancelled()) {
            wakeUpNext(line);
        }
    }

    /** A {@link #get()} waiting, its task suspended on it: {@link #getInTurn}'s first wait, with no frame. */
    private final class Getter extends Waiter {
        Getter(EventLoop loop) {
            super(loop);
        }

        @Override
        Object finish() {
            return size() > 0 ? takeItem() : AwaitFrame.PENDING;
        }

        @Override
        Coroutine<?> goOn() {
            return getInTurn();
        }

        @Override
        void giveUp(Throwable why) {
            leaveLine(getters, this, size() != 0);
        }
    }

    /** A {@link #put} waiting, its task suspended on it: {@link #putInTurn}'s first wait, with no frame. */
    private final class Putter extends Waiter {
        private final T item;

        Putter(EventLoop loop, T item) {
            super(loop);
            this.item = item;
        }

        @Override
        Object finish() {
            if (isFull()) {
                return AwaitFrame.PENDING;
            }
            putNowait(item);
            return null;
        }

        @Override
        Coroutine<?> goOn() {
            return putInTurn(item);
        }

        @Override
        void giveUp(Throwable why) {
            leaveLine(putters, this, !isFull());
        }
    }

    /** Python's {@code _wakeup_next}: wakes the first waiter not done, dropping the done ones on the way. */
    private static void wakeUpNext(ArrayDeque<Future<Object>> waiters) {
        Future<Object> w;
        while ((w = waiters.pollFirst()) != null) {
            if (!w.isDone()) { // on the loop thread: no thread check
                w.setResult(null);
                break;
            }
        }
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
