package dev.weft;

/**
 * What calling an {@link Async @Async} method that returns {@code Coroutine} gives back: Python's
 * coroutine object. It is lazy: nothing of its body runs until it is awaited (inline, in the
 * awaiting task, like {@code await coro}), run by {@code Weft.run}, or wrapped in a task.
 * A coroutine runs once: awaiting it a second time is an error.
 *
 * <pre>{@code
 * @Async
 * static Coroutine<String> sayAfter(double delay, String what) {
 *     await(sleep(delay));
 *     System.out.println(what);
 *     return Coroutine.returning(what);
 * }
 * }</pre>
 *
 * @param <T> what the coroutine returns
 */
public interface Coroutine<T> extends Awaitable<T> {

    /**
     * Ends the coroutine with a result: {@code return Coroutine.returning(value);}.
     *
     * @param <T> the type of the coroutine's result
     * @param value the result the coroutine gives
     * @return a coroutine, done at once, that gives {@code value}
     */
    static <T> Coroutine<T> returning(T value) {
        throw NotRewrittenError.reached("Coroutine.returning");
    }

    /**
     * Ends the coroutine without a result: {@code return Coroutine.done();}.
     *
     * @param <T> the coroutine's declared result type
     * @return a coroutine, done at once, that gives null
     */
    static <T> Coroutine<T> done() {
        throw NotRewrittenError.reached("Coroutine.done");
    }
}
