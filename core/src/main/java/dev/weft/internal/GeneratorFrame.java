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
 *   <li>the factory (the user's method): {@code new GeneratorFrame(body, refCount, primCount)}, the
 *       parameters saved into its slots ({@link #r0}, {@link #p0}, {@link #more}) as resume
 *       point 0, {@code areturn};</li>
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
 * A {@code yieldFrom} of another Weft generator links it as this frame's child; the
 * driver then resumes the innermost frame of the chain directly (cached as the root's leaf) and
 * walks up only when a frame finishes. Resuming a chain k deep costs one call, not k.
 * Two generators may delegate to one subgenerator (as in Python): each frame is stamped with the
 * root that last drove it, and a root trusts its cached leaf only while the stamp is its
 * own; otherwise it walks down its child links once, re-pointing each parent. A root whose cached
 * leaf passed those checks is marked {@link #LEAF_READY} until anything else reaches that leaf,
 * so an element of an unchanged chain costs two loads more than a flat generator's.
 * Iterators and other {@code Generator} implementations are driven through their own methods.
 * These links live in a {@link Links} object made at a frame's first delegation (as delegator or
 * delegate): a generator that never delegates carries one null field for them.
 *
 * <h2>Size</h2>
 * A suspended generator is one object: its header, {@link #label}, {@link #r0}, {@link #p0},
 * {@link #more}, the body, {@link #value}, two bytes of state bits and the links: 48 bytes with
 * compressed oops (JDK 17), whatever it keeps in its first reference and primitive slot.
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

    /** Bits 0-1: the life (CREATED, SUSPENDED, CLOSED); the rest the flags below. */
    private static final int LIFE = 3;
    /** This frame's body is on the stack. */
    private static final int EXECUTING = 4;
    /** A {@code next}/{@code send}/{@code throwIn}/{@code close} of this frame is in progress. */
    private static final int DRIVING = 8;
    /** This frame is being closed: {@code close()} was called on it, or its delegator is closing it. */
    private static final int EXITING = 16;
    /** {@link #hasNext()} ran ahead and {@link #value} holds the next element. */
    private static final int HOLDING = 32;
    /**
     * A root whose cached leaf is its own, suspended at a plain yield: {@link #step()} resumes it
     * with no further check. Set only by {@link #setLeaf}; cleared by any drive of this root
     * through {@link #advance}, by its becoming a delegate, and by any other driver stamping a
     * frame this root stamped (see {@link #stamp}).
     */
    private static final int LEAF_READY = 64;
    /** The body on the stack suspended in a {@code yieldFrom}, not a yield: cleared with {@link #EXECUTING}. */
    private static final int DELEGATING = 128;

    /** The life and the flags (see {@link #LIFE}); a {@code short}, so the object stays 48 bytes. */
    private short bits = CREATED;
    /** This frame's place in {@code yieldFrom} chains; null until it first delegates or is delegated to. */
    private Links links;

    /** Where a frame stands in {@code yieldFrom} chains: made only when it first takes part in one. */
    private static final class Links {
        GeneratorFrame<?, ?, ?> parent;
        GeneratorFrame<?, ?, ?> child;
        GeneratorFrame<?, ?, ?> leaf;
        /** The generator whose driver last reached this frame: a leaf stamped otherwise is stale. */
        GeneratorFrame<?, ?, ?> root;
        /** A non-Weft delegate of {@code yieldFrom}: an iterator, or another {@code Generator}. */
        Iterator<?> foreign;
    }

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
            links().child = (GeneratorFrame<?, ?, ?>) sub;
        } else {
            Iterator<?> delegate = requireDelegate(sub);
            links().foreign = delegate;
        }
        set(DELEGATING);
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
        Iterator<?> it = requireDelegate(values).iterator();
        if (it == null) {
            throw new NullPointerException("Generator.yieldFrom: iterator() returned null");
        }
        links().foreign = it;
        set(DELEGATING);
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
        if (is(HOLDING)) {
            clear(HOLDING);
            Object v = value;
            value = null;
            return (Y) v;
        }
        return produced(step());
    }

    @Override
    public boolean hasNext() {
        if (is(HOLDING)) {
            return true;
        }
        Object v = step();
        if (v == FINISHED) {
            return false;
        }
        value = v;
        set(HOLDING);
        return true;
    }

    @Override
    public Y send(S sent) {
        refuseWhileHolding("send");
        if (life() == CREATED && sent != null) {
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
        if (is(HOLDING)) {
            clear(HOLDING);
            value = null;
        }
        if (life() == CREATED) {
            setLife(CLOSED);
            return;
        }
        if (life() == CLOSED) {
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
        if (life() != CLOSED) {
            throw new IllegalStateException("the generator has not finished: it is " + state());
        }
        return (R) value;
    }

    @Override
    public State state() {
        if (running()) {
            return State.RUNNING;
        }
        switch (life()) {
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
        if (is(HOLDING)) {
            throw new IllegalStateException(operation + "() after hasNext() ran ahead: take the held value with next() first");
        }
    }

    // ---- the state bits and the links ----

    private int life() {
        return bits & LIFE;
    }

    private void setLife(int life) {
        bits = (short) ((bits & ~LIFE) | life);
    }

    private boolean is(int flag) {
        return (bits & flag) != 0;
    }

    private void set(int flag) {
        bits = (short) (bits | flag);
    }

    private void clear(int flag) {
        bits = (short) (bits & ~flag);
    }

    private Links links() {
        Links l = links;
        if (l == null) {
            l = new Links();
            links = l;
        }
        return l;
    }

    private GeneratorFrame<?, ?, ?> parent() {
        return links == null ? null : links.parent;
    }

    private GeneratorFrame<?, ?, ?> child() {
        return links == null ? null : links.child;
    }

    private Iterator<?> foreign() {
        return links == null ? null : links.foreign;
    }

    private void setChild(GeneratorFrame<?, ?, ?> child) {
        if (child != null || links != null) {
            links().child = child;
        }
    }

    /** Caches {@code leaf} as this root's innermost frame, and marks it {@link #LEAF_READY} if it is. */
    private void setLeaf(GeneratorFrame<?, ?, ?> leaf) {
        if (links != null || (leaf != null && leaf != this)) { // a root is its own leaf anyway: see innermost()
            links().leaf = leaf;
        }
        if (leaf != null && leaf != this && resumesDirectly(leaf)) {
            set(LEAF_READY);
        } else {
            clear(LEAF_READY);
        }
    }

    /**
     * Whether {@link #step()} may resume {@code leaf} with no walk: this frame is a root, and
     * {@code leaf}, last reached by this driver, is suspended at a plain yield.
     */
    private boolean resumesDirectly(GeneratorFrame<?, ?, ?> leaf) {
        Links at = leaf.links;
        return links.parent == null && at != null && at.root == this && at.child == null && at.foreign == null
                && leaf.bits == SUSPENDED;
    }

    /** Marks {@code sub} as reached through {@code parent} by this driver. */
    private void link(GeneratorFrame<?, ?, ?> parent, GeneratorFrame<?, ?, ?> sub) {
        Links l = sub.links();
        l.parent = parent;
        stamp(l, this);
        sub.clear(LEAF_READY); // a delegate is no root: its driver walks down to it
    }

    /**
     * Stamps the frame of {@code l} as last reached by {@code driver}. The driver that reached it
     * before can no longer trust its cached leaf (this frame or one below), so its
     * {@link #LEAF_READY} goes.
     */
    private static void stamp(Links l, GeneratorFrame<?, ?, ?> driver) {
        GeneratorFrame<?, ?, ?> before = l.root;
        if (before != driver && before != null) {
            before.clear(LEAF_READY);
        }
        l.root = driver;
    }

    /** What was thrown in for this frame to raise at its resume point, taken out of {@link #value}; or null. */
    private Throwable takeRaised() {
        Object v = value;
        if (v instanceof Raised) {
            value = null;
            return ((Raised) v).exception;
        }
        return null;
    }

    // ---- the driver ----

    /**
     * {@link #next()}/{@link #hasNext()}: the fast paths first. A root generator, suspended or not
     * started, with no links and nothing held, resumes its body directly: one call and the body's
     * switch. A root whose cached leaf is still its own resumes that leaf directly. The rest
     * (a chain to walk, running, closing, a frame finishing) goes through {@link #drive}.
     */
    private Object step() {
        int b = bits;
        if (b <= SUSPENDED) {
            if (links == null) {
                return resumeAlone();
            }
        } else if (b == (SUSPENDED | LEAF_READY)) {
            return resumeLeaf(links.leaf);
        }
        return advance(null, null, false);
    }

    /** {@link #step()} for a root without links: its body, directly. */
    private Object resumeAlone() {
        bits = SUSPENDED | EXECUTING;
        value = null;
        Object r;
        try {
            r = body.resume(this);
        } catch (Throwable t) {
            bits = CLOSED;
            value = null;
            if (links != null) {
                links.leaf = null;
            }
            throw Unchecked.<RuntimeException>raise(pep479(t));
        }
        if (r != SUSPEND) {
            bits = CLOSED;
            value = r; // what the body returned is the generator's return value
            return FINISHED;
        }
        bits = SUSPENDED;
        if (links != null) {
            return advance(null, null, false); // it began a yieldFrom: the driver starts the delegate
        }
        Object yielded = value;
        value = null;
        return yielded;
    }

    /**
     * {@link #step()} for a root marked {@link #LEAF_READY}: its cached {@code leaf}, resumed as
     * {@link #advance} would, without walking or checking; a leaf that finishes or starts a
     * delegation is handed to {@link #drive}.
     */
    private Object resumeLeaf(GeneratorFrame<?, ?, ?> leaf) {
        bits = SUSPENDED | DRIVING;
        leaf.bits = SUSPENDED | EXECUTING;
        leaf.value = null;
        Object r;
        try {
            r = leaf.body.resume(leaf);
        } catch (Throwable t) {
            leaf.clear(EXECUTING | DELEGATING);
            return driveFromLeaf(leaf, null, t);
        }
        if (r == SUSPEND && leaf.bits == (SUSPENDED | EXECUTING)) { // a plain yield: the leaf stays ready
            leaf.bits = SUSPENDED;
            bits = SUSPENDED | LEAF_READY;
            Object yielded = leaf.value;
            leaf.value = null;
            return yielded;
        }
        leaf.clear(EXECUTING | DELEGATING);
        return driveFromLeaf(leaf, r, null);
    }

    /** {@link #resumeLeaf} when the leaf did not just yield: {@link #drive} from what it returned or raised. */
    private Object driveFromLeaf(GeneratorFrame<?, ?, ?> leaf, Object returned, Throwable raised) {
        try {
            return drive(leaf, null, null, null, true, returned, raised);
        } finally {
            clear(DRIVING | EXITING);
        }
    }

    /** PEP 479: a {@code NoSuchElementException} escaping a generator's body becomes an error. */
    private static Throwable pep479(Throwable raised) {
        return raised instanceof NoSuchElementException
                ? new IllegalStateException("generator raised NoSuchElementException (PEP 479)", raised) : raised;
    }

    /**
     * Resumes the chain rooted at this frame at its innermost frame with {@code sent} or
     * {@code toThrow}, until some frame yields (its value is returned) or this frame finishes
     * ({@link #FINISHED}, or its exception is thrown).
     *
     * <p>A {@code GeneratorExit} thrown in closes the whole chain, as PEP 380 does: each delegator
     * is in the middle of its delegate's {@code close()}. Every frame below this one (and this one
     * for {@link #close()}) is marked {@link #EXITING}; an exiting frame that finishes raises the
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
        if (life() == CLOSED) {
            return FINISHED;
        }
        clear(LEAF_READY); // only this drive's end (setLeaf) says whether the leaf is ready again
        if (links != null) {
            stamp(links, this); // a drive of this frame may change any chain that ends in it
        }
        GeneratorFrame<?, ?, ?> cur = innermost();
        Throwable exit = toThrow instanceof GeneratorExit ? toThrow : null;
        if (exit != null) {
            for (GeneratorFrame<?, ?, ?> f = cur; f != this; f = f.parent()) {
                f.set(EXITING);
            }
            if (closing) {
                set(EXITING);
            } else {
                clear(EXITING);
            }
        }
        set(DRIVING);
        try {
            return drive(cur, sent, toThrow, exit, false, null, null);
        } finally {
            clear(DRIVING | EXITING);
        }
    }

    /**
     * The driver's loop, for {@link #advance} and the fast paths: resumes {@code cur} with
     * {@code sent} or {@code toThrow}, or, if {@code resumed}, starts from its outcome
     * ({@code resumedWith} returned, or {@code resumedRaising} raised), and goes on up and down the chain until some frame
     * yields or this one finishes. The caller marks this frame {@link #DRIVING}.
     */
    private Object drive(GeneratorFrame<?, ?, ?> cur, Object sent, Throwable toThrow, Throwable exit,
                         boolean resumed, Object resumedWith, Throwable resumedRaising) {
        for (;;) {
            Object r = null;
            Throwable raised = null;
            if (resumed) {
                resumed = false;
                r = resumedWith;
                raised = resumedRaising;
            } else {
                GeneratorFrame<?, ?, ?> finishedChild = cur.child();
                if (finishedChild != null) {
                    // its delegate was finished by someone else (Python's yield from sees None), or is
                    // running in another chain (Python raises "generator already executing" here)
                    boolean busy = finishedChild.life() != CLOSED;
                    cur.setChild(null);
                    sent = null;
                    if (busy) {
                        toThrow = alreadyExecuting();
                    }
                }
                if (cur.foreign() != null) {
                    Object out = cur.stepForeign(sent, toThrow);
                    if (out != FINISHED) {
                        GeneratorFrame<?, ?, ?> ignoring = exit == null ? null : nearestExiting(cur);
                        if (ignoring == null) {
                            setLeaf(cur);
                            return out;
                        }
                        cur = ignoredExit(ignoring, cur);
                        sent = null;
                        toThrow = cur.takeRaised();
                        continue;
                    }
                    toThrow = cur.takeRaised();
                    sent = cur.value;
                    cur.value = null;
                }
                if (cur.life() == CREATED && toThrow != null) {
                    raised = toThrow; // thrown into a generator that never started
                } else {
                    cur.value = toThrow == null ? sent : new Raised(toThrow);
                    cur.setLife(SUSPENDED);
                    cur.set(EXECUTING);
                    try {
                        r = cur.body.resume(cur);
                    } catch (Throwable t) {
                        raised = t;
                    } finally {
                        cur.clear(EXECUTING | DELEGATING);
                    }
                }
            }
            if (raised == null && r == SUSPEND) {
                GeneratorFrame<?, ?, ?> sub = cur.child();
                if (sub != null) {
                    if (sub.running()) {
                        cur.setChild(null);
                        sent = null;
                        toThrow = alreadyExecuting();
                    } else if (sub.life() == CLOSED) {
                        cur.setChild(null);
                        sent = null;
                        toThrow = null;
                    } else {
                        link(cur, sub);
                        cur = descend(sub); // sub may itself be suspended in a yieldFrom
                        sent = null;
                        toThrow = null;
                    }
                    continue;
                }
                if (cur.foreign() != null) {
                    sent = null;
                    toThrow = null;
                    continue;
                }
                GeneratorFrame<?, ?, ?> ignoring = exit == null ? null : nearestExiting(cur);
                if (ignoring != null) {
                    cur = ignoredExit(ignoring, cur);
                    sent = null;
                    toThrow = cur.takeRaised();
                    continue;
                }
                setLeaf(cur);
                Object yielded = cur.value;
                cur.value = null;
                return yielded;
            }
            cur.setLife(CLOSED);
            boolean closedAsAsked = cur.is(EXITING) && (raised == null || raised instanceof GeneratorExit);
            cur.clear(EXITING);
            if (raised == null) {
                cur.value = r; // what the body returned is the generator's return value
            } else {
                raised = pep479(raised);
                cur.value = null;
            }
            if (cur == this) {
                setLeaf(null);
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
    }

    /** The frame nearest to {@code from}, up to this one, that is being closed; or null. */
    private GeneratorFrame<?, ?, ?> nearestExiting(GeneratorFrame<?, ?, ?> from) {
        for (GeneratorFrame<?, ?, ?> f = from; f != null; f = f == this ? null : f.parent()) {
            if (f.is(EXITING)) {
                return f;
            }
        }
        return null;
    }

    /**
     * "generator ignored GeneratorExit": {@code ignoring}, being closed, yielded (itself or through
     * {@code yielder}, a delegate it started). If it is this root, the error comes out of
     * {@code close()} with the chain left suspended at {@code yielder}. Otherwise {@code ignoring}
     * is detached, suspended, and its delegator is returned with the error in {@link #value}, to be
     * resumed with it.
     */
    private GeneratorFrame<?, ?, ?> ignoredExit(GeneratorFrame<?, ?, ?> ignoring, GeneratorFrame<?, ?, ?> yielder) {
        ignoring.clear(EXITING);
        yielder.value = null; // the value yielded is dropped, as Python's close() drops it
        IllegalStateException ignored = new IllegalStateException("generator ignored GeneratorExit");
        if (ignoring == this) {
            setLeaf(yielder);
            throw ignored;
        }
        GeneratorFrame<?, ?, ?> up = detach(ignoring);
        up.value = new Raised(ignored);
        return up;
    }

    /**
     * Whether this generator is running, as Python's {@code gi_running}: its body is on the stack,
     * or it is a delegator in a {@code yieldFrom} chain that a driver above it (or itself) is
     * resuming.
     */
    private boolean running() {
        if (is(EXECUTING)) {
            return true;
        }
        if (life() == CLOSED) {
            return false;
        }
        for (GeneratorFrame<?, ?, ?> f = this; f != null; f = f.parent() != null && f.parent().child() == f ? f.parent() : null) {
            if (f.is(DRIVING)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The frame to resume: the cached innermost delegate if this driver was the last to reach it,
     * else found by walking down. The walk stops above a delegate that is running (driven through
     * another chain): the frame returned then still has that child.
     */
    private GeneratorFrame<?, ?, ?> innermost() {
        GeneratorFrame<?, ?, ?> cur = links == null ? null : links.leaf;
        return descend(cur == null || cur.links == null || cur.links.root != this || cur.life() == CLOSED ? this : cur);
    }

    /** The innermost frame below {@code cur} that is not running, walked down to and stamped for this driver. */
    private GeneratorFrame<?, ?, ?> descend(GeneratorFrame<?, ?, ?> cur) {
        while (cur.child() != null && cur.child().life() != CLOSED) {
            GeneratorFrame<?, ?, ?> sub = cur.child();
            if (sub.is(EXECUTING | DRIVING) || (sub.parent() != cur && sub.running())) {
                return cur;
            }
            link(cur, sub);
            cur = sub;
        }
        return cur;
    }

    private static GeneratorFrame<?, ?, ?> detach(GeneratorFrame<?, ?, ?> sub) {
        GeneratorFrame<?, ?, ?> up = sub.links.parent;
        sub.links.parent = null;
        up.links.child = null;
        return up;
    }

    /**
     * Passes {@code sent}/{@code toThrow} to this frame's foreign delegate. Returns the value it
     * yielded, or {@link #FINISHED} with this frame's {@link #value} set to what its body must
     * resume with (a {@link Raised} to raise).
     */
    private Object stepForeign(Object sent, Throwable toThrow) {
        Iterator<?> it = links.foreign;
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
        links.foreign = null;
        value = raiseWith == null ? resumeWith : new Raised(raiseWith);
        return FINISHED;
    }

    private static IllegalStateException alreadyExecuting() {
        return new IllegalStateException("generator already executing");
    }
}
