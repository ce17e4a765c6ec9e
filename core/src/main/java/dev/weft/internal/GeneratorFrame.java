package dev.weft.internal;

import dev.weft.Generator;
import dev.weft.GeneratorExit;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A running generator: the frame of one call to an {@code @Async} method that returns
 * {@link Generator}, and the driver that resumes it.
 *
 * <h2>What the rewrite emits against this class</h2>
 * <ul>
 *   <li>the factory (the user's method): {@code new GeneratorFrame(body, refs, prims)}, the
 *       parameters saved into {@link #refs}/{@link #prims} as resume point 0, {@code areturn};</li>
 *   <li>at {@code Generator.yield(v)}: save live values, then
 *       {@code return frame.yieldValue(k, v)}; at resume point k:
 *       restore, then {@code frame.resumeValue()} gives the value sent in (or throws what was
 *       thrown in);</li>
 *   <li>at {@code Generator.yieldFrom(sub)}: {@code return frame.yieldFrom(k, sub)}, and at
 *       resume point k {@code frame.resumeValue()} gives the subgenerator's return value;</li>
 *   <li>{@code Generator.returning(v)} becomes {@code v} itself and {@code Generator.done()}
 *       {@code null}: the body returns its return value, as any method does.</li>
 * </ul>
 *
 * <h2>Delegation</h2>
 * A {@code yieldFrom} of another Weft generator links it as this frame's {@link #child}; the
 * driver then resumes the innermost frame of the chain directly (cached in {@link #leaf}) and
 * walks up only when a frame finishes. Resuming a chain k deep costs one call, not k.
 * Two generators may delegate to one subgenerator (as in Python): each frame is stamped with the
 * {@link #root} that last drove it, and a root trusts its cached leaf only while the stamp is its
 * own; otherwise it walks down its {@link #child} links once, re-pointing each {@link #parent}.
 * Iterators and other {@code Generator} implementations are driven through their own methods.
 *
 * @param <Y> the type of values yielded
 * @param <S> the type of values sent
 * @param <R> the type of the return value
 */
public final class GeneratorFrame<Y, S, R> extends Frame implements Generator<Y, S, R> {

    /** Returned internally by {@link #advance} when the generator has finished. */
    private static final Object FINISHED = new Object();

    private static final byte CREATED = 0;
    private static final byte SUSPENDED = 1;
    private static final byte CLOSED = 2;

    private byte life = CREATED;
    /** This frame's body is on the stack. */
    private boolean executing;
    /** A {@code next}/{@code send}/{@code throwIn}/{@code close} of this frame is in progress. */
    private boolean driving;
    /** This frame is being closed: {@code close()} was called on it, or its delegator is closing it. */
    private boolean exiting;
    /** {@link #hasNext()} ran ahead and {@link #value} holds the next element. */
    private boolean holding;

    private GeneratorFrame<?, ?, ?> parent;
    private GeneratorFrame<?, ?, ?> child;
    private GeneratorFrame<?, ?, ?> leaf;
    /** The generator whose driver last reached this frame: a {@link #leaf} stamped otherwise is stale. */
    private GeneratorFrame<?, ?, ?> root;
    /** A non-Weft delegate of {@code yieldFrom}: an iterator, or another {@code Generator}. */
    private Iterator<?> foreign;

    /**
     * What the rewritten factory calls: a generator of {@code body}, not started, with room for its
     * live values.
     *
     * @param body the rewritten method body
     * @param refCount how many reference slots the frame keeps
     * @param primCount how many primitive slots the frame keeps
     */
    public GeneratorFrame(Body body, int refCount, int primCount) {
        super(body, refCount, primCount);
    }

    // ---- the protocol the rewritten body calls ----

    /**
     * Suspends at resume point {@code label}, handing {@code yielded} to the consumer.
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

    /**
     * Suspends at resume point {@code label}, delegating to {@code sub} until it finishes.
     *
     * @param label where to resume in the body
     * @param sub the generator to delegate to
     * @return the suspension marker the body returns
     */
    public Object yieldFrom(int label, Generator<?, ?, ?> sub) {
        this.label = label;
        if (sub instanceof GeneratorFrame) {
            this.child = (GeneratorFrame<?, ?, ?>) sub;
        } else {
            this.foreign = requireDelegate(sub);
        }
        return SUSPEND;
    }

    /**
     * Suspends at resume point {@code label}, yielding every element of {@code values}.
     *
     * @param label where to resume in the body
     * @param values the values to yield
     * @return the suspension marker the body returns
     */
    public Object yieldFromIterable(int label, Iterable<?> values) {
        if (values instanceof Generator) {
            return yieldFrom(label, (Generator<?, ?, ?>) values);
        }
        this.label = label;
        this.foreign = requireDelegate(values).iterator();
        if (this.foreign == null) {
            throw new NullPointerException("Generator.yieldFrom: iterator() returned null");
        }
        return SUSPEND;
    }

    private static <T> T requireDelegate(T delegate) {
        if (delegate == null) {
            throw new NullPointerException("Generator.yieldFrom(null): nothing to delegate to");
        }
        return delegate;
    }


    // ---- the public Generator protocol ----

    @Override
    @SuppressWarnings("unchecked")
    public Y next() {
        if (holding) {
            holding = false;
            Object v = value;
            value = null;
            return (Y) v;
        }
        return produced(advance(null, null, false));
    }

    @Override
    public boolean hasNext() {
        if (holding) {
            return true;
        }
        Object v = advance(null, null, false);
        if (v == FINISHED) {
            return false;
        }
        value = v;
        holding = true;
        return true;
    }

    @Override
    public Y send(S sent) {
        refuseWhileHolding("send");
        if (life == CREATED && sent != null) {
            throw new IllegalStateException("can't send non-null value to a just-started generator: call next() or send(null) first");
        }
        return produced(advance(sent, null, false));
    }

    @Override
    public Y throwIn(Throwable exception) {
        if (exception == null) {
            throw new NullPointerException("throwIn(null): pass the exception to raise at the suspension point");
        }
        refuseWhileHolding("throwIn");
        return produced(advance(null, exception, false));
    }

    @Override
    public void close() {
        if (holding) {
            holding = false;
            value = null;
        }
        if (life == CREATED) {
            life = CLOSED;
            return;
        }
        if (life == CLOSED) {
            return;
        }
        try {
            advance(null, new GeneratorExit(), true);
        } catch (GeneratorExit expected) {
            // the body unwound as asked
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public R returnValue() {
        if (life != CLOSED) {
            throw new IllegalStateException("the generator has not finished: it is " + state());
        }
        return (R) value;
    }

    @Override
    public State state() {
        if (running()) {
            return State.RUNNING;
        }
        switch (life) {
            case CREATED:
                return State.CREATED;
            case SUSPENDED:
                return State.SUSPENDED;
            default:
                return State.CLOSED;
        }
    }

    @Override
    public String toString() {
        return "Generator[" + state() + "]";
    }

    @SuppressWarnings("unchecked")
    private Y produced(Object v) {
        if (v == FINISHED) {
            throw new NoSuchElementException("the generator has finished (StopIteration)");
        }
        return (Y) v;
    }

    private void refuseWhileHolding(String operation) {
        if (holding) {
            throw new IllegalStateException(operation + "() after hasNext() ran ahead: take the held value with next() first");
        }
    }

    // ---- the driver ----

    /**
     * Resumes the chain rooted at this frame at its innermost frame with {@code sent} or
     * {@code toThrow}, until some frame yields (its value is returned) or this frame finishes
     * ({@link #FINISHED}, or its exception is thrown).
     *
     * <p>A {@code GeneratorExit} thrown in closes the whole chain, as PEP 380 does: each delegator
     * is in the middle of its delegate's {@code close()}. Every frame below this one (and this one
     * for {@link #close()}) is marked {@link #exiting}; an exiting frame that finishes raises the
     * {@code GeneratorExit} in its delegator, and one that yields, itself or through a delegate it
     * starts, ignored it: "generator ignored GeneratorExit" is raised in its delegator, or comes
     * out of {@code close()}.
     *
     * @param closing whether this is {@link #close()}: this frame must not yield either
     */
    private Object advance(Object sent, Throwable toThrow, boolean closing) {
        if (running()) {
            throw alreadyExecuting();
        }
        if (life == CLOSED) {
            return FINISHED;
        }
        root = this; // a drive of this frame may change any chain that ends in it
        GeneratorFrame<?, ?, ?> cur = innermost();
        Throwable exit = toThrow instanceof GeneratorExit ? toThrow : null;
        if (exit != null) {
            for (GeneratorFrame<?, ?, ?> f = cur; f != this; f = f.parent) {
                f.exiting = true;
            }
            exiting = closing;
        }
        driving = true;
        try {
            for (;;) {
                if (cur.child != null) {
                    // its delegate was finished by someone else (Python's yield from sees None), or is
                    // running in another chain (Python raises "generator already executing" here)
                    boolean busy = cur.child.life != CLOSED;
                    cur.child = null;
                    sent = null;
                    if (busy) {
                        toThrow = alreadyExecuting();
                    }
                }
                if (cur.foreign != null) {
                    Object out = cur.stepForeign(sent, toThrow);
                    if (out != FINISHED) {
                        GeneratorFrame<?, ?, ?> ignoring = exit == null ? null : nearestExiting(cur);
                        if (ignoring == null) {
                            leaf = cur;
                            return out;
                        }
                        cur = ignoredExit(ignoring, cur);
                        sent = null;
                        toThrow = cur.thrown;
                        cur.thrown = null;
                        continue;
                    }
                    sent = cur.value;
                    toThrow = cur.thrown;
                    cur.value = null;
                    cur.thrown = null;
                }
                Object r = null;
                Throwable raised = null;
                if (cur.life == CREATED && toThrow != null) {
                    raised = toThrow; // thrown into a generator that never started
                } else {
                    cur.value = sent;
                    cur.thrown = toThrow;
                    cur.life = SUSPENDED;
                    cur.executing = true;
                    try {
                        r = cur.body.resume(cur);
                    } catch (Throwable t) {
                        raised = t;
                    } finally {
                        cur.executing = false;
                    }
                }
                if (raised == null && r == SUSPEND) {
                    GeneratorFrame<?, ?, ?> sub = cur.child;
                    if (sub != null) {
                        if (sub.running()) {
                            cur.child = null;
                            sent = null;
                            toThrow = alreadyExecuting();
                        } else if (sub.life == CLOSED) {
                            cur.child = null;
                            sent = null;
                            toThrow = null;
                        } else {
                            sub.parent = cur;
                            sub.root = this;
                            cur = descend(sub); // sub may itself be suspended in a yieldFrom
                            sent = null;
                            toThrow = null;
                        }
                        continue;
                    }
                    if (cur.foreign != null) {
                        sent = null;
                        toThrow = null;
                        continue;
                    }
                    GeneratorFrame<?, ?, ?> ignoring = exit == null ? null : nearestExiting(cur);
                    if (ignoring != null) {
                        cur = ignoredExit(ignoring, cur);
                        sent = null;
                        toThrow = cur.thrown;
                        cur.thrown = null;
                        continue;
                    }
                    leaf = cur;
                    Object yielded = cur.value;
                    cur.value = null;
                    return yielded;
                }
                cur.life = CLOSED;
                boolean closedAsAsked = cur.exiting && (raised == null || raised instanceof GeneratorExit);
                cur.exiting = false;
                if (raised == null) {
                    cur.value = r; // what the body returned is the generator's return value
                } else if (raised instanceof NoSuchElementException) {
                    raised = new IllegalStateException("generator raised NoSuchElementException (PEP 479)", raised);
                }
                if (raised != null) {
                    cur.value = null;
                }
                if (cur == this) {
                    leaf = null;
                    if (raised != null) {
                        throw Unchecked.<RuntimeException>raise(raised);
                    }
                    return FINISHED;
                }
                GeneratorFrame<?, ?, ?> up = detach(cur);
                if (closedAsAsked) {
                    sent = null; // PEP 380: the delegate closed, the delegator raises its GeneratorExit
                    toThrow = exit;
                } else if (raised != null) {
                    sent = null;
                    toThrow = raised;
                } else {
                    sent = cur.value;
                    toThrow = null;
                }
                cur = up;
            }
        } finally {
            driving = false;
            exiting = false;
        }
    }

    /** The frame nearest to {@code from}, up to this one, that is being closed; or null. */
    private GeneratorFrame<?, ?, ?> nearestExiting(GeneratorFrame<?, ?, ?> from) {
        for (GeneratorFrame<?, ?, ?> f = from; f != null; f = f == this ? null : f.parent) {
            if (f.exiting) {
                return f;
            }
        }
        return null;
    }

    /**
     * "generator ignored GeneratorExit": {@code ignoring}, being closed, yielded (itself or through
     * {@code yielder}, a delegate it started). If it is this root, the error comes out of
     * {@code close()} with the chain left suspended at {@code yielder}. Otherwise {@code ignoring}
     * is detached, suspended, and its delegator is returned with the error in {@link #thrown}, to be
     * resumed with it.
     */
    private GeneratorFrame<?, ?, ?> ignoredExit(GeneratorFrame<?, ?, ?> ignoring, GeneratorFrame<?, ?, ?> yielder) {
        ignoring.exiting = false;
        IllegalStateException ignored = new IllegalStateException("generator ignored GeneratorExit");
        if (ignoring == this) {
            leaf = yielder;
            throw ignored;
        }
        GeneratorFrame<?, ?, ?> up = detach(ignoring);
        up.thrown = ignored;
        return up;
    }

    /**
     * Whether this generator is running, as Python's {@code gi_running}: its body is on the stack,
     * or it is a delegator in a {@code yieldFrom} chain that a driver above it (or itself) is
     * resuming.
     */
    private boolean running() {
        if (executing) {
            return true;
        }
        if (life == CLOSED) {
            return false;
        }
        for (GeneratorFrame<?, ?, ?> f = this; f != null; f = f.parent != null && f.parent.child == f ? f.parent : null) {
            if (f.driving) {
                return true;
            }
        }
        return false;
    }

    /**
     * The frame to resume: the cached innermost delegate if this driver was the last to reach it,
     * else found by walking down. The walk stops above a delegate that is running (driven through
     * another chain): the frame returned then still has that {@link #child}.
     */
    private GeneratorFrame<?, ?, ?> innermost() {
        GeneratorFrame<?, ?, ?> cur = leaf;
        return descend(cur == null || cur.root != this || cur.life == CLOSED ? this : cur);
    }

    /** The innermost frame below {@code cur} that is not running, walked down to and stamped for this driver. */
    private GeneratorFrame<?, ?, ?> descend(GeneratorFrame<?, ?, ?> cur) {
        while (cur.child != null && cur.child.life != CLOSED) {
            GeneratorFrame<?, ?, ?> sub = cur.child;
            if (sub.executing || sub.driving || (sub.parent != cur && sub.running())) {
                return cur;
            }
            sub.parent = cur;
            sub.root = this;
            cur = sub;
        }
        return cur;
    }

    private static GeneratorFrame<?, ?, ?> detach(GeneratorFrame<?, ?, ?> sub) {
        GeneratorFrame<?, ?, ?> up = sub.parent;
        sub.parent = null;
        up.child = null;
        return up;
    }

    /**
     * Passes {@code sent}/{@code toThrow} to this frame's foreign delegate. Returns the value it
     * yielded, or {@link #FINISHED} with this frame's {@link #value}/{@link #thrown} set to what its
     * body must resume with.
     */
    private Object stepForeign(Object sent, Throwable toThrow) {
        Iterator<?> it = foreign;
        Object resumeWith = null;
        Throwable raiseWith = null;
        try {
            if (toThrow == null) {
                if (it instanceof Generator) {
                    Generator<?, ?, ?> gen = (Generator<?, ?, ?>) it;
                    @SuppressWarnings("unchecked")
                    Generator<?, Object, ?> sendable = (Generator<?, Object, ?>) gen;
                    try {
                        return sent == null ? gen.next() : sendable.send(sent);
                    } catch (NoSuchElementException finished) {
                        resumeWith = gen.state() == State.CLOSED ? gen.returnValue() : null;
                    }
                } else if (sent != null) {
                    raiseWith = new IllegalStateException("can't send a value into Generator.yieldFrom(Iterable): "
                            + it.getClass().getName() + " is not a Generator");
                } else if (it.hasNext()) {
                    return it.next();
                }
            } else if (toThrow instanceof GeneratorExit) { // PEP 380: close the iterator, then raise it here
                if (it instanceof AutoCloseable) {
                    ((AutoCloseable) it).close();
                }
                raiseWith = toThrow;
            } else if (it instanceof Generator) {
                Generator<?, ?, ?> gen = (Generator<?, ?, ?>) it;
                try {
                    return gen.throwIn(toThrow);
                } catch (NoSuchElementException finished) {
                    resumeWith = gen.state() == State.CLOSED ? gen.returnValue() : null;
                }
            } else {
                raiseWith = toThrow;
            }
        } catch (Throwable t) {
            raiseWith = t;
        }
        foreign = null;
        value = resumeWith;
        thrown = raiseWith;
        return FINISHED;
    }

    private static IllegalStateException alreadyExecuting() {
        return new IllegalStateException("generator already executing");
    }
}
