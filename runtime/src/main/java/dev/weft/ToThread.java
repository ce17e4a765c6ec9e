package dev.weft;

import static dev.weft.Weft.await;

import java.util.concurrent.Callable;

/** {@code asyncio.to_thread}: {@code return await loop.run_in_executor(None, fn)}. */
final class ToThread {
    private ToThread() {
    }

    @Async
    static <T> Coroutine<T> of(Callable<T> fn) {
        EventLoop loop = EventLoop.requireRunning("toThread");
        return Coroutine.returning(await(loop.runInExecutor(null, fn)));
    }
}
