package dev.weft;

import static dev.weft.Weft.await;

import java.util.function.Function;

/**
 * {@code async with asyncio.timeout(...)} (Python 3.13): enters a {@link Timeout} in the task that
 * awaits it, runs the work in that same task (a coroutine inline, as any awaited coroutine; a task
 * or future awaited), then exits the scope with what the work did. On expiry the scope cancels
 * its task; the work sees {@code CancellationException} at its await point, and if it ends with
 * it, the scope that expired (and only that one) turns it into a {@link TimeoutException}.
 */
final class TimeoutScope {
    private TimeoutScope() {
    }

    /**
     * {@code seconds} is a delay, or a deadline on the loop's clock if {@code absolute};
     * {@code work} an {@link Awaitable} or a {@link Function} of the scope giving one.
     */
    static <T> Coroutine<T> of(double seconds, boolean absolute, Object work, String what) {
        if (work == null) {
            throw new NullPointerException(what + "(..., null): pass the work to run under the timeout");
        }
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException(what + "(NaN, ...): pass a number of seconds (POSITIVE_INFINITY for no deadline)");
        }
        return scope(seconds, absolute, work, what);
    }

    /**
     * <pre>
     * async with timeout(delay) as scope:
     *     return await work(scope)
     * </pre>
     */
    @Async
    @SuppressWarnings("unchecked")
    private static <T> Coroutine<T> scope(double seconds, boolean absolute, Object work, String what) {
        EventLoop loop = EventLoop.requireRunning(what);
        Task<?> task = loop.currentTask;
        if (task == null) {
            throw new IllegalStateException(what + "(...) should be used inside a task");
        }
        Double when = seconds == Double.POSITIVE_INFINITY ? null : absolute ? seconds : loop.time() + seconds;
        Timeout scope = new Timeout(loop, task, when, what);
        T result;
        try {
            Awaitable<T> awaitable = work instanceof Function ? ((Function<Timeout, Awaitable<T>>) work).apply(scope) : (Awaitable<T>) work;
            result = awaitable == null ? null : await(awaitable);
        } catch (Throwable raised) {
            TimeoutException timedOut = scope.exit(raised);
            if (timedOut != null) {
                throw timedOut;
            }
            throw raised;
        }
        scope.exit(null);
        return Coroutine.returning(result);
    }
}
