package dev.weft;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loop's default executor, what {@code runInExecutor(null, fn)} and {@code toThread} run on:
 * asyncio's pool of at most {@code min(32, processors + 4)} daemon threads, made on first use so a
 * loop that never blocks owns no thread.
 */
final class DefaultExecutor {
    private ExecutorService pool;

    /** The pool, made on first use. */
    ExecutorService get() {
        ExecutorService ex = pool;
        if (ex == null) {
            int n = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
            AtomicInteger count = new AtomicInteger();
            ThreadPoolExecutor made = new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "weft-executor-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            made.allowCoreThreadTimeOut(true);
            pool = ex = made;
        }
        return ex;
    }

    /** Takes no more work; calls already running go on. */
    void shutdown() {
        if (pool != null) {
            pool.shutdown();
        }
    }

    /**
     * Takes no more work and waits, blocking, until the calls it runs are finished.
     *
     * @return false if they did not finish within {@code seconds}
     */
    boolean shutdownAndWait(long seconds) throws InterruptedException {
        ExecutorService ex = pool;
        if (ex == null) {
            return true;
        }
        ex.shutdown();
        return ex.awaitTermination(seconds, TimeUnit.SECONDS);
    }
}
