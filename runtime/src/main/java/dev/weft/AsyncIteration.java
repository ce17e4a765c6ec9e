package dev.weft;

import static dev.weft.Weft.await;

import java.util.NoSuchElementException;
import java.util.function.Function;

/** Python's {@code anext(agen, default)} and {@code contextlib.aclosing}, behind {@link Weft}. */
final class AsyncIteration {
    private AsyncIteration() {
    }

    @Async
    static <Y> Coroutine<Y> anext(AsyncGenerator<Y, ?> agen, Y defaultValue) {
        Coroutine<Y> step = agen.anext();
        try {
            return Coroutine.returning(await(step));
        } catch (NoSuchElementException end) {
            return Coroutine.returning(defaultValue);
        }
    }

    @Async
    static <G extends AsyncGenerator<?, ?>, T> Coroutine<T> aclosing(G agen, Function<? super G, ? extends Awaitable<T>> work) {
        try {
            return Coroutine.returning(await(work.apply(agen)));
        } finally {
            await(agen.aclose());
        }
    }
}
