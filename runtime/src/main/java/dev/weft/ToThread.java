package dev.weft;

import static dev.weft.Weft.await;

import java.util.concurrent.Callable;

/**
 * {@code asyncio.to_thread}: {@code ctx = copy_context(); return await loop.run_in_executor(None,
 * partial(ctx.run, fn))}: the function runs in a copy of the caller's {@link Context}.
 */
final class ToThread {
    private ToThread() {
    }

    @Async
    static <T> Coroutine<T> of(Callable<T> fn) {
        EventLoop loop = EventLoop.requireRunning("toThread");
        Context context = Context.copyContext();
        return Coroutine.returning(await(loop.runInExecutor(null, () -> context.run(fn))));
    }
}
