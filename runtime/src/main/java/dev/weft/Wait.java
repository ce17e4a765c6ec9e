package dev.weft;

import dev.weft.internal.CoroutineFrame;
import dev.weft.internal.Frame;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code asyncio.wait} (Python 3.11's {@code _wait}), a coroutine written by hand in the shape the
 * rewrite emits. It cancels nothing: on timeout it just returns what is done and what is pending.
 * Frame: {@code refs[0]} the futures, {@code refs[1]} the {@link Waiting} state; {@code prims[0]}
 * the timeout's bits, {@code prims[1]} the {@link ReturnWhen} ordinal.
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
        CoroutineFrame<DoneAndPending<F>> frame = new CoroutineFrame<>(Wait::body, 2, 2);
        frame.refs[0] = fs;
        frame.prims[0] = Double.doubleToRawLongBits(timeout);
        frame.prims[1] = when.ordinal();
        return frame;
    }

    @SuppressWarnings("unchecked")
    private static Object body(Frame frame) {
        CoroutineFrame<Object> f = (CoroutineFrame<Object>) frame;
        Set<Future<?>> fs = (Set<Future<?>>) f.refs[0];
        if (f.label == 0) {
            EventLoop loop = EventLoop.requireRunning("waitTasks");
            for (Future<?> fut : fs) {
                if (fut.loop != loop) {
                    throw new IllegalArgumentException("waitTasks: " + fut + " belongs to a different event loop");
                }
            }
            Waiting w = new Waiting(loop.createFuture(), fs.size(), ReturnWhen.values()[(int) f.prims[1]]);
            double timeout = Double.longBitsToDouble(f.prims[0]);
            if (timeout != Double.POSITIVE_INFINITY) {
                w.timer = loop.callLater(timeout, w);
            }
            for (Future<?> fut : fs) {
                fut.addDoneCallback(w);
            }
            f.refs[1] = w;
            return f.suspendAwait(1, w.waiter);
        }
        Waiting w = (Waiting) f.refs[1];
        f.refs[0] = null;
        f.refs[1] = null;
        try {
            f.resumeValue();
        } finally {
            if (w.timer != null) {
                w.timer.cancel();
            }
            for (Future<?> fut : fs) {
                fut.removeDoneCallback(w);
            }
        }
        Set<Future<?>> done = new LinkedHashSet<>();
        Set<Future<?>> pending = new LinkedHashSet<>();
        for (Future<?> fut : fs) {
            (fut.done() ? done : pending).add(fut);
        }
        return f.returning(new DoneAndPending<>(done, pending));
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
