package dev.weft;

import dev.weft.internal.LoopFuture;
import dev.weft.internal.Unchecked;
import java.util.ArrayList;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Python's {@code asyncio.Future}: a result that is not there yet, bound to one {@link EventLoop}.
 * Create one with {@link EventLoop#createFuture()}; await it with {@code await(fut)}.
 *
 * <p>It is pending until {@link #setResult}, {@link #setException} or {@link #cancel()} makes it
 * done, once. Then its done callbacks are scheduled on the loop with {@code callSoon}, in the
 * order they were added, each receiving the future.
 *
 * <ul>
 *   <li>{@link #result()} gives the result, throws the exception unwrapped (checked ones too), or
 *       {@link CancellationException} (carrying the cancel message) if cancelled; pending, it throws
 *       {@link IllegalStateException} (Python's {@code InvalidStateError}).</li>
 *   <li>An exception that nobody retrieved (with {@code result()}, {@code exception()} or an
 *       {@code await}) is reported to the loop's exception handler, "Future exception was never
 *       retrieved", as in Python when the future is collected: in the loop's first iteration after
 *       the garbage collector finds the future unreachable (the context's {@code "future"} is then
 *       what the future printed as), or when the loop closes, whichever comes first.</li>
 * </ul>
 *
 * <p>Like the loop, a future is single-threaded, as asyncio's: while its loop runs, every method
 * but {@link #getLoop()} refuses another thread with {@link IllegalStateException} (reads too: what
 * they would see is not safely published). From elsewhere, go through
 * {@link EventLoop#callSoonThreadsafe}, or follow it with {@link #toCompletableFuture()} called on
 * the loop. Before the loop runs, and after, the thread that drives it may use it.
 *
 * <pre>{@code
 * Future<String> fut = getRunningLoop().createFuture();
 * getRunningLoop().callLater(1, () -> fut.setResult("done"));
 * String s = await(fut);                    // one second later: "done"
 * }</pre>
 *
 * @param <T> the result type
 */
public class Future<T> extends LoopFuture<T> implements Awaitable<T> {
    static final byte PENDING = 0;
    static final byte FINISHED = 1;
    static final byte FAILED = 2;
    static final byte CANCELLED = 3;

    final EventLoop loop;
    private byte state;
    /**
     * FINISHED: the result; FAILED: the exception; CANCELLED: the cancel message (a String), or the
     * CancellationException a task's coroutine ended with.
     */
    private Object outcome;
    /**
     * While pending: null, one callback (a Task waiting, or a Consumer), or a {@link Callbacks} list.
     * Once done, the callbacks scheduled: null, or, for an exception nobody retrieved yet, its
     * {@link UnretrievedFailures.Entry} in the loop's ledger (one field for both keeps a task 8 bytes smaller).
     */
    private Object callbacks;

    Future(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * The loop this future is bound to.
     *
     * @return the event loop this future belongs to
     */
    public EventLoop getLoop() {
        return loop;
    }

    /**
     * Whether it is done: it has a result or an exception, or was cancelled.
     *
     * @return whether the future has a result, an exception, or was cancelled
     */
    public boolean done() {
        loop.checkThread("Future.done");
        return state != PENDING;
    }

    /** {@link #done()} without the thread check, for the loop's own hot paths. */
    final boolean isDone() {
        return state != PENDING;
    }

    /**
     * {@link #done()} without the thread check, for {@code await}'s fast path (not for other use).
     *
     * @return whether the future is done
     */
    @Override
    protected final boolean doneForAwait() {
        return state != PENDING;
    }

    /**
     * {@link #result()} without the thread check, for {@code await}'s fast path (not for other use).
     *
     * @return the result of the done future
     */
    @Override
    protected final T resultForAwait() {
        return resultOnLoop();
    }

    /**
     * Whether it was cancelled.
     *
     * @return whether the future was cancelled
     */
    public boolean cancelled() {
        loop.checkThread("Future.cancelled");
        return state == CANCELLED;
    }

    /**
     * The result. Throws the exception the future failed with, unwrapped (a checked exception is
     * thrown as is, undeclared), or a {@link CancellationException} if it was cancelled.
     *
     * @return the future's result
     * @throws IllegalStateException if it is not done (Python's {@code InvalidStateError})
     */
    public T result() {
        loop.checkThread("Future.result");
        return resultOnLoop();
    }

    /** {@link #result()} without the thread check: a task resuming from what it awaited, on the loop. */
    @SuppressWarnings("unchecked")
    final T resultOnLoop() {
        byte s = state;
        if (s == FINISHED) {
            return (T) outcome;
        }
        if (s == FAILED) {
            markRetrieved();
            throw Unchecked.<RuntimeException>raise((Throwable) outcome);
        }
        if (s == CANCELLED) {
            throw cancelledError();
        }
        throw new IllegalStateException("Result is not ready: " + this);
    }

    /**
     * The exception the future failed with, or {@code null} if it has a result.
     *
     * @return the future's exception, or null if it has a result
     * @throws CancellationException if it was cancelled
     * @throws IllegalStateException if it is not done
     */
    public Throwable exception() {
        loop.checkThread("Future.exception");
        byte s = state;
        if (s == CANCELLED) {
            throw cancelledError();
        }
        if (s == PENDING) {
            throw new IllegalStateException("Exception is not set: " + this);
        }
        markRetrieved();
        return s == FAILED ? (Throwable) outcome : null;
    }

    /**
     * Makes the future done with {@code result} and schedules its callbacks.
     *
     * @param result the future's result
     * @throws IllegalStateException if it is done already
     */
    public void setResult(T result) {
        complete(FINISHED, result);
    }

    /**
     * Makes the future done with {@code exception} and schedules its callbacks. Awaiting it, or
     * {@link #result()}, throws {@code exception} as it is.
     *
     * @param exception the exception the future fails with
     * @throws IllegalStateException if it is done already
     * @throws NullPointerException if {@code exception} is null
     */
    public void setException(Throwable exception) {
        loop.checkThread("Future.setException");
        if (exception == null) {
            throw new NullPointerException("setException(null): pass the exception the future fails with");
        }
        fail(exception);
    }

    /**
     * Cancels the future without a message; see {@link #cancel(String)}.
     *
     * @return true if the future is now cancelled, false if it was already done
     */
    public boolean cancel() {
        return cancel(null);
    }

    /**
     * Cancels the future: if pending, it becomes done and cancelled, its callbacks are scheduled,
     * and {@link #result()} (and awaiting it) throws {@code CancellationException(msg)}.
     *
     * @param msg the cancellation message, or null
     * @return false if it was done already, true otherwise
     */
    public boolean cancel(String msg) {
        loop.checkThread("Future.cancel");
        markRetrieved();
        if (state != PENDING) {
            return false;
        }
        state = CANCELLED;
        outcome = msg;
        scheduleCallbacks();
        return true;
    }

    /**
     * Adds a callback run when the future is done, with the future as its argument, scheduled with
     * {@link EventLoop#callSoon}. If the future is done already, it is scheduled at once.
     *
     * @param callback called with this future once it is done
     */
    public void addDoneCallback(Consumer<? super Future<T>> callback) {
        loop.checkThread("Future.addDoneCallback");
        if (callback == null) {
            throw new NullPointerException("addDoneCallback(null)");
        }
        if (state != PENDING) {
            loop.callSoon(new DoneCallback(callback, this));
        } else {
            addCallback(callback);
        }
    }

    /**
     * Removes every registration of {@code callback} (compared with {@code equals}).
     *
     * @param callback the callback to remove, compared by identity
     * @return how many were removed
     */
    public int removeDoneCallback(Consumer<? super Future<T>> callback) {
        loop.checkThread("Future.removeDoneCallback");
        Object cbs = callbacks;
        if (cbs == null) {
            return 0;
        }
        if (!(cbs instanceof Callbacks)) {
            if (cbs.equals(callback)) {
                callbacks = null;
                return 1;
            }
            return 0;
        }
        ArrayList<Object> list = ((Callbacks) cbs).list;
        int before = list.size();
        list.removeIf(callback::equals);
        return before - list.size();
    }

    /**
     * A {@link CompletableFuture} completed with this future's outcome (one callback after it is
     * done; cancellation as a {@code CancellationException} carrying the message). Cancelling the
     * {@code CompletableFuture}, from any thread, cancels this future on its loop.
     *
     * @return a {@link CompletableFuture} that completes with this future's outcome
     */
    public CompletableFuture<T> toCompletableFuture() {
        loop.checkThread("Future.toCompletableFuture");
        Object cbs = callbacks;
        if (cbs instanceof ToCompletable) {
            return cast(((ToCompletable<?>) cbs).target);
        }
        if (cbs instanceof Callbacks) {
            for (Object cb : ((Callbacks) cbs).list) {
                if (cb instanceof ToCompletable) {
                    return cast(((ToCompletable<?>) cb).target);
                }
            }
        }
        CompletableFuture<T> target = new LoopCompletableFuture<>(loop);
        chainTo(target);
        return target;
    }

    @SuppressWarnings("unchecked")
    private static <T> CompletableFuture<T> cast(CompletableFuture<?> cf) {
        return (CompletableFuture<T>) cf;
    }

    /** Copies this future's outcome into {@code target} when done; {@code target} cancelled cancels this. */
    void chainTo(CompletableFuture<T> target) {
        if (state != PENDING) {
            copyTo(target);
        } else {
            addCallback(new ToCompletable<>(target));
        }
        target.whenComplete((v, e) -> {
            if (target.isCancelled()) { // on the thread that cancelled target: only the loop may look at this future
                try {
                    loop.callSoonThreadsafe(() -> {
                        if (state == PENDING) {
                            cancel();
                        }
                    });
                } catch (IllegalStateException closed) {
                    // the loop is closed: nothing left to cancel
                }
            }
        });
    }

    void copyTo(CompletableFuture<? super T> target) {
        switch (state) {
            case FINISHED:
                target.complete(result());
                break;
            case FAILED:
                target.completeExceptionally(exception());
                break;
            default:
                target.completeExceptionally(cancelledError());
        }
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " " + describeState() + ">";
    }

    String describeState() {
        switch (state) {
            case PENDING:
                return "pending";
            case CANCELLED:
                return "cancelled";
            case FAILED:
                return "finished exception=" + outcome;
            default:
                return "finished result=" + outcome;
        }
    }

    // ---- the machinery shared with Task ----

    /** Sets the outcome, checking the state and the thread, and schedules the callbacks. */
    void complete(byte newState, Object value) {
        loop.checkThread("Future.setResult/setException");
        if (state != PENDING) {
            throw new IllegalStateException("invalid state: " + this + " is done already");
        }
        state = newState;
        outcome = value;
        scheduleCallbacks();
    }

    /** Makes the future fail with {@code exception}, to be reported at close unless someone retrieves it. */
    final void fail(Throwable exception) {
        complete(FAILED, exception);
        callbacks = loop.noteFailed(this, exception); // the callbacks are scheduled: the field is free
    }

    /** Cancels as a plain future would (Task's own {@code cancel} asks its coroutine first). */
    final boolean cancelFuture(Object messageOrException) {
        markRetrieved();
        if (state != PENDING) {
            return false;
        }
        state = CANCELLED;
        outcome = messageOrException;
        scheduleCallbacks();
        return true;
    }

    /** The cancelled error {@link #result()} throws: the one a task's coroutine ended with, or a new one with the message. */
    final CancellationException cancelledError() {
        Object o = outcome;
        if (o instanceof CancellationException) {
            return (CancellationException) o;
        }
        return new CancellationException((String) o);
    }

    /** The cancel message (null if none), for a cancelled future. */
    final String cancelMessage() {
        Object o = outcome;
        return o instanceof CancellationException ? ((CancellationException) o).getMessage() : (String) o;
    }

    /** The exception of a failed future, without counting as retrieving it; null otherwise. */
    final Throwable peekException() {
        return state == FAILED ? (Throwable) outcome : null;
    }

    /** Whether an exception is set and nobody retrieved it yet. */
    final boolean exceptionUnretrieved() {
        return callbacks instanceof UnretrievedFailures.Entry;
    }

    /** The exception counts as retrieved: its entry leaves the loop's ledger, nothing will be reported. */
    final void markRetrieved() {
        Object c = callbacks;
        if (c instanceof UnretrievedFailures.Entry) {
            callbacks = null;
            loop.retrieved((UnretrievedFailures.Entry) c);
        }
    }

    /** Registers {@code task} to be woken (put on the ready queue) when this is done; no allocation for one waiter. */
    final void addWaiter(Task<?> task) {
        if (state != PENDING) {
            loop.ready(task);
        } else {
            addCallback(task);
        }
    }

    private void addCallback(Object cb) {
        Object cbs = callbacks;
        if (cbs == null) {
            callbacks = cb;
        } else if (cbs instanceof Callbacks) {
            ((Callbacks) cbs).list.add(cb);
        } else {
            Callbacks more = new Callbacks();
            more.list.add(cbs);
            more.list.add(cb);
            callbacks = more;
        }
    }

    private void scheduleCallbacks() {
        Object cbs = callbacks;
        if (cbs == null) {
            return;
        }
        callbacks = null;
        if (cbs instanceof Callbacks) {
            for (Object cb : ((Callbacks) cbs).list) {
                schedule(cb);
            }
        } else {
            schedule(cbs);
        }
    }

    @SuppressWarnings("unchecked")
    private void schedule(Object cb) {
        if (cb instanceof Task) {
            loop.ready((Task<?>) cb);
        } else {
            loop.callSoon(new DoneCallback((Consumer<? super Future<T>>) cb, this));
        }
    }

    /** More than one callback (a private class, so that no user callback can pass for it). */
    private static final class Callbacks {
        final ArrayList<Object> list = new ArrayList<>(4);
    }

    /** A done callback bound to its future: what the loop runs. */
    private static final class DoneCallback implements Runnable {
        private final Consumer<Object> callback;
        private final Future<?> future;

        @SuppressWarnings("unchecked")
        DoneCallback(Consumer<?> callback, Future<?> future) {
            this.callback = (Consumer<Object>) callback;
            this.future = future;
        }

        @Override
        public void run() {
            callback.accept(future);
        }

        @Override
        public String toString() {
            return callback + "(" + future + ")";
        }
    }

    /** The callback of {@link #toCompletableFuture()}. */
    private static final class ToCompletable<T> implements Consumer<Future<T>> {
        final CompletableFuture<T> target;

        ToCompletable(CompletableFuture<T> target) {
            this.target = target;
        }

        @Override
        public void accept(Future<T> f) {
            f.copyTo(target);
        }
    }
}
