package dev.weft;

import java.util.ArrayList;
import java.util.List;

/**
 * A loop's ledger of failed futures and tasks whose exception may still be unretrieved: asyncio
 * reports "Task exception was never retrieved" when such a future is collected; Weft reports what
 * is left when the loop closes. Swept as it grows, so futures whose exception was retrieved do not
 * pile up.
 */
final class UnretrievedFailures {
    private final ArrayList<Future<?>> failed = new ArrayList<>();
    private int sweepAt = 64;

    /** Remembers a failed future, to report its exception at close if nobody retrieves it. */
    void note(Future<?> f) {
        failed.add(f);
        if (failed.size() >= sweepAt) {
            failed.removeIf(x -> !x.exceptionUnretrieved());
            sweepAt = Math.max(64, failed.size() * 2);
        }
    }

    /** Each future whose exception is still unretrieved, marked retrieved, to its loop's exception handler. */
    void reportTo(EventLoop loop) {
        List<Future<?>> report = new ArrayList<>(failed);
        failed.clear();
        for (Future<?> f : report) {
            if (f.exceptionUnretrieved()) {
                f.markRetrieved();
                boolean task = f instanceof Task;
                loop.callExceptionHandler(EventLoop.context((task ? "Task" : "Future") + " exception was never retrieved",
                        f.exception(), task ? "task" : "future", f));
            }
        }
    }
}
