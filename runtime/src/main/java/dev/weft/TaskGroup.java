package dev.weft;

import static dev.weft.Weft.await;

import dev.weft.internal.Unchecked;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Python's {@code asyncio.TaskGroup} (3.13): structured concurrency. Made by
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
 *       awaited, then the {@code CancellationException} goes on. If children failed, the
 *       {@code TaskGroupException} goes on instead, and the cancellation stays pending: the task
 *       is cancelled again at its next await.</li>
 *   <li>A {@link VirtualMachineError} is not grouped: it is thrown as is, after the children ended.</li>
 * </ul>
 *
 * <p>The group withdraws its own cancellation request after the children ended, so the task's
 * {@link Task#cancelling()} count is back where it was even when a child fails while the group
 * waits.
 */
public final class TaskGroup {
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

    // ---- the withTaskGroup coroutine ----

    static <T> Coroutine<T> scope(Function<TaskGroup, ? extends Awaitable<T>> body) {
        if (body == null) {
            throw new NullPointerException("withTaskGroup(null): pass a function that starts the group's tasks");
        }
        return run(body);
    }

    /**
     * <pre>
     * async with TaskGroup() as tg:
     *     return await body(tg)
     * </pre>
     */
    @Async
    private static <T> Coroutine<T> run(Function<TaskGroup, ? extends Awaitable<T>> body) {
        EventLoop loop = EventLoop.requireRunning("withTaskGroup");
        Task<?> parent = loop.currentTask;
        if (parent == null) {
            throw new IllegalStateException("withTaskGroup cannot determine the parent task: await it inside a task");
        }
        TaskGroup tg = new TaskGroup(loop, parent);
        T result;
        try {
            Awaitable<T> work = body.apply(tg);
            result = work == null ? null : await(work);
        } catch (Throwable exc) {
            await(tg.exit(exc));
            throw exc;
        }
        await(tg.exit(null));
        return Coroutine.returning(result);
    }

    /** Python's {@code __aexit__}: waits until no child is left, then raises what the group ends with, if anything. */
    @Async
    private Coroutine<Void> exit(Throwable exc) {
        exiting = true;
        if (exc != null && isBaseError(exc) && baseError == null) {
            baseError = exc;
        }
        CancellationException propagateCancellation = exc instanceof CancellationException ? (CancellationException) exc : null;
        if (exc != null && !aborting) {
            // the task running the group is being cancelled, or the group's own work failed
            abort();
        }
        while (!tasks.isEmpty()) {
            if (onCompleted == null) {
                onCompleted = loop.createFuture();
            }
            try {
                await(onCompleted);
            } catch (CancellationException ex) {
                if (!aborting) {
                    // the task running the group is cancelled while children still run
                    propagateCancellation = ex;
                    abort();
                }
            }
            onCompleted = null;
        }
        if (baseError != null) {
            throw Unchecked.<RuntimeException>raise(baseError);
        }
        if (parentCancelRequested && parentTask.uncancel() == 0) {
            // the cancellation was ours alone: do not propagate it
            propagateCancellation = null;
        }
        if (propagateCancellation != null && errors.isEmpty()) {
            throw propagateCancellation;
        }
        if (exc != null && !(exc instanceof CancellationException)) {
            errors.add(exc);
        }
        if (!errors.isEmpty()) {
            if (parentTask.cancelling() > 0) {
                // a cancellation from outside is still pending: the errors win here, but the task
                // must still see it at its next await, with the count unchanged (Python 3.13)
                parentTask.uncancel();
                parentTask.cancel();
            }
            List<Throwable> all = errors;
            errors = null;
            throw new TaskGroupException("unhandled errors in a TaskGroup", all);
        }
        return Coroutine.done();
    }
}
