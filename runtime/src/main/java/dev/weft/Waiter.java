package dev.weft;

/**
 * The future of a queue's or lock's call that must wait (CPython's getter, putter, waiter), on
 * which the caller's task suspends directly: the call's first wait needs no coroutine frame of its
 * own. Woken, the task {@linkplain #finish finishes} the call in the caller's step; woken with an
 * exception (cancelled), it {@linkplain #giveUp undoes} the wait and raises the exception at the
 * caller's await. The call's {@code @Async} body stays the whole operation: it runs when the call
 * must wait again ({@link #goOn}), and whenever the call is not awaited at once by a task.
 */
abstract class Waiter extends Future<Object> {
    Waiter(EventLoop loop) {
        super(loop);
    }

    /**
     * The task was woken with a result: finishes the call (takes the item, the lock).
     *
     * @return the call's result, or {@link dev.weft.internal.AwaitFrame#PENDING} if it must wait
     *         again (through {@link #goOn})
     */
    abstract Object finish();

    /**
     * The call's {@code @Async} body, fresh: what the caller awaits when {@link #finish} gives
     * {@code PENDING}.
     *
     * @return a fresh coroutine doing the whole call
     */
    abstract Coroutine<?> goOn();

    /**
     * The task was woken with {@code why} (cancelled): the waiter leaves its line, passing on a
     * wake-up it cannot use; the task then raises {@code why} at the caller's await.
     *
     * @param why the exception the wait ended with
     */
    abstract void giveUp(Throwable why);
}
