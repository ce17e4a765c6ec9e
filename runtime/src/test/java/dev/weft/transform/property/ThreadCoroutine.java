package dev.weft.transform.property;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * The reference the coroutine property compares Weft with: a coroutine body run, unchanged, on
 * its own thread, with no rewrite and no event loop. {@link #suspend} is its await of a pending
 * future: it hands the future's value to the driver and blocks until the driver settles the
 * future, then returns the result or throws the exception (a {@code CancellationException} for
 * {@code task.cancel()}). Awaiting a sub-coroutine is a plain call; awaiting a done future is its
 * value (see {@link Awaits#same}).
 *
 * <p>This is asyncio's model for one task whose only suspensions are its pending futures: the
 * driver acts only while the body waits at one of them, so a cancellation always lands at an
 * await, and a body that catches it simply goes on (Python's {@code except CancelledError}).
 * Two cancellations in a row are one here, as in asyncio (the second finds the awaited future
 * cancelled already and is spent on the same step). Not modelled, because the driver never acts
 * then: a cancellation requested while the task is scheduled but not waiting on a future (during
 * {@code sleep(0)}, or before its first step), which asyncio raises where the task resumes (at
 * that {@code sleep(0)}, or before any of its body runs; {@code TaskTest} has the latter).
 */
public final class ThreadCoroutine {
    /** A coroutine body: it calls {@code c.suspend(...)} and returns the result. */
    @FunctionalInterface
    public interface Body {
        Object run(ThreadCoroutine c) throws Exception;
    }

    /** Where the body stopped: waiting at {@link #suspend} with a value, returned, or raised. */
    static final class Step {
        static final int AWAITING = 0;
        static final int RETURNED = 1;
        static final int RAISED = 2;
        final int kind;
        final Object value;

        Step(int kind, Object value) {
            this.kind = kind;
            this.value = value;
        }
    }

    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "weft-reference-coroutine");
        t.setDaemon(true);
        return t;
    });
    private static final long TIMEOUT_SECONDS = 20;
    /** Every coroutine started since {@link #track}: {@link #abandonAll} ends the ones still waiting. */
    private static final List<ThreadCoroutine> MADE = new ArrayList<>();

    private final Body body;
    private final SynchronousQueue<Object[]> toBody = new SynchronousQueue<>();
    private final SynchronousQueue<Step> toDriver = new SynchronousQueue<>();
    private boolean awaiting;
    private volatile boolean abandoning;

    ThreadCoroutine(Body body) {
        this.body = body;
        synchronized (MADE) {
            MADE.add(this);
        }
    }

    /** Forgets the coroutines made before. */
    static void track() {
        synchronized (MADE) {
            MADE.clear();
        }
    }

    /** Ends the thread of every coroutine made since {@link #track} that still waits. */
    static void abandonAll() {
        List<ThreadCoroutine> made;
        synchronized (MADE) {
            made = new ArrayList<>(MADE);
            MADE.clear();
        }
        for (ThreadCoroutine c : made) {
            c.abandon();
        }
    }

    // ---- what the body calls (on its own thread) ----

    /** {@code await} of a pending future carrying {@code value}: its result, or its exception thrown here. */
    public Object suspend(Object value) {
        if (abandoning) {
            throw new ThreadGen.Abandon();
        }
        put(toDriver, new Step(Step.AWAITING, value));
        Object[] in = take(toBody);
        if (in[1] != null) {
            throw ThreadCoroutine.<RuntimeException>sneaky((Throwable) in[1]);
        }
        return in[0];
    }

    // ---- the driver's side ----

    /** The task's first step: runs the body until it awaits a pending future or ends. */
    Step start() {
        THREADS.execute(this::runBody);
        return stopped();
    }

    /** Settles the awaited future with {@code result}, or with {@code thrown} when not null, and runs to the next stop. */
    Step resume(Object result, Throwable thrown) {
        if (!awaiting) {
            throw new IllegalStateException("the reference coroutine is not awaiting");
        }
        put(toBody, new Object[] {result, thrown});
        return stopped();
    }

    private Step stopped() {
        Step s = take(toDriver);
        awaiting = s.kind == Step.AWAITING;
        return s;
    }

    private void runBody() {
        Step out;
        try {
            out = new Step(Step.RETURNED, body.run(this));
        } catch (Throwable t) {
            out = new Step(Step.RAISED, t);
        }
        put(toDriver, out);
    }

    private void abandon() {
        if (!awaiting) {
            return;
        }
        abandoning = true;
        try {
            resume(null, new ThreadGen.Abandon());
        } catch (RuntimeException expected) {
            // the body unwound
        }
    }

    private static <T> void put(SynchronousQueue<T> q, T m) {
        try {
            if (!q.offer(m, TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("reference coroutine: no taker after " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T take(SynchronousQueue<T> q) {
        try {
            T m = q.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (m == null) {
                throw new IllegalStateException("reference coroutine: nothing came after " + TIMEOUT_SECONDS + " s");
            }
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }

    /** Throws {@code t} as it is, checked or not (for a body run by reflection). */
    static <T extends Throwable> T rethrow(Throwable t) throws T {
        return ThreadCoroutine.<T>sneaky(t);
    }
}
