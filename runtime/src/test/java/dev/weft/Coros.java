package dev.weft;

import dev.weft.internal.AwaitFrame;
import dev.weft.internal.CoroutineFrame;
import dev.weft.internal.Unchecked;
import java.util.function.Supplier;

/**
 * Hand-written coroutines in the shape the rewrite emits: a body that switches on the frame's
 * label, {@code tryAwait}/{@code suspendAwait} at an await, {@code resumeValue()} at the resume
 * point, {@code returning(v)} at the end. Their state lives in captured variables instead of
 * {@code refs}/{@code prims}; the driver does not care.
 */
final class Coros {
    private Coros() {
    }

    /** A body: the frame and its label; may throw anything, as a rewritten body may. */
    @FunctionalInterface
    interface Resume {
        Object resume(CoroutineFrame<Object> f, int label) throws Exception;
    }

    /** {@code new CoroutineFrame<>(body, 0, 0)} around a {@link Resume}. */
    @SuppressWarnings("unchecked")
    static <T> Coroutine<T> coro(Resume body) {
        return new CoroutineFrame<>(frame -> {
            try {
                return body.resume((CoroutineFrame<Object>) frame, frame.label);
            } catch (Exception e) {
                throw Unchecked.<RuntimeException>raise(e);
            }
        }, 0, 0);
    }

    /** {@code return v} at once. */
    static <T> Coroutine<T> returning(T v) {
        return coro((f, label) -> f.returning(v));
    }

    /** {@code throw e} at once. */
    static <T> Coroutine<T> raising(Exception e) {
        return coro((f, label) -> {
            throw e;
        });
    }

    /** {@code return await(aw)}, through the fast path when {@code aw} is done. */
    static <T> Coroutine<T> awaiting(Object aw) {
        return coro((f, label) -> {
            if (label == 0) {
                Object r = f.tryAwait(aw);
                return r != AwaitFrame.PENDING ? f.returning(r) : f.suspendAwait(1, aw);
            }
            return f.returning(f.resumeValue());
        });
    }

    /** {@code await(sleep(seconds)); return v;} */
    static <T> Coroutine<T> sleepThen(double seconds, T v) {
        return coro((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, Weft.sleep(seconds));
            }
            f.resumeValue();
            return f.returning(v);
        });
    }

    /** {@code await(sleep(seconds)); throw e;} */
    static <T> Coroutine<T> sleepThenRaise(double seconds, Exception e) {
        return coro((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, Weft.sleep(seconds));
            }
            f.resumeValue();
            throw e;
        });
    }

    /** {@code v = get(); return v;} run in a coroutine (at its first step). */
    static <T> Coroutine<T> calling(Supplier<T> get) {
        return coro((f, label) -> f.returning(get.get()));
    }

    /** Python's {@code test_utils.run_briefly(loop)}: runs the loop until a task doing nothing is done. */
    static void runBriefly(EventLoop loop) {
        loop.runUntilComplete(returning(null));
    }
}
