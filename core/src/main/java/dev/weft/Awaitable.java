package dev.weft;

/**
 * Something {@code Weft.await(Awaitable)} accepts: a {@link Coroutine}, a {@code Task} or a
 * {@code Future}. Any {@link java.util.concurrent.CompletionStage} is accepted by
 * {@code Weft.await(CompletionStage)} as well.
 *
 * <pre>{@code
 * Awaitable<String> a = fetch(url);          // a coroutine of an @Async method
 * Awaitable<String> b = createTask(fetch(url));
 * String first = await(a), second = await(b);
 * }</pre>
 *
 * @param <T> what awaiting it gives
 */
public interface Awaitable<T> {
}
