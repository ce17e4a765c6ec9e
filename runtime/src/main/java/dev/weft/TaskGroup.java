package dev.weft;

import dev.weft.internal.CoroutineFrame;
import dev.weft.internal.Frame;
import dev.weft.internal.Unchecked;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Python's {@code asyncio.TaskGroup} (3.11): structured concurrency. Made by
 * {@link Weft#withTaskGroup}, which hands it to its body; the group waits for every task started
 * with {@link #createTask} before the {@code withTaskGroup} coroutine ends.
 *
 * <pre>{@code
 * await(withTaskGroup(tg -> {
 *     Task<String> t1 = tg.createTask(fetch("a"));
 *     Task<String> t2 = tg.createTask(fetch("b"));
 *     return null;
 * }));
 * // here t1 and t2 are done
 * }</pre>
 *
 * <ul>
 *   <li>A child failing with anything but a cancellation cancels the group's own work (by
 *       cancelling the task that runs the group, as Python does, and withdrawing that request
 *       when the group ends) and every other child. Once all are done, the group throws a
 *       {@link TaskGroupException} of every error, its own work's included.</li>
 *   <li>The task running the group cancelled from elsewhere: the children are cancelled and
 *       awaited, then the {@code CancellationException} goes on (unless children failed: then the
 *       {@code TaskGroupException}).</li>
 *   <li>A {@link VirtualMachineError} is not grouped: it is thrown as is, after the children ended.</li>
 * </ul>
 *
 * <p>Unlike Python 3.11, which withdraws its own cancellation request before waiting for the
 * children, the group withdraws it after (as Python 3.13 does), so the task's
 * {@link Task#cancelling()} count is back where it was even when a child fails while the group
 * waits.
 */
public final class TaskGroup {
    private static final int WORKING = 1;
    private static final int WAITING = 2;

    private final EventLoop loop;
    private final Task<?> parentTask;
    private boolean exiting;
    private boolean aborting;
    private boolean parentCancelRequested;
    private final LinkedHashSet<Task<?>> tasks = new LinkedHashSet<>();
    private List<Throwable> errors = new ArrayList<>();
    private Throwable baseError;
    private Future<Object> onCompleted;
    private final Consumer<Future<?>> onTaskDone = this::onTaskDone;
    // the exit in progress
    private Throwable raised;
    private CancellationException propagateCancellation;
    private Object result;

    private TaskGroup(EventLoop loop, Task<?> parentTask) {
        this.loop = loop;
        this.parentTask = parentTask;
    }

    /**
     * Starts {@code coro} as a task of this group, on the group's loop (Python's
     * {@code tg.create_task}).
     *
     * <pre>{@code
     * Task<Integer> t = tg.createTask(count(url));
     * }</pre>
     *
     * @param <T> the type of the coroutine's result
     * @param coro the coroutine to run as a child task
     * @return the scheduled child task
     * @throws IllegalStateException if the group has finished, or is shutting down because a child
     *     failed or it was cancelled
     */
    public <T> Task<T> createTask(Coroutine<T> coro) {
        return createTask(coro, null);
    }

    /**
     * {@link #createTask(Coroutine)} with a task name.
     *
     * @param <T> the type of the coroutine's result
     * @param coro the coroutine to run as a child task
     * @param name the task's name, or null for a generated one
     * @return the scheduled child task
     */
    public <T> Task<T> createTask(Coroutine<T> coro, String name) {
        if (exiting && tasks.isEmpty()) {
            throw new IllegalStateException("TaskGroup " + this + " is finished");
        }
        if (aborting) {
            throw new IllegalStateException("TaskGroup " + this + " is shutting down");
        }
        Task<T> task = loop.createTask(coro, name);
        task.addDoneCallback(onTaskDone);
        tasks.add(task);
        return task;
    }

    /** Like Python's: {@code <TaskGroup tasks=2 errors=1 cancelling>}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<TaskGroup");
        if (!tasks.isEmpty()) {
            sb.append(" tasks=").append(tasks.size());
        }
        if (errors != null && !errors.isEmpty()) {
            sb.append(" errors=").append(errors.size());
        }
        if (aborting) {
            sb.append(" cancelling");
        } else if (!exiting) {
            sb.append(" entered");
        }
        return sb.append('>').toString();
    }

    private static boolean isBaseError(Throwable t) {
        return t instanceof VirtualMachineError;
    }

    private void abort() {
        aborting = true;
        for (Task<?> t : new ArrayList<>(tasks)) {
            if (!t.done()) {
                t.cancel();
            }
        }
    }

    private void onTaskDone(Future<?> task) {
        tasks.remove(task);
        if (onCompleted != null && tasks.isEmpty() && !onCompleted.done()) {
            onCompleted.setResult(Boolean.TRUE);
        }
        if (task.cancelled()) {
            return;
        }
        Throwable exc = task.exception();
        if (exc == null) {
            return;
        }
        errors.add(exc);
        if (isBaseError(exc) && baseError == null) {
            baseError = exc;
        }
        if (parentTask.done()) {
            loop.callExceptionHandler(EventLoop.context("Task " + task + " has errored out but its parent task "
                    + parentTask + " is already completed", exc, "task", task));
            return;
        }
        if (!aborting && !parentCancelRequested) {
            abort();
            parentCancelRequested = true;
            parentTask.cancel();
        }
    }

    // ---- the withTaskGroup coroutine: a frame written by hand in the shape the rewrite emits ----
    // refs[0]: the body function, then the group

    static <T> Coroutine<T> scope(Function<TaskGroup, ? extends Awaitable<T>> body) {
        if (body == null) {
            throw new NullPointerException("withTaskGroup(null): pass a function that starts the group's tasks");
        }
        CoroutineFrame<T> f = new CoroutineFrame<>(TaskGroup::resume, 1, 0);
        f.refs[0] = body;
        return f;
    }

    @SuppressWarnings("unchecked")
    private static Object resume(Frame frame) {
        CoroutineFrame<Object> f = (CoroutineFrame<Object>) frame;
        switch (f.label) {
            case 0:
                return enter(f);
            case WORKING: {
                TaskGroup tg = (TaskGroup) f.refs[0];
                Object value;
                try {
                    value = f.resumeValue();
                } catch (Throwable t) {
                    return tg.exit(f, t, null);
                }
                return tg.exit(f, null, value);
            }
            case WAITING: {
                TaskGroup tg = (TaskGroup) f.refs[0];
                try {
                    f.resumeValue();
                } catch (CancellationException ex) {
                    if (!tg.aborting) {
                        // the task running the group is cancelled while children still run
                        tg.propagateCancellation = ex;
                        tg.abort();
                    }
                }
                tg.onCompleted = null;
                return tg.waitChildren(f);
            }
            default:
                throw new IllegalStateException("bad resume point " + f.label);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object enter(CoroutineFrame<Object> f) {
        EventLoop loop = EventLoop.requireRunning("withTaskGroup");
        Task<?> parent = loop.currentTask;
        if (parent == null) {
            throw new IllegalStateException("withTaskGroup cannot determine the parent task: await it inside a task");
        }
        Function<TaskGroup, ? extends Awaitable<?>> body = (Function<TaskGroup, ? extends Awaitable<?>>) f.refs[0];
        TaskGroup tg = new TaskGroup(loop, parent);
        f.refs[0] = tg;
        Awaitable<?> work;
        try {
            work = body.apply(tg);
        } catch (Throwable t) {
            return tg.exit(f, t, null);
        }
        if (work == null) {
            return tg.exit(f, null, null);
        }
        if (work instanceof Future && ((Future<?>) work).done()) {
            Object value;
            try {
                value = ((Future<?>) work).result();
            } catch (Throwable t) {
                return tg.exit(f, t, null);
            }
            return tg.exit(f, null, value);
        }
        return f.suspendAwait(WORKING, work);
    }

    /** Python's {@code __aexit__}, up to the waiting. */
    private Object exit(CoroutineFrame<Object> f, Throwable et, Object value) {
        exiting = true;
        if (et != null && isBaseError(et) && baseError == null) {
            baseError = et;
        }
        raised = et;
        result = value;
        propagateCancellation = et instanceof CancellationException ? (CancellationException) et : null;
        if (et != null && !aborting) {
            // the task running the group is being cancelled, or the group's own work failed
            abort();
        }
        return waitChildren(f);
    }

    /** Waits until no child is left, then ends the group. */
    private Object waitChildren(CoroutineFrame<Object> f) {
        if (!tasks.isEmpty()) {
            if (onCompleted == null) {
                onCompleted = loop.createFuture();
            }
            return f.suspendAwait(WAITING, onCompleted);
        }
        f.refs[0] = null;
        if (parentCancelRequested && parentTask.uncancel() == 0) {
            // the cancellation was ours alone: do not propagate it
            propagateCancellation = null;
        }
        Throwable et = raised;
        Object value = result;
        raised = null;
        result = null;
        if (baseError != null) {
            throw Unchecked.<RuntimeException>raise(baseError);
        }
        if (propagateCancellation != null && errors.isEmpty()) {
            throw propagateCancellation;
        }
        if (et != null && !(et instanceof CancellationException)) {
            errors.add(et);
        }
        if (!errors.isEmpty()) {
            List<Throwable> all = errors;
            errors = null;
            throw new TaskGroupException("unhandled errors in a TaskGroup", all);
        }
        return f.returning(value);
    }
}
