package dev.weft;

import dev.weft.internal.AsyncGeneratorFrame;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * asyncio's {@code shutdown_asyncgens} and {@code _asyncgen_finalizer_hook}: the async generators
 * started on a loop, held weakly (as the {@code firstiter} hook of {@code sys.set_asyncgen_hooks}
 * does), closed when {@code Weft.run} ends so that the {@code finally} blocks of those left
 * suspended run; one that becomes unreachable while the loop runs is closed on the loop then, from
 * its remains (its body and live values, which do not keep it reachable).
 */
final class AsyncGeneratorShutdown {
    /** One daemon thread for all loops: it only hands each closing over to its loop. */
    private static final Cleaner CLEANER = Cleaner.create();

    /** In the order they started, so that they close in a predictable order. */
    private final ArrayList<WeakReference<AsyncGenerator<?, ?>>> started = new ArrayList<>();
    private int sweepAt = 64;

    /** The hook every async generator calls when it first runs: the loop running it remembers it. */
    static void firstIteration(AsyncGenerator<?, ?> agen) {
        EventLoop loop = EventLoop.runningOrNull();
        if (loop != null) {
            loop.asyncGenerators.started(agen);
            if (agen instanceof AsyncGeneratorFrame) {
                CLEANER.register(agen, new Finalizer(loop, ((AsyncGeneratorFrame<?, ?>) agen).remains()));
            }
        }
    }

    /** The finalizer hook: on the loop, a task closing the generator that became unreachable suspended at a yield. */
    private static final class Finalizer implements Runnable {
        private final EventLoop loop;
        private final AsyncGeneratorFrame.Remains remains;

        Finalizer(EventLoop loop, AsyncGeneratorFrame.Remains remains) {
            this.loop = loop;
            this.remains = remains;
        }

        @Override
        public void run() {
            if (loop.isClosed()) {
                return;
            }
            try {
                loop.callSoonThreadsafe(this::closeOnLoop);
            } catch (IllegalStateException closedMeanwhile) {
                // the loop closed between the check and the call: nothing runs on it any more
            }
        }

        private void closeOnLoop() {
            if (remains.suspended() && !loop.isClosed()) {
                loop.createTask(remains.aclose());
            }
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
