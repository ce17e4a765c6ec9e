package dev.weft;

import dev.weft.internal.CoroutineFrame;
import dev.weft.internal.Frame;
import java.util.concurrent.Callable;

/**
 * {@code asyncio.to_thread}, a coroutine written by hand in the shape the rewrite emits:
 * {@code return await loop.run_in_executor(None, fn)}. {@code refs[0]} holds {@code fn}.
 */
final class ToThread {
    private ToThread() {
    }

    static <T> Coroutine<T> of(Callable<T> fn) {
        CoroutineFrame<T> f = new CoroutineFrame<>(ToThread::body, 1, 0);
        f.refs[0] = fn;
        return f;
    }

    private static Object body(Frame frame) {
        CoroutineFrame<?> f = (CoroutineFrame<?>) frame;
        if (f.label == 0) {
            Callable<?> fn = (Callable<?>) f.refs[0];
            f.refs[0] = null;
            return f.suspendAwait(1, EventLoop.requireRunning("toThread").runInExecutor(null, fn));
        }
        return f.returning(f.resumeValue());
    }
}
