package dev.weft;

import dev.weft.internal.CoroutineFrame;
import dev.weft.internal.Frame;
import dev.weft.internal.Unchecked;
import java.util.function.Function;

/**
 * {@code async with asyncio.timeout(...)} (Python 3.11) as a coroutine written by hand in the shape
 * the rewrite emits. It enters a {@link Timeout} in the task that awaits it, runs the work inline
 * in that same task (a coroutine as a child frame of the await chain; a task or future awaited),
 * then exits the scope with what the work did. On expiry the scope cancels its task; the work sees
 * {@code CancellationException} at its await point, and if it ends with it, the scope that expired
 * (and only that one) turns it into a {@link TimeoutException}.
 *
 * <p>Frame: {@code refs[0]} the work (an {@link Awaitable}, or a {@link Function} of the scope),
 * {@code refs[1]} the {@link Timeout} once entered; {@code prims[0]} the delay's or deadline's bits,
 * {@code prims[1]} 1 for a deadline ({@code timeoutAt}), 0 for a delay.
 */
final class TimeoutScope {
    private static final int WORKING = 1;

    private TimeoutScope() {
    }

    static <T> Coroutine<T> of(double seconds, boolean absolute, Object work, String what) {
        if (work == null) {
            throw new NullPointerException(what + "(..., null): pass the work to run under the timeout");
        }
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException(what + "(NaN, ...): pass a number of seconds (POSITIVE_INFINITY for no deadline)");
        }
        CoroutineFrame<T> f = new CoroutineFrame<>(TimeoutScope::body, 2, 2);
        f.refs[0] = work;
        f.prims[0] = Double.doubleToRawLongBits(seconds);
        f.prims[1] = absolute ? 1 : 0;
        return f;
    }

    @SuppressWarnings("unchecked")
    private static Object body(Frame frame) {
        CoroutineFrame<Object> f = (CoroutineFrame<Object>) frame;
        switch (f.label) {
            case 0:
                return enter(f);
            case WORKING: {
                Timeout scope = (Timeout) f.refs[1];
                f.refs[1] = null;
                Object result;
                try {
                    result = f.resumeValue();
                } catch (Throwable raised) {
                    throw exit(scope, raised);
                }
                exit(scope, null);
                return f.returning(result);
            }
            default:
                throw new IllegalStateException("bad resume point " + f.label);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object enter(CoroutineFrame<Object> f) {
        EventLoop loop = EventLoop.requireRunning("timeout");
        Task<?> task = loop.currentTask;
        if (task == null) {
            throw new IllegalStateException("timeout(...) should be used inside a task");
        }
        double t = Double.longBitsToDouble(f.prims[0]);
        Double when = t == Double.POSITIVE_INFINITY ? null : f.prims[1] == 1 ? t : loop.time() + t;
        Object work = f.refs[0];
        f.refs[0] = null;
        Timeout scope = new Timeout(loop, task, when);
        Object awaitable;
        try {
            awaitable = work instanceof Function ? ((Function<Timeout, ?>) work).apply(scope) : work;
        } catch (Throwable raised) {
            throw exit(scope, raised);
        }
        if (awaitable == null) {
            exit(scope, null);
            return f.returning(null);
        }
        if (awaitable instanceof Future && ((Future<?>) awaitable).done()) {
            Object result;
            try {
                result = ((Future<?>) awaitable).result(); // as await does: no suspension
            } catch (Throwable raised) {
                throw exit(scope, raised);
            }
            exit(scope, null);
            return f.returning(result);
        }
        f.refs[1] = scope;
        return f.suspendAwait(WORKING, awaitable);
    }

    /** Exits the scope; gives what to throw: the timeout, or what the work raised. */
    private static RuntimeException exit(Timeout scope, Throwable raised) {
        TimeoutException timedOut = scope.exit(raised);
        if (timedOut != null) {
            return timedOut;
        }
        if (raised == null) {
            return null;
        }
        throw Unchecked.<RuntimeException>raise(raised);
    }
}
