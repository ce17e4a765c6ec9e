package dev.weft.transform.property;

import dev.weft.Generator;
import dev.weft.GeneratorExit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * The reference the property compares Weft with: a generator whose body runs, unchanged, on its
 * own thread. {@link #yield} hands the value to the consumer through a {@link SynchronousQueue}
 * and waits for what is sent back; nothing here uses the Weft rewrite or its runtime frames
 * (only the public {@link Generator} interface, so the same consumer drives both).
 *
 * <p>The protocol is Python's (PEP 342, PEP 380) as the design card fixes it for Java:
 * a finished generator answers {@code next/send/throwIn} with {@link NoSuchElementException};
 * a non-null {@code send} into a just-created generator is refused with
 * {@link IllegalStateException}; {@code throwIn} into a just-created generator closes it and
 * comes back out; {@code close()} raises {@link GeneratorExit} at the suspension point and
 * refuses a body that yields again ("ignored GeneratorExit"); {@code yieldFrom} is the PEP 380
 * expansion, written out.
 */
public final class ThreadGen implements Generator<Object, Object, Object> {
    /** A generator body: it calls {@code g.yield(...)}, {@code g.yieldFrom(...)} and returns the return value. */
    @FunctionalInterface
    public interface Body {
        Object run(ThreadGen g);
    }

    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "weft-reference-generator");
        t.setDaemon(true);
        return t;
    });
    private static final long TIMEOUT_SECONDS = 20;
    private static final int YIELDED = 0;
    private static final int RETURNED = 1;
    private static final int RAISED = 2;
    private static final Object FINISHED = new Object();

    /**
     * Every generator made since {@link #track} (on any thread: subgenerators are made on their
     * parent's body thread): {@link #abandonAll} ends them. Programs run one at a time.
     */
    private static final List<ThreadGen> MADE = new ArrayList<>();

    /** Thrown into abandoned generators so their threads end. Not an Exception, and not GeneratorExit. */
    static final class Abandon extends Error {
        private static final long serialVersionUID = 1L;

        Abandon() {
            super("abandoned", null, false, false);
        }
    }

    private final Body body;
    private final SynchronousQueue<Object[]> toBody = new SynchronousQueue<>();
    private final SynchronousQueue<Object[]> toConsumer = new SynchronousQueue<>();
    private State state = State.CREATED;
    private boolean running;
    private volatile boolean abandoning;
    private Object returned;
    /** {@link #hasNext()} ran ahead and holds this value for {@link #next()}. */
    private boolean holding;
    private Object held;

    public ThreadGen(Body body) {
        this.body = body;
        synchronized (MADE) {
            MADE.add(this);
        }
    }

    /** Starts recording the generators made on this thread. */
    public static void track() {
        synchronized (MADE) {
            MADE.clear();
        }
    }

    /** Ends the thread of every generator made since {@link #track} that is still suspended. */
    public static void abandonAll() {
        List<ThreadGen> made;
        synchronized (MADE) {
            made = new ArrayList<>(MADE);
            MADE.clear();
        }
        for (ThreadGen g : made) {
            g.abandon();
        }
    }

    // ---- what the body calls (on its own thread) ----

    /** {@code Generator.yield(v)}: hands {@code v} out and returns the value sent in, or raises what was thrown in. */
    public Object yield(Object v) {
        if (abandoning) {
            throw new Abandon();
        }
        put(toConsumer, new Object[] {YIELDED, v});
        Object[] in = take(toBody);
        if (in[1] != null) {
            throw ThreadGen.<RuntimeException>sneaky((Throwable) in[1]);
        }
        return in[0];
    }

    /** {@code Generator.yieldFrom(sub)}: PEP 380's expansion of {@code yield from}, returning the subgenerator's return value. */
    public Object yieldFrom(Generator<?, ?, ?> subgen) {
        @SuppressWarnings("unchecked")
        Generator<Object, Object, Object> sub = (Generator<Object, Object, Object>) subgen;
        Object y;
        try {
            y = nextOf(sub, null);
        } catch (NoSuchElementException stop) {
            return returnOf(sub, stop);
        }
        for (;;) {
            Object s;
            try {
                s = yield(y);
            } catch (GeneratorExit e) {
                sub.close();
                throw e;
            } catch (Throwable e) {
                try {
                    if (sub.state() == State.CLOSED) { // finished by another delegator: Python's throw raises e here
                        throw e;
                    }
                    y = sub.throwIn(e);
                } catch (NoSuchElementException stop) {
                    return returnOf(sub, stop);
                }
                continue;
            }
            try {
                y = nextOf(sub, s);
            } catch (NoSuchElementException stop) {
                return returnOf(sub, stop);
            }
        }
    }

    /** Thrown by {@link #nextOf} for a subgenerator that had finished before (another delegator finished it). */
    private static final NoSuchElementException FINISHED_BEFORE = new NoSuchElementException("finished before");

    private static Object nextOf(Generator<Object, Object, Object> sub, Object s) {
        if (sub.state() == State.CLOSED) {
            throw FINISHED_BEFORE;
        }
        return s == null ? sub.next() : sub.send(s);
    }

    /** What {@code yield from} gives: the subgenerator's return value, or Python's None if it had finished before. */
    private static Object returnOf(Generator<Object, Object, Object> sub, NoSuchElementException stop) {
        return stop == FINISHED_BEFORE ? null : sub.returnValue();
    }

    /**
     * {@code Generator.yieldFrom(iterable)}: yields each element; a non-null value sent in raises
     * {@link IllegalStateException} here (an iterator has no {@code send}, Python's AttributeError);
     * what is thrown in is raised here.
     */
    public void yieldFromIterable(Iterable<?> values) {
        Iterator<?> it = values.iterator();
        while (it.hasNext()) {
            Object s = yield(it.next());
            if (s != null) {
                throw new IllegalStateException("can't send into an iterator");
            }
        }
    }

    // ---- the consumer's protocol ----

    @Override
    public Object next() {
        if (holding) {
            holding = false;
            Object v = held;
            held = null;
            return v;
        }
        return produced(resume(null, null));
    }

    /** Runs ahead to the next yield and holds its value for {@link #next()}, as the design card says. */
    @Override
    public boolean hasNext() {
        if (holding) {
            return true;
        }
        Object v = resume(null, null);
        if (v == FINISHED) {
            return false;
        }
        held = v;
        holding = true;
        return true;
    }

    @Override
    public Object send(Object value) {
        refuseWhileHolding();
        if (state == State.CREATED && value != null) {
            throw new IllegalStateException("can't send non-null value to a just-started generator");
        }
        return produced(resume(value, null));
    }

    @Override
    public Object throwIn(Throwable exception) {
        refuseWhileHolding();
        if (state == State.CREATED) {
            state = State.CLOSED;
            throw ThreadGen.<RuntimeException>sneaky(exception);
        }
        return produced(resume(null, exception));
    }

    @Override
    public void close() {
        holding = false;
        held = null;
        if (state == State.CREATED) {
            state = State.CLOSED;
            return;
        }
        if (state == State.CLOSED) {
            return;
        }
        Object out;
        try {
            out = resume(null, new GeneratorExit());
        } catch (GeneratorExit expected) {
            return;
        }
        if (out != FINISHED) {
            throw new IllegalStateException("generator ignored GeneratorExit");
        }
    }

    @Override
    public Object returnValue() {
        if (state != State.CLOSED) {
            throw new IllegalStateException("the generator has not finished");
        }
        return returned;
    }

    @Override
    public State state() {
        return running ? State.RUNNING : state;
    }

    private void refuseWhileHolding() {
        if (holding) {
            throw new IllegalStateException("hasNext() ran ahead: take the held value with next() first");
        }
    }

    private static Object produced(Object v) {
        if (v == FINISHED) {
            throw new NoSuchElementException("finished");
        }
        return v;
    }

    /** Runs the body until it yields (its value), finishes ({@link #FINISHED}) or raises (thrown here). */
    private Object resume(Object sent, Throwable thrown) {
        if (running) {
            throw new IllegalStateException("generator already executing");
        }
        if (state == State.CLOSED) {
            return FINISHED;
        }
        running = true;
        Object[] out;
        try {
            if (state == State.CREATED) {
                state = State.SUSPENDED;
                THREADS.execute(this::runBody);
            } else {
                put(toBody, new Object[] {sent, thrown});
            }
            out = take(toConsumer);
        } finally {
            running = false;
        }
        switch ((Integer) out[0]) {
            case YIELDED:
                return out[1];
            case RETURNED:
                state = State.CLOSED;
                returned = out[1];
                return FINISHED;
            default:
                state = State.CLOSED;
                Throwable t = (Throwable) out[1];
                if (t instanceof NoSuchElementException) {
                    t = new IllegalStateException("generator raised NoSuchElementException (PEP 479)", t);
                }
                throw ThreadGen.<RuntimeException>sneaky(t);
        }
    }

    private void runBody() {
        Object[] out;
        try {
            out = new Object[] {RETURNED, body.run(this)};
        } catch (Throwable t) {
            out = new Object[] {RAISED, t};
        }
        put(toConsumer, out);
    }

    private void abandon() {
        if (state != State.SUSPENDED || running) {
            return;
        }
        abandoning = true;
        try {
            resume(null, new Abandon());
        } catch (Throwable expected) {
            // the body unwound
        }
        state = State.CLOSED;
    }

    private static void put(SynchronousQueue<Object[]> q, Object[] m) {
        try {
            if (!q.offer(m, TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("reference generator: no taker after " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Object[] take(SynchronousQueue<Object[]> q) {
        try {
            Object[] m = q.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (m == null) {
                throw new IllegalStateException("reference generator: nothing came after " + TIMEOUT_SECONDS + " s");
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
}
