package dev.weft;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * asyncio's {@code shutdown_asyncgens}: the async generators started on a loop, held weakly (as the
 * {@code firstiter} hook of {@code sys.set_asyncgen_hooks} does), closed when {@code Weft.run} ends
 * so that the {@code finally} blocks of those left suspended run.
 */
final class AsyncGeneratorShutdown {
    /** In the order they started, so that they close in a predictable order. */
    private final ArrayList<WeakReference<AsyncGenerator<?, ?>>> started = new ArrayList<>();
    private int sweepAt = 64;

    /** The hook every async generator calls when it first runs: the loop running it remembers it. */
    static void firstIteration(AsyncGenerator<?, ?> agen) {
        EventLoop loop = EventLoop.runningOrNull();
        if (loop != null) {
            loop.asyncGenerators.started(agen);
        }
    }

    private void started(AsyncGenerator<?, ?> agen) {
        if (started.size() >= sweepAt) {
            started.removeIf(ref -> isOver(ref.get())); // collected or closed: nothing left to close
            sweepAt = Math.max(64, started.size() * 2);
        }
        started.add(new WeakReference<>(agen));
    }

    private static boolean isOver(AsyncGenerator<?, ?> agen) {
        return agen == null || agen.state() == Generator.State.CLOSED;
    }

    /**
     * Closes every generator of {@code loop} still open, their {@code aclose()} run concurrently;
     * what one raises goes to the loop's exception handler.
     */
    void closeAll(EventLoop loop) {
        List<AsyncGenerator<?, ?>> open = new ArrayList<>();
        for (WeakReference<AsyncGenerator<?, ?>> ref : started) {
            AsyncGenerator<?, ?> agen = ref.get();
            if (!isOver(agen)) {
                open.add(agen);
            }
        }
        started.clear();
        if (open.isEmpty()) {
            return;
        }
        List<Coroutine<Void>> closing = new ArrayList<>();
        for (AsyncGenerator<?, ?> agen : open) {
            closing.add(agen.aclose());
        }
        List<?> outcomes = loop.runUntilComplete(Gather.<Object>of(loop, true, closing));
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) instanceof Throwable) {
                loop.callExceptionHandler(EventLoop.context("an error occurred during closing of asynchronous generator "
                        + open.get(i), (Throwable) outcomes.get(i), "asyncgen", open.get(i)));
            }
        }
    }
}
