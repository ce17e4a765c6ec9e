package dev.weft.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** How {@code await} looks at what it is given. */
final class Awaiting {
    private Awaiting() {
    }

    /**
     * The fast path of {@code await}: the result of {@code awaited} if it is done now, else
     * {@link AwaitFrame#PENDING}. A done {@link LoopFuture} (a {@code Future} or {@code Task} of the loop) gives its result or
     * raises its exception unwrapped ({@link CancellationException} if cancelled); a done
     * {@link CompletableFuture} the same, with {@link CompletionException} and
     * {@link ExecutionException} unwrapped. No allocation unless an exception is raised.
     * A {@link SharedCoroutine} runs its fast path here, else gives {@code PENDING}.
     * A coroutine, anything pending and any other {@code CompletionStage} give {@code PENDING}:
     * the body suspends and the task deals with it.
     */
    static Object tryNow(Object awaited) {
        if (awaited instanceof LoopFuture) {
            LoopFuture<?> f = (LoopFuture<?>) awaited;
            return f.doneForAwait() ? f.resultForAwait() : AwaitFrame.PENDING;
        }
        if (awaited instanceof SharedCoroutine) {
            return ((SharedCoroutine<?>) awaited).tryAwait(); // a primitive's fast path, run at the await
        }
        if (awaited instanceof CompletableFuture) {
            @SuppressWarnings("unchecked")
            CompletableFuture<Object> cf = (CompletableFuture<Object>) awaited;
            try {
                return cf.getNow(AwaitFrame.PENDING); // one read: the result, or PENDING if not done
            } catch (CompletionException | CancellationException e) {
                throw Unchecked.<RuntimeException>raise(unwrap(e));
            }
        }
        if (awaited == null) {
            throw new NullPointerException("await(null): nothing to await; pass a coroutine, task, future or CompletionStage");
        }
        return AwaitFrame.PENDING;
    }

    /**
     * The exception a {@code CompletionStage} failed with, without its {@code CompletionException}/
     * {@code ExecutionException} wrappers, and without the fresh {@code CancellationException("getNow")}
     * that JDK 19+ wraps around the original cancellation.
     */
    static Throwable unwrap(Throwable t) {
        while (t.getCause() != null && (t instanceof CompletionException || t instanceof ExecutionException
                || (t instanceof CancellationException && t.getCause() instanceof CancellationException))) {
            t = t.getCause();
        }
        return t;
    }
}
