package dev.weft.internal;

import dev.weft.AsyncGenerator;
import java.util.function.Consumer;

/**
 * Python's {@code sys.set_asyncgen_hooks(firstiter=...)}: what an async generator calls the first
 * time it runs, so that the event loop running it can close it at shutdown. The event loop installs
 * the hook when its class is initialised; it finds the loop running on the calling thread.
 */
public final class AsyncGeneratorHooks {
    private static volatile Consumer<AsyncGenerator<?, ?>> onFirstIteration;

    private AsyncGeneratorHooks() {
    }

    /**
     * Installs what an async generator calls when it starts (the event loop calls this once).
     *
     * @param firstIteration takes the generator that starts now
     */
    public static void install(Consumer<AsyncGenerator<?, ?>> firstIteration) {
        onFirstIteration = firstIteration;
    }

    static void firstIteration(AsyncGenerator<?, ?> agen) {
        Consumer<AsyncGenerator<?, ?>> hook = onFirstIteration;
        if (hook != null) {
            hook.accept(agen);
        }
    }
}
