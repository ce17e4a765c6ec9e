package dev.weft.internal;

import dev.weft.Coroutine;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * How a frame outside any task ({@link CompletableFrame}) awaits a coroutine: it wraps it in a task
 * of the loop running on this thread. The event loop installs the function when its class is
 * initialised; before that no loop can be running, and awaiting a coroutine there says so.
 */
public final class TaskStarter {
    private static volatile Function<Coroutine<?>, CompletableFuture<?>> onRunningLoop;

    private TaskStarter() {
    }

    /**
     * Installs how a coroutine becomes a task of the loop running on the calling thread (the event
     * loop calls this once).
     *
     * @param starter makes a task of the running loop and gives its outcome as a {@code CompletableFuture}
     */
    public static void install(Function<Coroutine<?>, CompletableFuture<?>> starter) {
        onRunningLoop = starter;
    }

    static CompletableFuture<?> start(Coroutine<?> coroutine) {
        Function<Coroutine<?>, CompletableFuture<?>> starter = onRunningLoop;
        if (starter == null) {
            throw new IllegalStateException("no running event loop: a coroutine awaited in an @Async CompletableFuture method"
                    + " runs as a task of the loop running on this thread (Weft.run(...) or loop.runUntilComplete(...))");
        }
        return starter.apply(coroutine);
    }
}
