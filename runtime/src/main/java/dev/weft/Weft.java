package dev.weft;

import java.util.concurrent.CompletionStage;

/**
 * The {@code asyncio} module for Java: {@code import static dev.weft.Weft.*;}.
 */
public final class Weft {
    private Weft() {
    }

    /**
     * Python's {@code await}: suspends the calling {@code @Async} coroutine until {@code awaitable}
     * is done and gives its result. A coroutine is run inline; a task or future that is already
     * done is taken at once, with no suspension. Its exception comes out as thrown, never wrapped;
     * cancellation comes out as {@link java.util.concurrent.CancellationException}.
     *
     * @throws NotRewrittenError if the calling method was not rewritten by Weft
     */
    public static <T> T await(Awaitable<T> awaitable) {
        throw NotRewrittenError.reached("Weft.await");
    }

    /**
     * Awaits any {@link CompletionStage}: completed on whatever thread, the awaiting task resumes on
     * its event loop. Exceptions come out unwrapped (not as {@code CompletionException}).
     */
    public static <T> T await(CompletionStage<T> stage) {
        throw NotRewrittenError.reached("Weft.await");
    }
}
