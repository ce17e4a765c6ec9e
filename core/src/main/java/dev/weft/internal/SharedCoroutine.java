package dev.weft.internal;

import dev.weft.Coroutine;

/**
 * The coroutine a runtime primitive hands out again and again (one per lock, queue, ...), so that
 * the common {@code await(queue.get())} allocates nothing and still acts only when awaited, as a
 * Python coroutine does: calling {@code get()} takes no item, awaiting it does.
 *
 * <ul>
 *   <li>The primitive {@linkplain #lend lends} it for one call at a time; while it is out (called,
 *       not awaited yet) the primitive makes a fresh coroutine instead, so coroutines created and
 *       not awaited yet never share it.</li>
 *   <li>Awaited, it first tries the operation's fast path ({@link #tryNow}), which either finishes
 *       the operation or has no effect; if it must wait, the caller's task waits on the call's
 *       waiter future directly ({@link #waitDirectly}), or it becomes a fresh coroutine
 *       ({@link #slow}) that {@link CoroutineFrame#drive} runs inline as any other.</li>
 *   <li>Given to a task ({@code createTask}, {@code gather}, {@code waitFor}), it becomes that
 *       fresh coroutine at once, nothing of it run yet.</li>
 *   <li>Awaited a second time without a new call, it is an error, as for any coroutine.</li>
 * </ul>
 *
 * <p>Debug mode (never-awaited reports) lends nothing: each call gives a fresh, tracked coroutine.
 *
 * @param <T> what awaiting it gives
 */
public abstract class SharedCoroutine<T> implements Coroutine<T> {
    private boolean lent;
    private Object argument;

    /** A shared coroutine, not lent. */
    protected SharedCoroutine() {
    }

    /**
     * Lends this coroutine for one call with {@code argument}; false if it is out already (a call
     * not awaited yet) or in debug mode: the caller then returns a fresh coroutine.
     *
     * @param argument what the call was given (the item of a {@code put}), or null
     * @return whether this coroutine stands for the call
     */
    public final boolean lend(Object argument) {
        if (lent || NeverAwaited.tracking()) {
            return false;
        }
        lent = true;
        this.argument = argument;
        return true;
    }

    /**
     * The operation's fast path: does it and gives its result, or gives {@link AwaitFrame#PENDING}
     * and does nothing if it must wait.
     *
     * @param argument what the call was given
     * @return the result, or {@code PENDING}
     */
    protected abstract Object tryNow(Object argument);

    /**
     * The whole operation as a fresh coroutine (an {@code @Async} method), for when it must wait.
     *
     * @param argument what the call was given
     * @return a fresh coroutine doing the operation
     */
    protected abstract Coroutine<T> slow(Object argument);

    /**
     * Where a call that must wait waits, if its caller can wait there itself: a future already
     * registered as the call's waiter, on which the caller's task suspends directly, with no
     * coroutine frame of its own (the task then finishes the call when woken). Null, the default:
     * the call runs as {@link #slow} inline. Called only when {@link #tryNow} just gave
     * {@code PENDING}, the loan ended.
     *
     * @param argument what the call was given
     * @return the future to suspend the caller on, or null
     */
    protected Object waitDirectly(Object argument) {
        return null;
    }

    /** What {@code await} does first: the fast path, which ends the loan unless it must wait. */
    final Object tryAwait() {
        if (!lent) {
            throw awaitedAlready();
        }
        Object r;
        try {
            r = tryNow(argument);
        } catch (Throwable t) {
            giveBack();
            throw t;
        }
        if (r != AwaitFrame.PENDING) {
            giveBack();
        }
        return r;
    }

    /**
     * Ends the loan: the fresh coroutine that does the call's operation, not started.
     *
     * @return the coroutine standing for the call, to run inline or as a task
     * @throws IllegalStateException if the call was awaited already
     */
    public final CoroutineFrame<T> start() {
        if (!lent) {
            throw awaitedAlready();
        }
        Object a = argument;
        giveBack();
        return (CoroutineFrame<T>) slow(a);
    }

    /**
     * What the driver does when {@link #tryAwait} gave {@code PENDING}: ends the loan; gives null
     * when {@code caller} now waits on the call's waiter ({@link #waitDirectly}), else the fresh
     * coroutine to run inline (the call's {@link #slow} body, or one raising why it cannot run).
     */
    final CoroutineFrame<?> suspendCaller(CoroutineFrame<?> caller) {
        try {
            if (!lent) {
                throw awaitedAlready();
            }
            Object a = argument;
            giveBack();
            Object waiter = waitDirectly(a);
            if (waiter != null) {
                caller.awaiting = waiter;
                return null;
            }
            return (CoroutineFrame<?>) slow(a);
        } catch (Throwable t) {
            return CoroutineFrame.raising(t);
        }
    }

    private void giveBack() {
        lent = false;
        argument = null;
    }

    private static IllegalStateException awaitedAlready() {
        return new IllegalStateException("cannot reuse already awaited coroutine: a coroutine runs once;"
                + " call the method again for a new one");
    }
}
