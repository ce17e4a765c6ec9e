package dev.weft;

import dev.weft.internal.AwaitFrame;
import dev.weft.internal.CoroutineFrame;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;

/**
 * Python's {@code asyncio.Task}: a coroutine scheduled on an {@link EventLoop}, and the
 * {@link Future} of its outcome. Create one with {@link Weft#createTask} or
 * {@link EventLoop#createTask}; it starts in the next iteration of the loop.
 *
 * <h2>Driving</h2>
 * A task runs an await chain: its coroutine, the coroutine that one awaits (run inline), and so
 * on. Each step resumes the innermost coroutine directly, whatever the depth, until it awaits
 * something that is not done: a future or task (the task registers itself as a waiter and is
 * woken when it is done), a {@link CompletionStage} (completed on any thread, the task resumes on
 * its loop), or {@code sleep(0)} (the task steps again in the next iteration).
 *
 * <h2>Cancellation</h2>
 * {@link #cancel(String)} asks the coroutine to stop: a {@link CancellationException} carrying the
 * message is thrown at its await point on its next step, and what it awaits is cancelled too.
 * The coroutine's {@code finally} blocks run; it may even catch the exception and go on. The task
 * is {@linkplain #cancelled() cancelled} only when its coroutine ends with a
 * {@code CancellationException}. A task cancelled before it started still gets its first step,
 * where the exception is raised before any of its body runs.
 *
 * <p>{@link #setResult} and {@link #setException} are refused: a task's outcome is its coroutine's.
 *
 * <pre>{@code
 * Task<String> t = createTask(fetch(url), "fetcher");   // runs while this coroutine goes on
 * String other = await(fetch(mirror));
 * String page = await(t);                               // its result, or its exception rethrown
 * }</pre>
 *
 * @param <T> what the coroutine returns
 */
public final class Task<T> extends Future<T> {
    /** The innermost frame of the await chain (the coroutine itself until it awaits one); null when done. */
    private CoroutineFrame<?> leaf;
    /** The future this task is registered on, until woken. */
    private Future<?> waitingOn;
    private boolean mustCancel;
    private String cancelMessage;
    private int cancelsRequested;
    private final int number;
    private String name;
    /**
     * The context every step runs in: a copy of the one current at the task's creation (Python's
     * {@code Task._context}); null stands for an empty one, made when first needed, so that a task
     * in a program without context variables allocates none.
     */
    private Context context;
    Task<?> prevLive;
    Task<?> nextLive;

    Task(EventLoop loop, CoroutineFrame<T> coro, int number, String name, Context context) {
        super(loop);
        this.leaf = coro;
        this.number = number;
        this.name = name;
        this.context = context != null ? context : Context.lazyCopy(loop);
    }

    /**
     * The context the task runs in: the one given to {@link EventLoop#createTask(Coroutine, String,
     * Context)}, else a copy of the context current when it was created; its {@link ContextVar#set}s
     * change it. Python's {@code Task.get_context()}.
     *
     * @return the task's context
     */
    public Context getContext() {
        loop.checkThread("Task.getContext");
        Context c = context;
        if (c == null) {
            c = context = new Context();
            if (loop.currentTask == this && loop.contexts.context == null) {
                loop.contexts.context = c; // asked from its own step: the sets that follow land in it
            }
        }
        return c;
    }

    /**
     * The task's name: the one given, else "Task-N" with N counting the tasks of its loop from 1.
     *
     * @return the task's name
     */
    public String getName() {
        loop.checkThread("Task.getName");
        return name();
    }

    /** The name, without the thread check (for {@code toString}, which any thread may call). */
    String name() {
        String n = name;
        if (n == null) {
            n = "Task-" + number;
            name = n;
        }
        return n;
    }

    /**
     * Renames the task.
     *
     * @param name the task's new name
     */
    public void setName(String name) {
        loop.checkThread("Task.setName");
        this.name = name;
    }

    /** Refused: a task's result is what its coroutine returns. */
    @Override
    public void setResult(T result) {
        loop.checkThread("Task.setResult");
        throw new IllegalStateException("Task does not support setResult(): its result is what its coroutine returns");
    }

    /** Refused: a task's exception is what its coroutine raises. */
    @Override
    public void setException(Throwable exception) {
        loop.checkThread("Task.setException");
        throw new IllegalStateException("Task does not support setException(): its exception is what its coroutine raises");
    }

    /**
     * Asks the task to cancel itself: a {@link CancellationException} carrying {@code msg} is raised
     * at the coroutine's await point on its next step, and the future or task it awaits is
     * cancelled. It does not make the task cancelled at once, nor for sure: the coroutine may catch
     * the exception. Python's {@code Task.cancel(msg)}.
     *
     * @return false if the task is done already, true otherwise
     */
    @Override
    public boolean cancel(String msg) {
        loop.checkThread("Task.cancel");
        markRetrieved();
        if (isDone()) {
            return false;
        }
        cancelsRequested++;
        Future<?> w = waitingOn;
        if (w != null && w.cancel(msg)) {
            // leave waitingOn: the awaited task may catch the cancellation, and be cancelled again
            return true;
        }
        mustCancel = true;
        cancelMessage = msg;
        return true;
    }

    /**
     * How many cancellations were requested and not withdrawn by {@link #uncancel()}.
     *
     * @return how many cancellation requests are pending
     */
    public int cancelling() {
        loop.checkThread("Task.cancelling");
        return cancelsRequested;
    }

    /**
     * Withdraws one cancellation request; gives how many remain. Withdrawing the last one also
     * withdraws a cancellation not delivered yet (Python 3.13): the task goes on as if never cancelled.
     *
     * @return how many cancellation requests are left pending
     */
    public int uncancel() {
        loop.checkThread("Task.uncancel");
        if (cancelsRequested > 0) {
            cancelsRequested--;
            if (cancelsRequested == 0) {
                mustCancel = false;
            }
        }
        return cancelsRequested;
    }

    /**
     * Python's {@code Task.get_stack()}: the async stack of the task, outermost first: the chain of
     * coroutines it is suspended in, each at the line of the {@code await} it waits at (a task not
     * started yet: its coroutine at its first line). Only coroutines of {@code @Async} methods are
     * listed; Weft's own coroutines ({@code sleep}, {@code waitFor}, ...) are left out. A task that
     * is done has no stack (empty list). The task asking about itself while it runs gets the Java
     * stack of the code running now, from its innermost coroutine (the ones awaiting it are not
     * tracked while it runs). Like the task's other methods, call it on its loop's thread.
     *
     * <pre>{@code
     * for (StackTraceElement e : task.getStack()) {
     *     System.out.println(e.getMethodName() + ":" + e.getLineNumber());
     * }
     * }</pre>
     *
     * @return the task's stack frames, innermost first
     */
    public List<StackTraceElement> getStack() {
        loop.checkThread("Task.getStack");
        return TaskStack.of(this, leaf, Integer.MAX_VALUE);
    }

    /**
     * {@link #getStack()} limited to the {@code limit} innermost frames (Python's {@code limit}): {@code task.getStack(1)} is where it waits.
     *
     * @param limit the most frames to give
     * @return the task's stack frames, innermost first
     */
    public List<StackTraceElement> getStack(int limit) {
        loop.checkThread("Task.getStack");
        return TaskStack.of(this, leaf, limit);
    }

    /**
     * Python's {@code Task.print_stack()}: prints {@link #getStack()} to {@code System.err}, as
     * <pre>
     * Stack for &lt;Task pending name='Task-2'&gt; (most recent call last):
     *   File "Crawler.java", line 12, in main
     *   File "Crawler.java", line 30, in fetch
     * </pre>
     */
    public void printStack() {
        loop.checkThread("Task.printStack");
        TaskStack.print(this, getStack(), System.err);
    }

    /**
     * {@link #printStack()} to {@code out}, for instance {@code task.printStack(System.out)}.
     *
     * @param out where to print the stack
     */
    public void printStack(PrintStream out) {
        loop.checkThread("Task.printStack");
        TaskStack.print(this, getStack(), out);
    }

    @Override
    public String toString() {
        return "<Task " + describeState() + " name='" + name() + "'"
                + (waitingOn != null ? " wait_for=" + waitingOn : "") + ">";
    }

    // ---- the driver ----

    /** Run by the loop: the task is ready, because it starts, yielded, or what it awaited is done. */
    void wakeup() {
        if (isDone()) {
            return;
        }
        Future<?> w = waitingOn;
        if (w == null) {
            step(null, null, null);
            return;
        }
        waitingOn = null;
        Object value = null;
        Throwable exc = null;
        try {
            value = w.resultOnLoop();
        } catch (Throwable t) {
            exc = t;
        }
        step(value, exc, w instanceof Waiter ? (Waiter) w : null);
    }

    /**
     * Python's {@code Task.__step}: resumes the innermost frame with a value or an exception, until
     * the chain waits or ends. {@code call}: the innermost frame waited on a primitive's call
     * directly, the call is finished first.
     */
    private void step(Object value, Throwable exc, Waiter call) {
        if (mustCancel) {
            if (!(exc instanceof CancellationException)) {
                exc = new CancellationException(cancelMessage);
            }
            value = null;
            mustCancel = false;
        }
        EventLoop loop = this.loop;
        Task<?> outer = loop.currentTask;
        loop.currentTask = this;
        Context.Current contexts = loop.contexts;
        Context own = context;
        Context outerContext = contexts.context;
        if (own != outerContext) { // most often both null: a program that sets no context variable swaps nothing
            contexts.context = own;
        }
        try {
            CoroutineFrame<?> f = leaf;
            for (;;) {
                f = call == null ? CoroutineFrame.drive(f, value, exc) : finishCall(call, f, exc);
                call = null;
                if (f.isDone() && f.parent() == null) {
                    leaf = null;
                    finish(f);
                    return;
                }
                Object awaited = f.takeAwaiting();
                exc = suspendOn(awaited);
                if (exc == null) {
                    leaf = f;
                    return;
                }
                value = null;
            }
        } finally {
            Context now = contexts.context;
            if (now != outerContext) {
                context = Context.adopt(context, contexts);
                contexts.context = outerContext;
            }
            loop.currentTask = outer;
        }
    }

    /**
     * {@code f} waited on a primitive's call directly: finishes the call (or undoes it, if the wait
     * ended with {@code exc}), then resumes {@code f} with its outcome, as {@link CoroutineFrame#drive}.
     * Kept out of {@link #step} so that the JIT still inlines the driver there.
     */
    private static CoroutineFrame<?> finishCall(Waiter call, CoroutineFrame<?> f, Throwable exc) {
        Object value = null;
        try {
            if (exc != null) {
                call.giveUp(exc);
            } else if ((value = call.finish()) == AwaitFrame.PENDING) {
                value = null;
                f = ((CoroutineFrame<?>) call.goOn()).awaitedBy(f); // it must wait again: its whole body
            }
        } catch (Throwable t) {
            value = null;
            exc = t;
        }
        return CoroutineFrame.drive(f, value, exc);
    }

    /**
     * Arranges to be woken when {@code awaited} is done. Returns null, or the exception to raise at
     * the await point instead when {@code awaited} cannot be waited for.
     */
    private Throwable suspendOn(Object awaited) {
        if (awaited == CoroutineFrame.YIELD) {
            loop.ready(this);
            return null;
        }
        Future<?> fut;
        if (awaited instanceof Future) {
            fut = (Future<?>) awaited;
            if (fut == this) {
                return new IllegalStateException("Task cannot await on itself: " + this);
            }
            if (fut.loop != loop) {
                return new IllegalStateException("Task " + getName() + " got " + fut + " attached to a different loop");
            }
        } else if (awaited instanceof CompletionStage) {
            try {
                fut = new StageFuture<>(loop, (CompletionStage<?>) awaited);
            } catch (RuntimeException brokenStage) {
                return brokenStage; // its whenComplete threw: raised at the await
            }
        } else {
            return new IllegalArgumentException("await: can't await " + awaited
                    + "; a coroutine, task, future or CompletionStage was expected");
        }
        fut.addWaiter(this);
        waitingOn = fut;
        if (mustCancel && fut.cancel(cancelMessage)) {
            mustCancel = false;
        }
        return null;
    }

    /** The coroutine ended: the task takes its outcome. */
    private void finish(CoroutineFrame<?> root) {
        loop.unlink(this);
        Throwable failure = root.takeFailure();
        if (failure == null) {
            Object result = root.takeResult();
            if (mustCancel) {
                mustCancel = false;
                cancelFuture(cancelMessage);
            } else {
                complete(FINISHED, result);
            }
        } else if (failure instanceof CancellationException) {
            cancelFuture(failure);
        } else {
            fail(failure);
            if (failure instanceof VirtualMachineError) {
                throw (VirtualMachineError) failure;
            }
        }
    }
}
