package dev.weft.internal;

import dev.weft.AsyncGenerator;
import dev.weft.Coroutine;
import dev.weft.Generator;
import dev.weft.GeneratorExit;
import java.util.NoSuchElementException;

/**
 * A running async generator: the frame of one call to an {@code @Async} method that returns
 * {@link AsyncGenerator}, whose body both awaits and yields.
 *
 * <h2>What the rewrite emits against this class</h2>
 * The union of the two protocols: at {@code Generator.yield(v)} what {@link GeneratorFrame} gets
 * ({@link #yieldValue}), at {@code Weft.await(x)} what every {@link AwaitFrame} gets
 * ({@code tryAwait}, whose fast path does not suspend, then {@code suspendAwait}); at each resume
 * point {@link #resumeValue()}; {@code AsyncGenerator.done()} becomes {@code null}.
 *
 * <h2>How it runs</h2>
 * Each step ({@code anext}, {@code asend}, {@code athrow}, {@code aclose}, {@code hasNext}) is a
 * {@link CoroutineFrame} whose hand-written body ({@link Step}) resumes this frame's body. A
 * suspension with {@link #awaiting} set is an await: the step suspends on the same thing, so the
 * awaiting task's driver ({@link CoroutineFrame#drive}) runs it, inline if it is a coroutine, and
 * resumes the step with its outcome, which the step passes on to the body. A suspension without is
 * a yield: the step returns the value. Every await and yield of the body is thus one extra body
 * call, whatever the consumer.
 *
 * @param <Y> the type of values yielded
 * @param <S> the type of values sent
 */
public final class AsyncGeneratorFrame<Y, S> extends AwaitFrame implements AsyncGenerator<Y, S> {
    private static final byte CREATED = 0;
    private static final byte SUSPENDED = 1;
    private static final byte CLOSED = 2;

    private static final byte ANEXT = 0;
    private static final byte HAS_NEXT = 1;
    private static final byte ASEND = 2;
    private static final byte ATHROW = 3;
    private static final byte ACLOSE = 4;
    private static final String[] OPERATION = {"anext", "hasNext", "asend", "athrow", "aclose"};
    /** How Python names each step in "asynchronous generator is already running" ({@code asend} too says anext). */
    private static final String[] RUNNING_NAME = {"anext", "anext", "anext", "athrow", "aclose"};

    private byte life = CREATED;
    /** A step is in progress (Python's {@code ag_running}): from its start to its yield or end, its awaits included. */
    private boolean running;
    /** {@link #hasNext()} ran ahead and {@link #value} holds the next element. */
    private boolean holding;
    /** What closing this generator needs once it is unreachable; null until {@link #remains()} is asked for it. */
    private Remains remains;

    /**
     * What the rewritten factory calls: an async generator of {@code body}, not started, with room
     * for its live values.
     *
     * @param body the rewritten method body
     * @param refCount how many reference slots the frame keeps
     * @param primCount how many primitive slots the frame keeps
     */
    public AsyncGeneratorFrame(Body body, int refCount, int primCount) {
        super(body, overflow(refCount, primCount)); // every slot in more: the remains share them
    }

    /** A frame taking over {@code remains}: the generator whose frame died, suspended at a yield. */
    private AsyncGeneratorFrame(Remains remains, int label) {
        super(remains.body, remains.more);
        this.label = label;
        this.life = SUSPENDED;
    }

    /**
     * What closing this generator needs after it has become unreachable: its body and live values,
     * not the generator itself, so that a {@code java.lang.ref.Cleaner} action holding them lets it
     * be collected (Python's {@code finalizer} hook of {@code sys.set_asyncgen_hooks}).
     *
     * @return this generator's remains, the same object each call
     */
    public Remains remains() {
        if (remains == null) {
            remains = new Remains(body, more);
            if (life == SUSPENDED && !running) {
                remains.label = label;
            }
        }
        return remains;
    }

    /**
     * The body and live values of an async generator, and the yield it is suspended at, if any:
     * enough to run its {@code finally} blocks once the generator object is gone.
     */
    public static final class Remains {
        private final Body body;
        private final Object[] more;
        /** The label of the yield the generator is suspended at; -1 while it runs, before it starts and once it is closed. */
        private int label = -1;

        private Remains(Body body, Object[] more) {
            this.body = body;
            this.more = more;
        }

        /**
         * Whether the generator was suspended at a yield when last seen: closing it runs code.
         *
         * @return whether there is something to close
         */
        public boolean suspended() {
            return label >= 0;
        }

        /**
         * Python's {@code agen.aclose()} for a generator whose object is gone: a new frame over the
         * same live values, resumed at the same yield with {@link GeneratorExit}. Call it once, on
         * the loop's thread, after the generator became unreachable.
         *
         * @return a coroutine that closes the generator
         * @throws IllegalStateException if the generator was not suspended at a yield
         */
        public Coroutine<Void> aclose() {
            int at = label;
            if (at < 0) {
                throw new IllegalStateException("the async generator is not suspended at a yield");
            }
            label = -1;
            return new AsyncGeneratorFrame<Object, Object>(this, at).aclose();
        }
    }

    // ---- the protocol the rewritten body calls (besides AwaitFrame's) ----

    /**
     * Suspends at resume point {@code label}, handing {@code yielded} to the step in progress.
     *
     * @param label where to resume in the body
     * @param yielded the value yielded
     * @return the suspension marker the body returns
     */
    public Object yieldValue(int label, Object yielded) {
        this.label = label;
        this.value = yielded;
        return SUSPEND;
    }

    // ---- the public AsyncGenerator protocol: each step a coroutine ----

    @Override
    public Coroutine<Boolean> hasNext() {
        return step(HAS_NEXT, null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Y next() {
        if (!holding) {
            throw new NoSuchElementException("AsyncGenerator.next() without a value held: await hasNext() first, or await anext()");
        }
        holding = false;
        Object v = value;
        value = null;
        return (Y) v;
    }

    @Override
    public Coroutine<Y> anext() {
        return step(ANEXT, null);
    }

    @Override
    public Coroutine<Y> asend(S sent) {
        return step(ASEND, sent);
    }

    @Override
    public Coroutine<Y> athrow(Throwable exception) {
        if (exception == null) {
            throw new NullPointerException("athrow(null): pass the exception to raise at the suspension point");
        }
        return step(ATHROW, exception);
    }

    @Override
    public Coroutine<Void> aclose() {
        return step(ACLOSE, null);
    }

    @Override
    public Generator.State state() {
        if (running) {
            return Generator.State.RUNNING;
        }
        return life == CREATED ? Generator.State.CREATED : life == SUSPENDED ? Generator.State.SUSPENDED : Generator.State.CLOSED;
    }

    /**
     * Whether the generator has finished or was closed (the loop's shutdown skips those).
     *
     * @return whether it is closed
     */
    public boolean isClosed() {
        return life == CLOSED;
    }

    @Override
    public String toString() {
        return "AsyncGenerator[" + state() + "]";
    }

    private <T> Coroutine<T> step(byte operation, Object argument) {
        return new CoroutineFrame<>(new Step(this, operation, argument), 0, 0);
    }

    /** The body of a step's coroutine: runs the generator from where it is to its next yield. */
    private static final class Step implements Body {
        private final AsyncGeneratorFrame<?, ?> agen;
        private final byte operation;
        private final Object argument;

        Step(AsyncGeneratorFrame<?, ?> agen, byte operation, Object argument) {
            this.agen = agen;
            this.operation = operation;
            this.argument = argument;
        }

        @Override
        public Object resume(Frame frame) {
            CoroutineFrame<?> step = (CoroutineFrame<?>) frame;
            if (step.label == 0) {
                return agen.start(step, operation, argument);
            }
            Object sent = step.value; // the outcome of the await the body suspended on
            Throwable thrown = step.thrown;
            step.value = null;
            step.thrown = null;
            return agen.run(step, operation, sent, thrown);
        }
    }

    /** A step's start: answers at once what needs no body (held value, closed, not started), else runs the body. */
    private Object start(CoroutineFrame<?> step, byte operation, Object argument) {
        if (running) {
            throw new IllegalStateException(RUNNING_NAME[operation] + "(): asynchronous generator is already running");
        }
        if (holding) {
            if (operation == ANEXT || operation == HAS_NEXT) {
                return operation == HAS_NEXT ? Boolean.TRUE : next();
            }
            if (operation != ACLOSE) {
                throw new IllegalStateException(OPERATION[operation] + "() after hasNext() ran ahead: take the held value with next() first");
            }
            holding = false;
            value = null;
        }
        if (life == CLOSED) {
            // CPython 3.13: athrow on a finished generator gives None, where throw() would raise
            return operation == ATHROW ? null : finished(operation);
        }
        if (life == CREATED) {
            if (operation == ACLOSE || operation == ATHROW) {
                life = CLOSED; // as Python: a generator never started closes without running
                if (operation == ATHROW) {
                    throw Unchecked.<RuntimeException>raise((Throwable) argument);
                }
                return null;
            }
            if (operation == ASEND && argument != null) {
                throw new IllegalStateException("can't send non-null value to a just-started async generator: use anext() or asend(null) first");
            }
            AsyncGeneratorHooks.firstIteration(this);
        }
        Throwable thrown = operation == ATHROW ? (Throwable) argument : operation == ACLOSE ? new GeneratorExit() : null;
        return run(step, operation, operation == ASEND ? argument : null, thrown);
    }

    /** Runs the body with {@code sent} or {@code thrown} to its next await (the step suspends on it), yield or end. */
    private Object run(CoroutineFrame<?> step, byte operation, Object sent, Throwable thrown) {
        if (remains != null) {
            remains.label = -1;
        }
        running = true;
        life = SUSPENDED;
        this.value = sent;
        this.thrown = thrown;
        Object r;
        try {
            r = body.resume(this);
        } catch (Throwable t) {
            running = false;
            life = CLOSED;
            value = null;
            awaiting = null;
            if (operation == ACLOSE && t instanceof GeneratorExit) {
                return null; // closed as asked
            }
            if (t instanceof NoSuchElementException) {
                t = new IllegalStateException("async generator raised NoSuchElementException (StopAsyncIteration)", t);
            }
            throw Unchecked.<RuntimeException>raise(t);
        }
        if (r == SUSPEND) {
            Object a = awaiting;
            if (a != null) {
                awaiting = null;
                return step.suspendAwait(1, a);
            }
            running = false;
            if (remains != null) {
                remains.label = label;
            }
            if (operation == ACLOSE) {
                value = null;
                throw new IllegalStateException("async generator ignored GeneratorExit");
            }
            if (operation == HAS_NEXT) {
                holding = true; // the yielded value stays in value for next()
                return Boolean.TRUE;
            }
            Object yielded = value;
            value = null;
            return yielded;
        }
        running = false;
        life = CLOSED;
        value = null;
        return finished(operation);
    }

    /** What a step gives when the body has finished: Python's {@code StopAsyncIteration}, unless closing. */
    private static Object finished(byte operation) {
        if (operation == ACLOSE) {
            return null;
        }
        if (operation == HAS_NEXT) {
            return Boolean.FALSE;
        }
        throw new NoSuchElementException("the async generator has finished (StopAsyncIteration)");
    }
}
