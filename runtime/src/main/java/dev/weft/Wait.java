package dev.weft;

import static dev.weft.Weft.await;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code asyncio.wait} (Python 3.13's {@code wait} and {@code _wait}). It cancels nothing: on
 * timeout it just returns what is done and what is pending.
 */
final class Wait {
    private Wait() {
    }

    static <F extends Future<?>> Coroutine<DoneAndPending<F>> of(Iterable<F> futures, ReturnWhen when, double timeout) {
        if (when == null) {
            throw new NullPointerException("waitTasks: returnWhen is null; pass FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED");
        }
        if (Double.isNaN(timeout)) {
            throw new IllegalArgumentException("waitTasks: the timeout must be a number of seconds, not NaN");
        }
        Set<F> fs = new LinkedHashSet<>();
        for (F f : futures) {
            if (f == null) {
                throw new NullPointerException("waitTasks: a null future in the collection");
            }
            fs.add(f);
        }
        if (fs.isEmpty()) {
            throw new IllegalArgumentException("waitTasks: the set of futures is empty");
        }
        return waitUntil(fs, timeout, when);
    }

    /** Python's {@code _wait}: waits until {@code when} says, or the timeout; cancels nothing. */
    @Async
    private static <F extends Future<?>> Coroutine<DoneAndPending<F>> waitUntil(Set<F> fs, double timeout, ReturnWhen when) {
        EventLoop loop = EventLoop.requireRunning("waitTasks");
        for (F fut : fs) {
            if (fut.loop != loop) {
                throw new IllegalArgumentException("waitTasks: " + fut + " belongs to a different event loop");
            }
        }
        Waiting w = new Waiting(loop.createFuture(), fs.size(), when);
        if (timeout != Double.POSITIVE_INFINITY) {
            w.timer = loop.callLater(timeout, w);
        }
        for (F fut : fs) {
            fut.addDoneCallback(w);
        }
        try {
            await(w.waiter);
        } finally {
            if (w.timer != null) {
                w.timer.cancel();
            }
            for (F fut : fs) {
                fut.removeDoneCallback(w);
            }
        }
        Set<F> done = new LinkedHashSet<>();
        Set<F> pending = new LinkedHashSet<>();
        for (F fut : fs) {
            (fut.done() ? done : pending).add(fut);
        }
        return Coroutine.returning(new DoneAndPending<>(done, pending));
    }

    /** The waiter, released by the timer or by enough futures done (Python's {@code _on_completion}). */
    private static final class Waiting implements Consumer<Future<?>>, Runnable {
        final Future<Object> waiter;
        final ReturnWhen when;
        int counter;
        TimerHandle timer;

        Waiting(Future<Object> waiter, int counter, ReturnWhen when) {
            this.waiter = waiter;
            this.counter = counter;
            this.when = when;
        }

        @Override
        public void accept(Future<?> f) {
            counter--;
            if (counter <= 0 || when == ReturnWhen.FIRST_COMPLETED
                    || when == ReturnWhen.FIRST_EXCEPTION && !f.cancelled() && f.exception() != null) {
                if (timer != null) {
                    timer.cancel();
                }
                run();
            }
        }

        /** The timeout: release the waiter. */
        @Override
        public void run() {
            if (!waiter.done()) {
                waiter.setResult(null);
            }
        }
    }
}
