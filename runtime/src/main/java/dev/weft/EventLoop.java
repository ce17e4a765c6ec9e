package dev.weft;

import dev.weft.internal.AsyncGeneratorHooks;
import dev.weft.internal.CoroutineFrame;
import dev.weft.internal.NeverAwaited;
import dev.weft.internal.SharedCoroutine;
import dev.weft.internal.TaskStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Python's asyncio event loop: one thread runs every callback and every task of the loop, one at
 * a time, in the order they became ready.
 *
 * <h2>Running</h2>
 * {@link #runUntilComplete} and {@link #runForever} run the loop on the calling thread. Each
 * iteration takes what other threads sent through {@link #callSoonThreadsafe}, moves the timers
 * that are due to the ready queue, and runs the callbacks that were ready when the iteration began
 * (what they schedule runs in the next iteration), exactly as {@code BaseEventLoop._run_once}.
 * When nothing is ready it waits for the next timer or for another thread's callback.
 *
 * <h2>I/O</h2>
 * The loop serves sockets itself, on its one thread, as asyncio's selector event loop does: from
 * the first channel registered ({@link #addReader}, {@link #addWriter}, or a transport, server or
 * {@code sock*} call) it waits in a {@link Selector} instead of sleeping, for at most the time to
 * its next timer, and polls it without waiting in every iteration that has callbacks ready, so
 * I/O is never starved. A loop that never touches a channel never opens a selector. Every socket
 * is non-blocking; there is no thread per connection and no hidden pool (only
 * {@link #getaddrinfo} runs off the loop, in the default executor, as Python's does). Streams of
 * bytes: {@link #createConnection}, {@link #createServer} with {@link Protocol} and
 * {@link Transport}; datagrams: {@link #createDatagramEndpoint}; the low-level calls
 * {@link #sockConnect}, {@link #sockAccept}, {@link #sockRecv}, {@link #sockRecvInto},
 * {@link #sockSendall}. {@link #close()} closes every channel still registered.
 *
 * <h2>Threads</h2>
 * The loop is single-threaded, as asyncio's. While it runs, calling one of its methods, or one of
 * its futures', tasks', primitives' or queues', from another thread throws
 * {@link IllegalStateException}, reads ({@code done()}, {@code qsize()}) as well as changes: the
 * doors in from other threads are {@link #callSoonThreadsafe} and {@link #runCoroutineThreadsafe},
 * and a {@code CompletionStage} awaited by a task, whatever thread completes it, resumes the task
 * on the loop. Safe from any thread: those two, {@link #isRunning()}, {@link #isClosed()},
 * {@link #defaultExceptionHandler}, {@code toString()}, and the methods that only give a
 * coroutine ({@code queue.put(x)}, {@code lock.acquire()}), which acts when awaited on the loop.
 *
 * <h2>Clocks</h2>
 * {@link #create()} runs on {@link System#nanoTime()}. {@link #withVirtualClock()} runs in virtual
 * time: when nothing is ready, time jumps to the next timer instead of waiting, so a test of
 * timeouts takes no real time; while a {@code CompletionStage} of another thread is awaited (an
 * HTTP call, {@link #runInExecutor}), virtual time passes as real time does, so a timeout
 * around it expires when it would for real. Both clocks start at 0.
 *
 * <h2>Errors nobody handled</h2>
 * An exception from a callback ("Exception in callback ..."), and every future or task whose
 * exception was never retrieved ("Task exception was never retrieved"), go to the exception handler
 * ({@link #setExceptionHandler}); the default one prints to {@code System.err}. An unretrieved
 * failure is reported once the future or task becomes unreachable (Python reports it when the
 * object is collected), or when the loop closes, whichever comes first.
 * An {@link Error} is treated as any exception, in a callback as in a task: the callback's goes
 * to the handler, the task's fails the task, and the loop goes on. Only a
 * {@link VirtualMachineError} ({@code OutOfMemoryError}, {@code StackOverflowError}: what Python's
 * {@code KeyboardInterrupt} and {@code SystemExit} are to asyncio) ends {@link #runForever()}: it
 * propagates out of it, from a callback as it is, from a task after failing the task.
 *
 * <h2>Example</h2>
 * {@link Weft#run(Coroutine)} makes, runs and closes a loop; by hand, with {@code import static
 * dev.weft.Weft.*;}:
 * <pre>{@code
 * @Async
 * static Coroutine<String> greet(String who) {
 *     await(sleep(0.5));
 *     return Coroutine.returning("hello " + who);
 * }
 *
 * EventLoop loop = EventLoop.withVirtualClock();   // or EventLoop.create() for the real clock
 * try {
 *     String s = loop.runUntilComplete(greet("loop"));   // 0.5 virtual seconds, no real wait
 * } finally {
 *     loop.close();
 * }
 * }</pre>
 */
public final class EventLoop {
    private static final ThreadLocal<EventLoop> RUNNING = new ThreadLocal<>();
    /**
     * The loop that started running last, on whichever thread: {@link #runningOrNull()} answers
     * with it, without the thread-local lookup, when it runs on the calling thread (the common
     * case of one loop). Racy by design: a loop whose {@link #thread} is the caller runs there.
     */
    private static EventLoop lastStarted;
    /**
     * Sees what reaches the default exception handler of any loop, which nobody else saw: the
     * runtime's own test suite fails a test with it (its {@code UnseenFailures} extension).
     */
    static volatile BiConsumer<EventLoop, Map<String, Object>> unhandledWatch;

    private final boolean virtualClock;
    private final long origin = System.nanoTime();
    private long virtualNow;
    /**
     * Awaited stages of other threads not settled yet ({@link StageFuture}): while some are, the
     * virtual clock does not jump (not every task waits on the loop's own timers) but follows the
     * real one, so a timeout around another thread's work expires when it would for real.
     */
    private int foreignWork;

    /** Ready callbacks: a {@link Handle} to run, or a {@link Task} to step. */
    private final ArrayDeque<Object> ready = new ArrayDeque<>();
    private final PriorityQueue<TimerHandle> timers = new PriorityQueue<>(
            Comparator.<TimerHandle>comparingLong(t -> t.whenNanos).thenComparingLong(t -> t.seq));
    private long timerSeq;
    private int cancelledTimers;
    private final ConcurrentLinkedQueue<Handle> inbox = new ConcurrentLinkedQueue<>();
    /**
     * The loop is waiting (parked or in select), or about to: only then do other threads wake it,
     * so a busy loop's fast path never pays for a wakeup. Set before the loop re-reads the inbox,
     * read by senders after they add to it (Dekker: one of the two sees the other).
     */
    private volatile boolean sleeping;

    /**
     * Opened by the first channel registered: loops without sockets keep parking and pay nothing.
     * Not volatile (the loop reads it every iteration): another thread reads it only in
     * {@link #wake()}, after reading {@link #sleeping}, which the loop writes after opening it.
     */
    private Selector selector;
    /** What select calls for each ready key (one instance: no allocation per select). */
    private final Consumer<SelectionKey> onReady = this::keyReady;
    /** One read buffer for every transport of the loop (asyncio's {@code max_size}). */
    private ByteBuffer readBuffer;
    /** Direct segments of the transports' write buffers, sent and given back (see {@link #writeSegment}). */
    private final ArrayDeque<ByteBuffer> writeSegments = new ArrayDeque<>();
    private int directWriteSegments;

    /** The thread running the loop, or null when it does not run. */
    private volatile Thread thread;
    /** What {@code sleep(0)} gives on this loop's thread: allocation-free (see {@link Sleep.Zero}). */
    final Sleep.Zero sleepZero = new Sleep.Zero();
    private boolean stopping;
    /** The loop thread was interrupted while waiting; re-asserted when {@link #runForever()} returns. */
    private boolean interrupted;
    private volatile boolean closed;

    /** The task being stepped, if any. */
    Task<?> currentTask;
    /** While running: the loop thread's current {@link Context}, which tasks and callbacks swap in and out. */
    Context.Current contexts;
    /** Tasks not done yet, an intrusive doubly-linked list through {@code Task.prevLive/nextLive}. */
    private Task<?> liveTasks;
    private int taskCount;
    /** Futures that failed, whose exception is still unretrieved: reported once collected, or at close. */
    private final UnretrievedFailures failed = new UnretrievedFailures();
    private BiConsumer<EventLoop, Map<String, Object>> exceptionHandler;
    /** The executor of {@code runInExecutor(null, ...)}. */
    private final DefaultExecutor defaultExecutor = new DefaultExecutor();

    /** The async generators started on this loop, closed when {@code Weft.run} ends. */
    final AsyncGeneratorShutdown asyncGenerators = new AsyncGeneratorShutdown();

    /** Python's debug mode: see {@link #setDebug}. */
    private boolean debug;

    static {
        NeverAwaited.install(NeverAwaitedReports.INSTANCE);
        TaskStarter.install(coroutine -> getRunningLoop().createTask(coroutine).toCompletableFuture());
        AsyncGeneratorHooks.install(AsyncGeneratorShutdown::firstIteration);
    }

    private EventLoop(boolean virtualClock) {
        this.virtualClock = virtualClock;
    }

    /**
     * Python's {@code loop.set_debug(enabled)}. In debug mode, a coroutine created and then
     * collected without ever having been awaited or wrapped in a task is reported ("coroutine
     * 'Crawler.fetch' was never awaited"), to the exception handler of the loop that was running
     * where it was created (context keys {@code "message"}, {@code "coroutine"},
     * {@code "source_traceback"}: where it was created), or on {@code System.err} when no loop
     * can take it. Tracking is global: it is on while any loop is in debug mode (or the system
     * property {@code weft.debug} is {@code true}), and costs each new coroutine a stack trace.
     *
     * <pre>{@code
     * Weft.run(main(), () -> { EventLoop loop = EventLoop.create(); loop.setDebug(true); return loop; });
     * }</pre>
     *
     * @param enabled true to turn debug mode on, false to turn it off
     */
    public void setDebug(boolean enabled) {
        checkThread("setDebug");
        if (enabled != debug) {
            debug = enabled;
            NeverAwaited.debugLoop(enabled);
        }
    }

    /**
     * Whether this loop is in debug mode ({@link #setDebug}); Python's {@code loop.get_debug()}: {@code if (getRunningLoop().getDebug()) ...}.
     *
     * @return whether debug mode is on
     */
    public boolean getDebug() {
        checkThread("getDebug");
        return debug;
    }

    /**
     * A new event loop on the real monotonic clock ({@link System#nanoTime()}).
     *
     * @return a new event loop on the real clock, not running
     */
    public static EventLoop create() {
        return new EventLoop(false);
    }

    /**
     * A new event loop on a virtual clock: it starts at 0 and, whenever no callback is ready and
     * no other thread sent one, jumps to the next timer. Nothing really sleeps; what a test
     * observes is the order and the virtual times.
     *
     * @return a new event loop on a virtual clock, not running
     */
    public static EventLoop withVirtualClock() {
        return new EventLoop(true);
    }

    /**
     * The loop running on the calling thread ({@code asyncio.get_running_loop()}).
     *
     * @return the event loop running on this thread
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static EventLoop getRunningLoop() {
        EventLoop loop = runningOrNull();
        if (loop == null) {
            throw new IllegalStateException("no running event loop: call this from a coroutine or callback run by an EventLoop"
                    + " (Weft.run(...) or loop.runUntilComplete(...))");
        }
        return loop;
    }

    /** The loop running on the calling thread, or null. */
    static EventLoop runningOrNull() {
        EventLoop last = lastStarted;
        return last != null && last.thread == Thread.currentThread() ? last : RUNNING.get();
    }

    /** The running loop, or an exception saying that {@code what} needs one. */
    static EventLoop requireRunning(String what) {
        EventLoop loop = runningOrNull();
        if (loop == null) {
            throw new IllegalStateException(what + " needs a running event loop: call it from a coroutine run by Weft.run(...),"
                    + " or use EventLoop methods directly");
        }
        return loop;
    }

    // ---- time ----

    /**
     * The loop's clock, in seconds: Python's {@code loop.time()}.
     *
     * @return the loop's clock now, in seconds
     */
    public double time() {
        checkThread("time");
        return nanos() / 1e9;
    }

    long nanos() {
        return virtualClock ? virtualNow : System.nanoTime() - origin;
    }

    private static long toNanos(double seconds, String what) {
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException(what + ": NaN is not a time");
        }
        double n = seconds * 1e9;
        if (n >= 0x1p62) {
            return 1L << 62;
        }
        if (n <= -0x1p62) {
            return -(1L << 62);
        }
        return Math.round(n);
    }

    // ---- scheduling ----

    /**
     * Schedules {@code callback} to run in a later iteration of the loop, after the callbacks
     * scheduled before it (FIFO).
     *
     * @param callback what to run
     * @return a handle to cancel the call
     */
    public Handle callSoon(Runnable callback) {
        checkOpen("callSoon", callback);
        checkThread("callSoon");
        Handle h = new Handle(this, callback);
        ready.add(h);
        return h;
    }

    /**
     * Schedules {@code callback} to run {@code delaySeconds} from now on the loop's clock (at once if not positive).
     *
     * @param delaySeconds how long to wait, in seconds on the loop's clock
     * @param callback what to run
     * @return a handle to cancel the call
     */
    public TimerHandle callLater(double delaySeconds, Runnable callback) {
        return schedule(nanos() + toNanos(delaySeconds, "callLater"), callback, "callLater");
    }

    /**
     * Schedules {@code callback} to run at {@code whenSeconds} on the loop's clock ({@link #time()}).
     *
     * @param whenSeconds when to run, in seconds on the loop's clock ({@link #time()})
     * @param callback what to run
     * @return a handle to cancel the call
     */
    public TimerHandle callAt(double whenSeconds, Runnable callback) {
        return schedule(toNanos(whenSeconds, "callAt"), callback, "callAt");
    }

    private TimerHandle schedule(long whenNanos, Runnable callback, String what) {
        checkOpen(what, callback);
        checkThread(what);
        TimerHandle t = new TimerHandle(this, callback, whenNanos, timerSeq++);
        t.scheduled = true;
        timers.add(t);
        return t;
    }

    /**
     * The door in from other threads: schedules {@code callback} on the loop, from any thread, and
     * wakes the loop if it waits. Callbacks sent from one thread run in the order they were sent.
     *
     * @param callback what to run, on the loop's thread
     * @return a handle to cancel the call
     * @throws IllegalStateException if the loop is closed
     */
    public Handle callSoonThreadsafe(Runnable callback) {
        checkOpen("callSoonThreadsafe", callback);
        Handle h = new Handle(this, callback);
        inbox.add(h);
        if (sleeping) {
            wake();
        }
        return h;
    }

    /** Wakes the loop from its select or park; called only when it sleeps or is about to. */
    private void wake() {
        Selector s = selector;
        if (s != null) {
            s.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /**
     * Python's {@code asyncio.run_coroutine_threadsafe(coro, loop)}: from any thread, wraps
     * {@code coro} in a task on this loop and returns a {@code CompletableFuture} of its outcome.
     * Cancelling the {@code CompletableFuture} cancels the task.
     *
     * @param <T> the type of the coroutine's result
     * @param coro the coroutine to run on this loop
     * @return a future, usable from any thread, with the coroutine's outcome
     */
    public <T> CompletableFuture<T> runCoroutineThreadsafe(Coroutine<T> coro) {
        CoroutineFrame<T> frame = frameOf(coro, "runCoroutineThreadsafe");
        CompletableFuture<T> result = new CompletableFuture<>();
        callSoonThreadsafe(() -> {
            if (result.isDone()) {
                return;
            }
            try {
                createTask(frame).chainTo(result);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                throw e;
            }
        });
        return result;
    }

    // ---- other threads ----

    /**
     * Python's {@code loop.run_in_executor(executor, fn)}: calls {@code fn} on {@code executor} (a
     * thread pool; a {@code ForkJoinPool} for CPU-bound work) and gives a future of this loop that
     * gets its outcome, on the loop's thread. {@code null} means the loop's default executor, a pool
     * of at most {@code min(32, processors + 4)} daemon threads. Cancelling the future before
     * {@code fn} starts keeps it from running; a running call is not interrupted. As in Python,
     * {@code fn} runs in the executor thread's own {@link Context}, not the caller's: use
     * {@link Weft#toThread}, or {@code Context.copyContext()} and {@code run}, to carry it.
     *
     * @param <T> the type of the function's result
     * @param executor where to run {@code fn}, or null for the loop's default executor
     * @param fn the blocking function to run
     * @return a future, on this loop, of {@code fn}'s result
     */
    public <T> Future<T> runInExecutor(Executor executor, Callable<T> fn) {
        checkOpen("runInExecutor", fn);
        checkThread("runInExecutor");
        Executor ex = executor != null ? executor : defaultExecutor.get();
        CompletableFuture<T> outcome = new CompletableFuture<>();
        ex.execute(() -> {
            if (outcome.isDone()) {
                return;
            }
            try {
                outcome.complete(fn.call());
            } catch (Throwable t) {
                outcome.completeExceptionally(t);
            }
        });
        return new StageFuture<>(this, outcome);
    }

    /**
     * Python's {@code loop.shutdown_default_executor()}: the default executor takes no more work,
     * and this waits (blocking the calling thread, at most 300 seconds, as Python 3.12) until the
     * calls it runs are finished. {@link Weft#run} does it before closing its loop. Call it while
     * the loop is not running.
     *
     * @throws IllegalStateException if the loop is running
     */
    public void shutdownDefaultExecutor() {
        checkThread("shutdownDefaultExecutor");
        if (thread != null) {
            throw new IllegalStateException("shutdownDefaultExecutor blocks: call it while the loop is not running");
        }
        try {
            if (!defaultExecutor.shutdownAndWait(300)) {
                callExceptionHandler(context("the default executor did not finish within 300 seconds", null, null, null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Python's {@code asyncio.wrap_future(stage, loop=loop)}: a future of this loop with the
     * outcome of {@code stage}, set on the loop's thread whatever thread completes the stage;
     * its exception unwrapped from {@code CompletionException}. Cancelling the future cancels the
     * stage (if it converts to a {@code CompletableFuture}); a cancelled stage cancels the future.
     * Useful to {@link Weft#gather} or {@link Weft#waitTasks} a {@code CompletableFuture} with tasks.
     *
     * @param <T> the type of the stage's result
     * @param stage the completion stage to follow
     * @return a future on this loop with the stage's outcome
     */
    public <T> Future<T> wrapFuture(CompletionStage<T> stage) {
        checkOpen("wrapFuture", stage);
        checkThread("wrapFuture");
        return new StageFuture<>(this, stage);
    }

    /** Puts a task on the ready queue to be stepped: how a task starts, yields and is woken. */
    void ready(Task<?> task) {
        ready.add(task);
    }

    void timerCancelled() {
        cancelledTimers++;
    }

    // ---- futures and tasks ----

    /**
     * A new pending {@link Future} bound to this loop: Python's {@code loop.create_future()}.
     *
     * @param <T> the type of the future's result
     * @return a new pending future on this loop
     */
    public <T> Future<T> createFuture() {
        checkThread("createFuture");
        return new Future<>(this);
    }

    /**
     * Wraps {@code coro} in a {@link Task} scheduled to start in the next iteration of the loop
     * (the loop need not run yet).
     *
     * @param <T> the type of the coroutine's result
     * @param coro the coroutine to run as a task
     * @return the scheduled task
     * @throws IllegalArgumentException if {@code coro} is not a coroutine returned by an {@code @Async} method
     * @throws IllegalStateException if the coroutine was awaited or wrapped before, or the loop is closed
     */
    public <T> Task<T> createTask(Coroutine<T> coro) {
        return createTask(coro, null);
    }

    /**
     * {@link #createTask(Coroutine)} with a name ({@code null}: "Task-N", numbered per loop).
     *
     * @param <T> the type of the coroutine's result
     * @param coro the coroutine to run as a task
     * @param name the task's name, or null for a generated one
     * @return the scheduled task
     */
    public <T> Task<T> createTask(Coroutine<T> coro, String name) {
        return createTask(coro, name, null);
    }

    /**
     * {@link #createTask(Coroutine, String)} running in {@code context} (Python's {@code context=}):
     * the task's {@link ContextVar#set}s change that context, which tasks may share (one step at
     * a time). {@code null}: a copy of the current context.
     *
     * @param <T> the type of the coroutine's result
     * @param coro the coroutine to run as a task
     * @param name the task's name, or null for a generated one
     * @param context the context the task runs in, or null for a copy of the current one
     * @return the scheduled task
     */
    public <T> Task<T> createTask(Coroutine<T> coro, String name, Context context) {
        CoroutineFrame<T> frame = frameOf(coro, "createTask");
        checkOpen("createTask", coro);
        checkThread("createTask");
        frame.claim();
        Task<T> task = new Task<>(this, frame, ++taskCount, name, context);
        link(task);
        ready.add(task);
        return task;
    }

    static <T> CoroutineFrame<T> frameOf(Coroutine<T> coro, String what) {
        if (coro instanceof CoroutineFrame) {
            return (CoroutineFrame<T>) coro;
        }
        if (coro instanceof SharedCoroutine) {
            return ((SharedCoroutine<T>) coro).start(); // a primitive's call (queue.get()): now a coroutine of its own
        }
        if (coro == null) {
            throw new NullPointerException(what + "(null): pass the coroutine an @Async method returned");
        }
        throw new IllegalArgumentException(what + ": a coroutine returned by an @Async method was expected, got " + coro);
    }

    /** Python's {@code ensure_future}: a future as is (it must be of this loop), a coroutine wrapped in a task. */
    <T> Future<T> ensureFuture(Awaitable<T> aw) {
        if (aw instanceof Future) {
            Future<T> f = (Future<T>) aw;
            if (f.loop != this) {
                throw new IllegalArgumentException(f + " belongs to a different event loop");
            }
            return f;
        }
        if (aw instanceof Coroutine) {
            return createTask((Coroutine<T>) aw);
        }
        if (aw == null) {
            throw new NullPointerException("nothing to run: a coroutine, task or future was expected, got null");
        }
        throw new IllegalArgumentException("a coroutine, task or future was expected, got " + aw);
    }

    /**
     * The tasks of this loop not done yet ({@code asyncio.all_tasks(loop)}), a snapshot.
     *
     * @return a snapshot of this loop's tasks that are not done
     */
    public Set<Task<?>> allTasks() {
        checkThread("allTasks");
        Set<Task<?>> all = new LinkedHashSet<>();
        for (Task<?> t = liveTasks; t != null; t = t.nextLive) {
            all.add(t);
        }
        return all;
    }

    /**
     * The task being run now on this loop, or null ({@code asyncio.current_task(loop)}).
     *
     * @return the task running now on this loop, or null
     */
    public Task<?> currentTask() {
        checkThread("currentTask");
        return currentTask;
    }

    private void link(Task<?> task) {
        Task<?> head = liveTasks;
        task.nextLive = head;
        if (head != null) {
            head.prevLive = task;
        }
        liveTasks = task;
    }

    /** Takes a done task off the live list. */
    void unlink(Task<?> task) {
        Task<?> prev = task.prevLive;
        Task<?> next = task.nextLive;
        if (prev != null) {
            prev.nextLive = next;
        } else if (liveTasks == task) {
            liveTasks = next;
        }
        if (next != null) {
            next.prevLive = prev;
        }
        task.prevLive = null;
        task.nextLive = null;
    }

    /** A stage of another thread is awaited: virtual time follows real time until it settles ({@link #foreignWorkSettled}). */
    void foreignWorkStarted() {
        foreignWork++;
    }

    /** An awaited stage of another thread settled, or its future was cancelled. */
    void foreignWorkSettled() {
        foreignWork--;
    }

    /** Remembers a failed future, to report its exception once it is collected, or at close, if nobody retrieves it. */
    UnretrievedFailures.Entry noteFailed(Future<?> f, Throwable exception) {
        return failed.note(f, exception);
    }

    /** The exception of a failed future was retrieved. */
    void retrieved(UnretrievedFailures.Entry e) {
        failed.retrieved(e);
    }

    /** How many failures wait to be retrieved or reported (for tests). */
    int unretrievedFailures() {
        return failed.size();
    }

    // ---- running ----

    /**
     * Runs the loop until {@code aw} is done and gives its result: Python's
     * {@code loop.run_until_complete}. A coroutine is wrapped in a task first. The result comes out
     * as {@link Future#result()} gives it: the exception unwrapped, or a {@code CancellationException}.
     *
     * @param <T> the type of the result
     * @param aw the coroutine, task or future to run to completion
     * @return the result of {@code aw}
     * @throws IllegalStateException if the loop is closed or running, if another loop runs on this
     *     thread, or if the loop was stopped before {@code aw} was done
     */
    public <T> T runUntilComplete(Awaitable<T> aw) {
        checkRunnable("runUntilComplete");
        Future<T> fut = ensureFuture(aw);
        boolean newTask = fut != aw;
        Consumer<Future<T>> stopper = f -> stop();
        fut.addDoneCallback(stopper);
        try {
            runForever();
        } catch (RuntimeException | Error e) {
            if (newTask && fut.done() && !fut.cancelled()) {
                fut.markRetrieved();
            }
            throw e;
        } finally {
            fut.removeDoneCallback(stopper);
        }
        if (!fut.done()) {
            throw new IllegalStateException("Event loop stopped before Future completed.");
        }
        return fut.result();
    }

    /**
     * Runs the loop until {@link #stop()} is called: Python's {@code loop.run_forever()}. An
     * interrupt of the loop thread does not stop the loop (use {@code callSoonThreadsafe(loop::stop)});
     * the thread's interrupt status is set again when this returns.
     */
    public void runForever() {
        checkRunnable("runForever");
        thread = Thread.currentThread();
        RUNNING.set(this);
        lastStarted = this;
        contexts = Context.ofThisThread();
        try {
            for (;;) {
                runOnce();
                if (stopping) {
                    break;
                }
            }
        } finally {
            stopping = false;
            currentTask = null;
            thread = null;
            contexts = null;
            RUNNING.remove();
            if (lastStarted == this) {
                lastStarted = null; // a stopped loop is not kept reachable
            }
            if (interrupted) {
                interrupted = false;
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Stops the loop: {@link #runForever()} returns after the callbacks ready now have run. Called
     * while the loop does not run, the next run does one iteration and returns.
     */
    public void stop() {
        checkThread("stop");
        stopping = true;
    }

    /**
     * Whether the loop is running.
     *
     * @return whether the loop is running
     */
    public boolean isRunning() {
        return thread != null;
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return whether the loop has been closed
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the loop: pending callbacks and timers are dropped, and every failed future or task
     * whose exception was never retrieved is reported to the exception handler. Closing twice does
     * nothing.
     *
     * @throws IllegalStateException if the loop is running
     */
    public void close() {
        checkThread("close");
        if (thread != null) {
            throw new IllegalStateException("Cannot close a running event loop");
        }
        if (closed) {
            return;
        }
        closed = true;
        closeChannels();
        defaultExecutor.shutdown();
        ready.clear();
        timers.clear();
        inbox.clear();
        failed.reportTo(this);
    }

    /** One iteration: Python's {@code BaseEventLoop._run_once}. */
    private void runOnce() {
        drainInbox();
        failed.reportCollected(this);
        sweepTimers();
        if (selector != null) {
            select(!ready.isEmpty() || stopping);
            drainInbox();
        } else if (ready.isEmpty() && !stopping) {
            waitForWork();
            drainInbox();
        }
        if (!timers.isEmpty()) { // the clock is read only when some timer may be due
            long now = nanos();
            for (;;) {
                TimerHandle t = timers.peek();
                if (t == null || t.whenNanos > now) {
                    break;
                }
                timers.poll();
                t.scheduled = false;
                if (t.cancelled()) {
                    cancelledTimers--;
                } else {
                    ready.add(t);
                }
            }
        }
        for (int n = ready.size(); n > 0; n--) {
            Object o = ready.poll();
            if (o instanceof Task) {
                ((Task<?>) o).wakeup();
            } else {
                ((Handle) o).run();
            }
        }
    }

    private void drainInbox() {
        Handle h;
        while ((h = inbox.poll()) != null) {
            ready.add(h);
        }
    }

    /** Drops cancelled timers at the head, and all of them when they are more than half (Python's rule). */
    private void sweepTimers() {
        if (cancelledTimers > 100 && cancelledTimers * 2 > timers.size()) {
            timers.removeIf(t -> {
                if (t.cancelled()) {
                    t.scheduled = false;
                    return true;
                }
                return false;
            });
            cancelledTimers = 0;
        }
        TimerHandle t;
        while ((t = timers.peek()) != null && t.cancelled()) {
            timers.poll();
            t.scheduled = false;
            cancelledTimers--;
        }
    }

    /** Nothing is ready: wait for the next timer (or jump to it, in virtual time) or another thread's callback. */
    private void waitForWork() {
        TimerHandle next = timers.peek();
        if (virtualClock && next != null && foreignWork == 0) {
            if (inbox.isEmpty() && next.whenNanos > virtualNow) {
                virtualNow = next.whenNanos;
            }
            return;
        }
        long remaining = next == null ? Long.MAX_VALUE : next.whenNanos - nanos();
        long start = System.nanoTime();
        sleeping = true;
        try {
            while (inbox.isEmpty()) {
                long wait = remaining - (System.nanoTime() - start);
                if (wait <= 0) {
                    return;
                }
                LockSupport.parkNanos(this, wait);
                if (Thread.interrupted()) {
                    interrupted = true; // parking would return at once: keep the flag aside, give it back when the loop returns
                }
            }
        } finally {
            sleeping = false;
            followRealTime(start, next);
        }
    }

    /** While another thread's stage is awaited, virtual time passes as real time did, up to the next timer. */
    private void followRealTime(long realStart, TimerHandle next) {
        if (virtualClock && foreignWork > 0) {
            long now = virtualNow + (System.nanoTime() - realStart);
            virtualNow = next == null ? now : Math.max(virtualNow, Math.min(now, next.whenNanos));
        }
    }

    // ---- I/O: the selector (Python's selector_events.BaseSelectorEventLoop) ----

    /**
     * Python's {@code loop.add_reader(fd, callback)}: calls {@code callback} on the loop each time
     * {@code channel} is ready to read (for a {@link ServerSocketChannel}: to accept), until
     * {@link #removeReader}. A second call replaces the callback. The channel must be
     * non-blocking; it stays registered with the loop (and is closed by {@link #close()}) until it
     * is closed.
     *
     * <pre>{@code
     * channel.configureBlocking(false);
     * loop.addReader(channel, () -> { int n = channel.read(buf); ... });
     * }</pre>
     *
     * @param channel a non-blocking channel
     * @param callback what to run, on the loop, while the channel is readable
     * @throws IllegalArgumentException if the channel is in blocking mode
     * @throws IllegalStateException if the loop is closed or used from another thread
     */
    public void addReader(SelectableChannel channel, Runnable callback) {
        checkOpen("addReader", callback);
        checkThread("addReader");
        ChannelCallbacks c = watch(channel);
        c.reader = new Handle(this, callback);
        c.update();
    }

    /**
     * Python's {@code loop.remove_reader(fd)}: stops calling the reader of {@code channel}.
     *
     * @param channel the channel
     * @return whether a reader was registered
     */
    public boolean removeReader(SelectableChannel channel) {
        checkThread("removeReader");
        ChannelCallbacks c = callbacksOf(channel);
        if (c == null || c.reader == null) {
            return false;
        }
        c.reader.cancel();
        c.reader = null;
        c.update();
        return true;
    }

    /**
     * Python's {@code loop.add_writer(fd, callback)}: calls {@code callback} on the loop each time
     * {@code channel} is ready to write (for a {@link SocketChannel} still connecting: when the
     * connection is made or failed), until {@link #removeWriter}. A second call replaces the
     * callback. The channel must be non-blocking.
     *
     * @param channel a non-blocking channel
     * @param callback what to run, on the loop, while the channel is writable
     * @throws IllegalArgumentException if the channel is in blocking mode
     * @throws IllegalStateException if the loop is closed or used from another thread
     */
    public void addWriter(SelectableChannel channel, Runnable callback) {
        checkOpen("addWriter", callback);
        checkThread("addWriter");
        ChannelCallbacks c = watch(channel);
        c.writer = new Handle(this, callback);
        c.update();
    }

    /**
     * Python's {@code loop.remove_writer(fd)}: stops calling the writer of {@code channel}.
     *
     * @param channel the channel
     * @return whether a writer was registered
     */
    public boolean removeWriter(SelectableChannel channel) {
        checkThread("removeWriter");
        ChannelCallbacks c = callbacksOf(channel);
        if (c == null || c.writer == null) {
            return false;
        }
        c.writer.cancel();
        c.writer = null;
        c.update();
        return true;
    }

    /** The callbacks of {@code channel}, registering it (with no interest yet) on first use. */
    ChannelCallbacks watch(SelectableChannel channel) {
        if (channel == null) {
            throw new NullPointerException("channel is null");
        }
        if (channel.isBlocking()) {
            throw new IllegalArgumentException(channel + " is in blocking mode: the loop serves non-blocking channels only;"
                    + " call channel.configureBlocking(false) first");
        }
        Selector s = selectorOpened();
        SelectionKey key = channel.keyFor(s);
        if (key != null && key.isValid()) {
            return (ChannelCallbacks) key.attachment();
        }
        try {
            ChannelCallbacks c = new ChannelCallbacks(channel);
            c.key = channel.register(s, 0, c);
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ChannelCallbacks callbacksOf(SelectableChannel channel) {
        Selector s = selector;
        SelectionKey key = s == null ? null : channel.keyFor(s);
        return key == null || !key.isValid() ? null : (ChannelCallbacks) key.attachment();
    }

    private Selector selectorOpened() {
        Selector s = selector;
        if (s == null) {
            try {
                selector = s = Selector.open();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open a selector", e);
            }
        }
        return s;
    }

    /** Python's {@code selector.select(timeout)} and {@code _process_events}: ready callbacks go on the ready queue. */
    private void select(boolean nowait) {
        Selector s = selector;
        try {
            if (nowait) {
                s.selectNow(onReady);
                return;
            }
            TimerHandle next = timers.peek();
            if (virtualClock && next != null && foreignWork == 0) {
                // virtual time jumps to the next timer only when no I/O is ready now
                if (s.selectNow(onReady) == 0 && ready.isEmpty() && inbox.isEmpty() && next.whenNanos > virtualNow) {
                    virtualNow = next.whenNanos;
                }
                return;
            }
            long timeoutMillis = 0; // 0: no timer, wait until I/O or a wakeup
            if (next != null) {
                long wait = next.whenNanos - nanos();
                if (wait <= 0) {
                    s.selectNow(onReady);
                    return;
                }
                timeoutMillis = Math.max(1, (wait + 999_999) / 1_000_000);
            }
            long start = System.nanoTime();
            sleeping = true;
            try {
                if (inbox.isEmpty()) {
                    s.select(onReady, timeoutMillis);
                }
            } finally {
                sleeping = false;
                followRealTime(start, next);
            }
            if (Thread.interrupted()) {
                interrupted = true; // select would return at once: keep the flag aside, give it back when the loop returns
            }
        } catch (IOException e) {
            throw new UncheckedIOException("select failed", e);
        }
    }

    /** A key is ready: its reader and writer go on the ready queue (Python's {@code _process_events}). */
    private void keyReady(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        ChannelCallbacks c = (ChannelCallbacks) key.attachment();
        int ops = key.readyOps();
        if ((ops & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0 && c.reader != null) {
            ready.add(c.reader);
        }
        if ((ops & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0 && c.writer != null) {
            ready.add(c.writer);
        }
    }

    /** The loop's one read buffer, 256 KiB (asyncio's {@code max_size}), direct: reads go straight into it. */
    ByteBuffer readBuffer() {
        ByteBuffer b = readBuffer;
        if (b == null) {
            readBuffer = b = ByteBuffer.allocateDirect(SelectorTransport.MAX_SIZE);
        }
        b.clear();
        return b;
    }

    /** Bytes in a write buffer's segment. */
    static final int WRITE_SEGMENT = 64 * 1024;
    /** Direct segments a loop makes at most (2 MiB), and keeps for reuse. */
    static final int MAX_DIRECT_WRITE_SEGMENTS = 32;

    /**
     * A segment for a transport's {@link WriteBuffer}, cleared: a pooled direct one (the socket
     * sends it without a copy), made on demand up to {@link #MAX_DIRECT_WRITE_SEGMENTS}; beyond
     * that a heap one of the size wanted (at most a segment), so many small backlogs stay small.
     */
    ByteBuffer writeSegment(int wanted) {
        ByteBuffer b = writeSegments.poll();
        if (b != null) {
            b.clear();
            return b;
        }
        if (directWriteSegments < MAX_DIRECT_WRITE_SEGMENTS) {
            directWriteSegments++;
            return ByteBuffer.allocateDirect(WRITE_SEGMENT);
        }
        return ByteBuffer.allocate(Math.min(wanted, WRITE_SEGMENT));
    }

    /** A segment sent or dropped: a direct one goes back to the pool. */
    void releaseWriteSegment(ByteBuffer segment) {
        if (segment.isDirect()) {
            writeSegments.push(segment);
        }
    }

    /** TLS's buffers for wrapped records, lent while records wait for their socket write. */
    private final ArrayDeque<ByteBuffer> tlsBuffers = new ArrayDeque<>();

    /** A heap buffer of at least {@code capacity} bytes, cleared, for TLS's records ({@link SSLProtocol}). */
    ByteBuffer tlsBuffer(int capacity) {
        ByteBuffer b = tlsBuffers.poll();
        if (b == null || b.capacity() < capacity) {
            return ByteBuffer.allocate(capacity);
        }
        b.clear();
        return b;
    }

    /** A buffer from {@link #tlsBuffer}, sent: kept for the next one (a few at most). */
    void releaseTlsBuffer(ByteBuffer b) {
        if (tlsBuffers.size() < 4) {
            tlsBuffers.push(b);
        }
    }

    /** The channels registered with the loop now (for tests: each must be closed once the loop is). */
    List<SelectableChannel> channels() {
        List<SelectableChannel> out = new ArrayList<>();
        if (selector != null && selector.isOpen()) {
            for (SelectionKey key : selector.keys()) {
                out.add(key.channel());
            }
        }
        return out;
    }

    /** Whether this loop opened a selector (for tests: a loop without sockets never does). */
    boolean hasSelector() {
        return selector != null;
    }

    /** Closes every channel still registered, then the selector (which releases their descriptors). */
    private void closeChannels() {
        Selector s = selector;
        if (s == null) {
            return;
        }
        for (SelectionKey key : s.keys()) {
            try {
                key.channel().close();
            } catch (IOException e) {
                // closing anyway: nothing else to do with it
            }
        }
        try {
            s.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- I/O: transports, servers, low-level calls (Python's loop.create_connection, ...) ----

    /**
     * Python's {@code loop.create_connection(protocol_factory, host, port)}: resolves
     * {@code host}, connects to its addresses in turn until one accepts, makes a {@link Transport}
     * for the connection and a protocol with {@code protocolFactory}, and gives both once the
     * protocol's {@link Protocol#connectionMade} has run. A refused connection fails the future
     * with {@link java.net.ConnectException} (asyncio's {@code ConnectionRefusedError}); when
     * every address fails, the first failure carries the others as suppressed exceptions.
     *
     * <pre>{@code
     * TransportAndProtocol<Transport, Echo> tp = await(loop.createConnection(Echo::new, "127.0.0.1", port));
     * tp.transport().write("hello".getBytes(UTF_8));
     * }</pre>
     *
     * @param <P> the protocol's type
     * @param protocolFactory makes the connection's protocol
     * @param host the host name or address to connect to
     * @param port the port to connect to
     * @return a future of the transport and the protocol
     */
    public <P extends Protocol> Future<TransportAndProtocol<Transport, P>> createConnection(Supplier<P> protocolFactory,
            String host, int port) {
        checkOpen("createConnection", protocolFactory);
        checkThread("createConnection");
        return Connecting.start(this, protocolFactory, host, port);
    }

    /**
     * Python's {@code loop.create_connection(protocol_factory, sock=sock)}: serves a socket
     * already connected (a TCP or a Unix domain one) with a {@link Transport} and a protocol
     * made by {@code protocolFactory}, given once its {@link Protocol#connectionMade} has run.
     * The transport owns the socket from then on (it is made non-blocking, and closed with the
     * transport or the loop).
     *
     * @param <P> the protocol's type
     * @param protocolFactory makes the connection's protocol
     * @param sock a connected socket channel
     * @return a future of the transport and the protocol
     * @throws IllegalArgumentException if {@code sock} is not connected
     */
    public <P extends Protocol> Future<TransportAndProtocol<Transport, P>> createConnection(Supplier<P> protocolFactory,
            SocketChannel sock) {
        checkOpen("createConnection", protocolFactory);
        checkOpen("createConnection", sock);
        checkThread("createConnection");
        if (!sock.isConnected()) {
            throw new IllegalArgumentException("createConnection: " + sock + " is not connected");
        }
        return Connecting.adopt(this, protocolFactory, sock);
    }

    /**
     * Python's {@code loop.create_server(protocol_factory, host, port)}: listens on every address
     * of {@code host} ({@code null}: every interface) at {@code port} ({@code 0}: a free port,
     * see {@link Server#sockets()}), and for each connection accepted makes a protocol with
     * {@code protocolFactory} and a {@link Transport}. The server serves at once.
     *
     * @param protocolFactory makes a protocol per connection
     * @param host the host name or address to listen on, or null for every interface
     * @param port the port, or 0 for any free port
     * @return a future of the server, listening
     */
    public Future<Server> createServer(Supplier<? extends Protocol> protocolFactory, String host, int port) {
        return createServer(protocolFactory, host, port, true);
    }

    /**
     * {@link #createServer(Supplier, String, int)} with Python's {@code start_serving}: false
     * binds the sockets (the system queues connections) but accepts none until
     * {@link Server#startServing()} or {@link Server#serveForever()}.
     *
     * @param protocolFactory makes a protocol per connection
     * @param host the host name or address to listen on, or null for every interface
     * @param port the port, or 0 for any free port
     * @param startServing whether to accept connections at once
     * @return a future of the server
     */
    public Future<Server> createServer(Supplier<? extends Protocol> protocolFactory, String host, int port,
            boolean startServing) {
        checkOpen("createServer", protocolFactory);
        checkThread("createServer");
        Future<Server> result = createFuture();
        Future<List<InetSocketAddress>> addresses = host == null
                ? done(Collections.singletonList(new InetSocketAddress(port))) : resolve(host, port);
        whenDone(addresses, result, list -> {
            Server server = Server.bind(this, protocolFactory, list);
            if (startServing) {
                server.startServing();
            }
            result.setResult(server);
        });
        return result;
    }

    /**
     * Python's {@code loop.create_connection(protocol_factory, host, port, ssl=context)}: as
     * {@link #createConnection(Supplier, String, int)}, then a TLS handshake over
     * {@code sslContext}, the server's certificate checked against {@code host} (asyncio's
     * default {@code server_hostname}); the protocol's {@link Protocol#connectionMade} runs once
     * the handshake is done and its transport encrypts ({@link Transport#writeEof} unsupported).
     * A handshake that fails (an untrusted or expired certificate, a wrong name, a peer that does
     * not speak TLS) fails the future with a {@link javax.net.ssl.SSLHandshakeException}, its
     * cause saying why, and closes the socket. The TLS work, the engine's delegated tasks too,
     * runs on the loop's thread: a few milliseconds of CPU per handshake.
     *
     * @param <P> the protocol's type
     * @param protocolFactory makes the connection's protocol
     * @param host the host name or address to connect to, and the name the certificate must have
     * @param port the port to connect to
     * @param sslContext the TLS context (its trust managers decide which certificates are trusted)
     * @return a future of the TLS transport and the protocol
     */
    public <P extends Protocol> Future<TransportAndProtocol<Transport, P>> createConnection(Supplier<P> protocolFactory,
            String host, int port, SSLContext sslContext) {
        return createConnection(protocolFactory, host, port, sslContext, host);
    }

    /**
     * {@link #createConnection(Supplier, String, int, SSLContext)} with Python's
     * {@code server_hostname}: the name sent (SNI, unless it is an address) and checked against
     * the server's certificate; null means {@code host}, the empty string checks no name (the
     * certificate must still be trusted).
     *
     * @param <P> the protocol's type
     * @param protocolFactory makes the connection's protocol
     * @param host the host name or address to connect to
     * @param port the port to connect to
     * @param sslContext the TLS context
     * @param serverHostname the name the server's certificate must have, null for {@code host}, "" for none
     * @return a future of the TLS transport and the protocol
     */
    public <P extends Protocol> Future<TransportAndProtocol<Transport, P>> createConnection(Supplier<P> protocolFactory,
            String host, int port, SSLContext sslContext, String serverHostname) {
        checkThread("createConnection");
        checkOpen("createConnection", protocolFactory);
        checkOpen("createConnection", sslContext);
        return Connecting.start(this, protocolFactory, host, port, sslContext, serverHostname == null ? host : serverHostname);
    }

    /**
     * Python's {@code loop.create_server(protocol_factory, host, port, ssl=context)}: as
     * {@link #createServer(Supplier, String, int)}, each connection accepted served over TLS with
     * {@code sslContext} (which holds the server's key and certificate). A connection's protocol
     * hears {@link Protocol#connectionMade} once its handshake is done; a client whose handshake
     * fails is closed without a word to the protocol or the exception handler (asyncio logs it
     * only in debug mode).
     *
     * @param protocolFactory makes a protocol per connection
     * @param host the host name or address to listen on, or null for every interface
     * @param port the port, or 0 for any free port
     * @param sslContext the server's TLS context
     * @return a future of the server, listening
     */
    public Future<Server> createServer(Supplier<? extends Protocol> protocolFactory, String host, int port,
            SSLContext sslContext) {
        checkThread("createServer");
        checkOpen("createServer", sslContext);
        Future<Server> server = createServer(protocolFactory, host, port, false);
        Future<Server> result = createFuture();
        whenDone(server, result, s -> {
            s.useTls(sslContext);
            s.startServing();
            result.setResult(s);
        });
        return result;
    }

    /**
     * Python's {@code loop.create_unix_connection(protocol_factory, path)}: connects to the Unix
     * domain stream socket at {@code path} and gives its {@link Transport} (whose
     * {@code "peername"} is {@code path}) and the protocol once its
     * {@link Protocol#connectionMade} has run. Nobody listening fails the future with
     * {@link java.net.ConnectException} (or {@link java.net.SocketException} for a missing file).
     *
     * @param <P> the protocol's type
     * @param protocolFactory makes the connection's protocol
     * @param path the socket file's path
     * @return a future of the transport and the protocol
     * @throws UnsupportedOperationException on Java 11-15, which have no Unix domain sockets
     */
    public <P extends Protocol> Future<TransportAndProtocol<Transport, P>> createUnixConnection(Supplier<P> protocolFactory,
            String path) {
        checkOpen("createUnixConnection", protocolFactory);
        checkOpen("createUnixConnection", path);
        checkThread("createUnixConnection");
        return Connecting.startUnix(this, protocolFactory, UnixSockets.JDK.address(path), null, null);
    }

    /**
     * {@link #createUnixConnection(Supplier, String)} over TLS: the server's certificate is
     * checked against {@code serverHostname}, which a path cannot give (asyncio's "you have to
     * pass server_hostname when using ssl"; "" checks no name).
     *
     * @param <P> the protocol's type
     * @param protocolFactory makes the connection's protocol
     * @param path the socket file's path
     * @param sslContext the TLS context
     * @param serverHostname the name the server's certificate must have, "" for none
     * @return a future of the TLS transport and the protocol
     * @throws UnsupportedOperationException on Java 11-15, which have no Unix domain sockets
     */
    public <P extends Protocol> Future<TransportAndProtocol<Transport, P>> createUnixConnection(Supplier<P> protocolFactory,
            String path, SSLContext sslContext, String serverHostname) {
        checkOpen("createUnixConnection", protocolFactory);
        checkOpen("createUnixConnection", path);
        checkOpen("createUnixConnection", sslContext);
        if (serverHostname == null) {
            throw new IllegalArgumentException("createUnixConnection: pass serverHostname with TLS (\"\" checks no name)");
        }
        checkThread("createUnixConnection");
        return Connecting.startUnix(this, protocolFactory, UnixSockets.JDK.address(path), sslContext, serverHostname);
    }

    /**
     * Python's {@code loop.create_unix_server(protocol_factory, path)}: listens on a Unix domain
     * stream socket at {@code path}, making a protocol and a {@link Transport} per connection.
     * A socket file left at {@code path} by an earlier server is removed first (any other file
     * makes the bind fail with {@link java.net.BindException}); {@link Server#close()} removes
     * the socket file, as Python 3.13 does. {@link Server#addresses()} holds the address.
     *
     * @param protocolFactory makes a protocol per connection
     * @param path the socket file's path
     * @return a future of the server, serving
     * @throws UnsupportedOperationException on Java 11-15, which have no Unix domain sockets
     */
    public Future<Server> createUnixServer(Supplier<? extends Protocol> protocolFactory, String path) {
        return createUnixServer(protocolFactory, path, null);
    }

    /**
     * {@link #createUnixServer(Supplier, String)}, each connection served over TLS with
     * {@code sslContext} when it is not null (Python's {@code ssl=}).
     *
     * @param protocolFactory makes a protocol per connection
     * @param path the socket file's path
     * @param sslContext the server's TLS context, or null for none
     * @return a future of the server, serving
     * @throws UnsupportedOperationException on Java 11-15, which have no Unix domain sockets
     */
    public Future<Server> createUnixServer(Supplier<? extends Protocol> protocolFactory, String path, SSLContext sslContext) {
        checkOpen("createUnixServer", protocolFactory);
        checkOpen("createUnixServer", path);
        checkThread("createUnixServer");
        UnixSockets.JDK.check("createUnixServer");
        Future<Server> result = createFuture();
        try {
            Server server = Server.bindUnix(this, protocolFactory, path);
            if (sslContext != null) {
                server.useTls(sslContext);
            }
            server.startServing();
            result.setResult(server);
        } catch (IOException e) {
            result.setException(e);
        }
        return result;
    }

    /**
     * Python's {@code loop.start_tls(transport, protocol, sslcontext, server_side=...)}: upgrades
     * a live connection to TLS. The handshake runs over {@code transport}'s socket; once it is
     * done the future gives the new, encrypting transport, which {@code protocol} must use from
     * then on (the old one must not be written to again). A client checks the server's
     * certificate against the peer's address; see
     * {@link #startTls(Transport, Protocol, SSLContext, boolean, String)} for a name. If the
     * handshake fails the future fails with its {@link javax.net.ssl.SSLException} and the
     * connection is closed.
     *
     * @param transport a connection's transport, made by this loop
     * @param protocol the protocol to hear the decrypted bytes (its {@code connectionMade} is not called again)
     * @param sslContext the TLS context
     * @param serverSide whether this side is the server of the handshake
     * @return a future of the TLS transport
     * @throws IllegalArgumentException if {@code transport} is not a TCP transport of this loop
     */
    public Future<Transport> startTls(Transport transport, Protocol protocol, SSLContext sslContext, boolean serverSide) {
        checkThread("startTls");
        checkOpen("startTls", transport);
        String peer = null;
        Object address = transport.getExtraInfo("peername");
        if (!serverSide && address instanceof InetSocketAddress) {
            peer = ((InetSocketAddress) address).getHostString();
        }
        return startTls(transport, protocol, sslContext, serverSide, peer);
    }

    /**
     * {@link #startTls(Transport, Protocol, SSLContext, boolean)} with Python's
     * {@code server_hostname}: for a client, the name the server's certificate must have ("" for
     * none, null for the peer's address).
     *
     * @param transport a connection's transport, made by this loop
     * @param protocol the protocol to hear the decrypted bytes
     * @param sslContext the TLS context
     * @param serverSide whether this side is the server of the handshake
     * @param serverHostname the name to check, for a client
     * @return a future of the TLS transport
     * @throws IllegalArgumentException if {@code transport} is not a TCP transport of this loop
     */
    public Future<Transport> startTls(Transport transport, Protocol protocol, SSLContext sslContext, boolean serverSide,
            String serverHostname) {
        checkThread("startTls");
        checkOpen("startTls", transport);
        checkOpen("startTls", protocol);
        checkOpen("startTls", sslContext);
        if (!(transport instanceof SocketTransport) || ((SocketTransport) transport).loop != this) {
            throw new IllegalArgumentException("startTls: " + transport + " is not a TCP transport of this loop");
        }
        if (serverHostname == null && !serverSide) {
            Object address = transport.getExtraInfo("peername");
            serverHostname = address instanceof InetSocketAddress ? ((InetSocketAddress) address).getHostString() : "";
        }
        SocketTransport socket = (SocketTransport) transport;
        Object peer = transport.getExtraInfo("peername");
        int port = peer instanceof InetSocketAddress ? ((InetSocketAddress) peer).getPort() : 0;
        Future<Void> waiter = createFuture();
        SSLProtocol ssl = new SSLProtocol(this, protocol, sslContext, waiter, serverSide, serverHostname, port, false);
        // paused first, so that no data reaches the TLS protocol before its connectionMade
        socket.pauseReading();
        socket.setProtocol(ssl);
        Handle made = callSoon(() -> ssl.connectionMade(socket));
        Handle resume = callSoon(socket::resumeReading);
        Future<Transport> result = createFuture();
        waiter.addDoneCallback(w -> {
            Throwable e = w.cancelled() ? null : w.exception();
            if (e == null && !result.done()) {
                result.setResult(ssl.appTransport());
                return;
            }
            socket.close();
            made.cancel();
            resume.cancel();
            if (!result.done()) {
                result.setException(e);
            }
        });
        result.addDoneCallback(r -> {
            if (r.cancelled()) {
                socket.close();
                made.cancel();
                resume.cancel();
            }
        });
        return result;
    }

    /**
     * Python's {@code loop.create_datagram_endpoint(protocol_factory, local_addr, remote_addr)}:
     * a UDP socket bound to {@code localAddress} (null: any free port, on the family of
     * {@code remoteAddress}) and, if {@code remoteAddress} is given, connected to it, served by
     * a {@link DatagramTransport}. An unresolved address is resolved with {@link #getaddrinfo}.
     *
     * @param <P> the protocol's type
     * @param protocolFactory makes the endpoint's protocol
     * @param localAddress the address to bind, or null
     * @param remoteAddress the address to connect to, or null
     * @return a future of the transport and the protocol
     * @throws IllegalArgumentException if both addresses are null (asyncio's "unexpected address family")
     */
    public <P extends DatagramProtocol> Future<TransportAndProtocol<DatagramTransport, P>> createDatagramEndpoint(
            Supplier<P> protocolFactory, InetSocketAddress localAddress, InetSocketAddress remoteAddress) {
        checkOpen("createDatagramEndpoint", protocolFactory);
        checkThread("createDatagramEndpoint");
        if (localAddress == null && remoteAddress == null) {
            throw new IllegalArgumentException("createDatagramEndpoint: give a local address, a remote address or both");
        }
        Future<TransportAndProtocol<DatagramTransport, P>> result = createFuture();
        Future<InetSocketAddress> local = resolved(localAddress);
        Future<InetSocketAddress> remote = resolved(remoteAddress);
        whenDone(local, result, l -> whenDone(remote, result,
                r -> DatagramSocketTransport.open(this, protocolFactory, l, r, result)));
        return result;
    }

    /**
     * Python's {@code loop.getaddrinfo(host, port)}: the addresses of {@code host}, resolved off
     * the loop in its default executor (resolving may block); a literal address is not looked up.
     * An unknown host fails the future with {@link java.net.UnknownHostException}.
     *
     * @param host a host name or a literal address
     * @param port the port of every address given
     * @return a future of the addresses, in the resolver's order
     */
    public Future<List<InetSocketAddress>> getaddrinfo(String host, int port) {
        checkOpen("getaddrinfo", host);
        checkThread("getaddrinfo");
        return runInExecutor(null, () -> SocketCalls.lookUp(host, port));
    }

    /** Like {@link #getaddrinfo}, but a literal address is taken at once (Python's {@code _ipaddr_info}). */
    Future<List<InetSocketAddress>> resolve(String host, int port) {
        InetSocketAddress literal = SocketCalls.literal(host, port);
        return literal != null ? done(Collections.singletonList(literal)) : getaddrinfo(host, port);
    }

    private Future<InetSocketAddress> resolved(InetSocketAddress address) {
        if (address == null || !address.isUnresolved()) {
            return done(address);
        }
        Future<InetSocketAddress> first = createFuture();
        whenDone(resolve(address.getHostString(), address.getPort()), first, list -> first.setResult(list.get(0)));
        return first;
    }

    /**
     * Python's {@code loop.sock_connect(sock, address)}: connects the non-blocking
     * {@code channel}; the future is done when the connection is made, or fails with its error
     * ({@link java.net.ConnectException} when refused).
     *
     * @param channel a non-blocking, unconnected socket channel
     * @param address where to connect (resolved)
     * @return a future done when connected
     * @throws IllegalArgumentException if the channel is blocking
     */
    public Future<Void> sockConnect(SocketChannel channel, SocketAddress address) {
        checkOpen("sockConnect", channel);
        checkThread("sockConnect");
        return SocketCalls.connect(this, channel, address);
    }

    /**
     * Python's {@code loop.sock_accept(sock)}: the next connection of the non-blocking, bound
     * {@code server} channel, itself non-blocking (its peer: {@code getRemoteAddress()}).
     *
     * @param server a non-blocking, bound server socket channel
     * @return a future of the accepted channel
     * @throws IllegalArgumentException if the channel is blocking
     */
    public Future<SocketChannel> sockAccept(ServerSocketChannel server) {
        checkOpen("sockAccept", server);
        checkThread("sockAccept");
        return SocketCalls.accept(this, server);
    }

    /**
     * Python's {@code loop.sock_recv(sock, n)}: at most {@code n} bytes from {@code channel}, as
     * soon as some are there; an empty array at end of stream (Python's {@code b""}).
     *
     * @param channel a non-blocking, connected socket channel
     * @param n the most bytes to read, at least 0
     * @return a future of the bytes read
     * @throws IllegalArgumentException if {@code n} is negative or the channel is blocking
     */
    public Future<byte[]> sockRecv(SocketChannel channel, int n) {
        checkOpen("sockRecv", channel);
        checkThread("sockRecv");
        if (n < 0) {
            throw new IllegalArgumentException("sockRecv: negative size " + n);
        }
        return SocketCalls.recv(this, channel, n);
    }

    /**
     * Python's {@code loop.sock_recv_into(sock, buf)}: reads into {@code buffer} (from its
     * position, up to its limit) as soon as bytes are there. Unlike Python, which gives 0, the
     * end of stream gives {@code -1}, as {@link java.nio.channels.ReadableByteChannel#read} does.
     *
     * @param channel a non-blocking, connected socket channel
     * @param buffer where to read
     * @return a future of how many bytes were read, or -1 at end of stream
     * @throws IllegalArgumentException if the channel is blocking
     */
    public Future<Integer> sockRecvInto(SocketChannel channel, ByteBuffer buffer) {
        checkOpen("sockRecvInto", channel);
        checkOpen("sockRecvInto", buffer);
        checkThread("sockRecvInto");
        return SocketCalls.recvInto(this, channel, buffer);
    }

    /**
     * Python's {@code loop.sock_sendall(sock, data)}: sends every byte of {@code data}, waiting
     * for the socket to be writable as often as needed. What is left to send is copied, so the
     * caller may reuse {@code data} at once.
     *
     * @param channel a non-blocking, connected socket channel
     * @param data the bytes to send
     * @return a future done when everything was handed to the system
     * @throws IllegalArgumentException if the channel is blocking
     */
    public Future<Void> sockSendall(SocketChannel channel, byte[] data) {
        checkOpen("sockSendall", channel);
        checkOpen("sockSendall", data);
        checkThread("sockSendall");
        return SocketCalls.sendall(this, channel, data);
    }

    /** A future of this loop, done with {@code value}. */
    <T> Future<T> done(T value) {
        Future<T> f = createFuture();
        f.setResult(value);
        return f;
    }

    /** When {@code source} is done: its result to {@code then}, or its failure (or cancellation) to {@code target}. */
    <S> void whenDone(Future<S> source, Future<?> target, ResultConsumer<S> then) {
        if (source.done() && !source.cancelled() && source.peekException() == null) {
            settle(source, target, then);
            return;
        }
        source.addDoneCallback(f -> settle(f, target, then));
        target.addDoneCallback(t -> {
            if (t.cancelled()) {
                source.cancel();
            }
        });
    }

    private static <S> void settle(Future<S> source, Future<?> target, ResultConsumer<S> then) {
        if (target.done()) {
            return;
        }
        if (source.cancelled()) {
            target.cancel();
            return;
        }
        Throwable e = source.exception();
        if (e != null) {
            target.setException(e);
            return;
        }
        try {
            then.accept(source.result());
        } catch (Exception failure) {
            if (!target.done()) {
                target.setException(failure);
            }
        }
    }

    /** What {@link #whenDone} does with a result; may throw (an {@code IOException} fails the target). */
    interface ResultConsumer<S> {
        void accept(S value) throws Exception;
    }

    // ---- checks ----

    private void checkRunnable(String what) {
        checkThread(what);
        if (closed) {
            throw new IllegalStateException("Event loop is closed");
        }
        if (thread != null) {
            throw new IllegalStateException("This event loop is already running");
        }
        if (RUNNING.get() != null) {
            throw new IllegalStateException("Cannot run the event loop while another loop is running");
        }
    }

    private void checkOpen(String what, Object arg) {
        if (arg == null) {
            throw new NullPointerException(what + "(null)");
        }
        if (closed) {
            throw new IllegalStateException(what + ": Event loop is closed");
        }
    }

    /** Whether this loop runs on the calling thread. */
    boolean runsOnThisThread() {
        return thread == Thread.currentThread();
    }

    /**
     * Refuses a call from another thread while the loop runs: one volatile read and a compare, no
     * allocation unless it throws.
     */
    void checkThread(String what) {
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            throw new IllegalStateException(what + " called from thread '" + Thread.currentThread().getName()
                    + "' while the event loop runs on thread '" + t.getName() + "': the loop is single-threaded;"
                    + " from other threads use loop.callSoonThreadsafe(...) or loop.runCoroutineThreadsafe(...)");
        }
    }

    // ---- errors nobody handled ----

    /**
     * Sets what receives errors nobody handled: Python's {@code loop.set_exception_handler}. The
     * handler gets the loop and a context with {@code "message"} and, as they apply,
     * {@code "exception"}, {@code "future"}, {@code "task"}, {@code "handle"}. {@code null} restores
     * the default handler.
     *
     * @param handler the new exception handler, or null for the default one
     */
    public void setExceptionHandler(BiConsumer<EventLoop, Map<String, Object>> handler) {
        checkThread("setExceptionHandler");
        this.exceptionHandler = handler;
    }

    /**
     * The handler set by {@link #setExceptionHandler}, or null for the default one.
     *
     * @return the exception handler set, or null if the default one is in use
     */
    public BiConsumer<EventLoop, Map<String, Object>> getExceptionHandler() {
        checkThread("getExceptionHandler");
        return exceptionHandler;
    }

    /**
     * Passes {@code context} to the exception handler. An exception (or an {@link Error} other than
     * a {@link VirtualMachineError}) from a custom handler is reported by the default handler.
     *
     * @param context what happened: {@code message}, and optionally {@code exception}, {@code task}, {@code future}, ...
     */
    public void callExceptionHandler(Map<String, Object> context) {
        checkThread("callExceptionHandler");
        BiConsumer<EventLoop, Map<String, Object>> h = exceptionHandler;
        if (h == null) {
            BiConsumer<EventLoop, Map<String, Object>> watch = unhandledWatch;
            if (watch != null) {
                watch.accept(this, context);
            }
            defaultExceptionHandler(context);
            return;
        }
        try {
            h.accept(this, context);
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable e) {
            defaultExceptionHandler(context("Unhandled error in exception handler", e, "context", context));
        }
    }

    /**
     * The default exception handler: prints the message, the other context entries and the exception's stack trace to {@code System.err}.
     *
     * @param context what happened: {@code message}, and optionally {@code exception}, {@code task}, {@code future}, ...
     */
    public void defaultExceptionHandler(Map<String, Object> context) {
        StringBuilder sb = new StringBuilder(String.valueOf(context.getOrDefault("message", "Unhandled error in event loop")));
        for (Map.Entry<String, Object> e : context.entrySet()) {
            if (!e.getKey().equals("message") && !e.getKey().equals("exception")) {
                sb.append("\n").append(e.getKey()).append(": ").append(e.getValue());
            }
        }
        System.err.println(sb);
        Object exc = context.get("exception");
        if (exc instanceof Throwable) {
            ((Throwable) exc).printStackTrace();
        }
    }

    static Map<String, Object> context(String message, Throwable exception, String key, Object value) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("message", message);
        if (exception != null) {
            c.put("exception", exception);
        }
        if (key != null) {
            c.put(key, value);
        }
        return Collections.unmodifiableMap(c);
    }

    @Override
    public String toString() {
        return "<EventLoop running=" + isRunning() + " closed=" + closed + " virtual=" + virtualClock + ">";
    }
}
