package dev.weft;

import static dev.weft.Weft.await;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** Python's {@code anext(agen, default)}, {@code contextlib.aclosing} and {@code [x async for x in agen]}, behind {@link Weft}. */
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

    @Async
    static <Y> Coroutine<List<Y>> toList(AsyncGenerator<Y, ?> agen) {
        List<Y> values = new ArrayList<>();
        while (await(agen.hasNext())) {
            values.add(agen.next());
        }
        return Coroutine.returning(values);
    }
}
