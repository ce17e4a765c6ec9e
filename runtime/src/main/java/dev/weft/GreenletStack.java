package dev.weft;

import dev.weft.internal.Unchecked;
import java.util.concurrent.locks.LockSupport;

/**
 * The call stack behind a {@link Greenlet}: its thread, its state, and the hand-off by which one
 * stack of a family passes control (a value or an exception) to another and parks until control
 * comes back. Only the stack that runs writes another stack's hand-off slots, before setting that
 * stack's volatile {@code go} flag; the woken stack reads them after seeing the flag. Parking is
 * {@link LockSupport}'s: no monitor is held, so a virtual thread never pins its carrier.
 *
 * <p>The stack holds its {@code Greenlet} strongly only while it runs ({@code running}), so that a
 * suspended greenlet nobody refers to can be collected, and then killed by its family.
 */
final class GreenletStack implements Runnable {
    private static final int NEW = 0;
    private static final int ACTIVE = 1;
    private static final int DEAD = 2;
    private static final ThreadLocal<GreenletStack> CURRENT = new ThreadLocal<>();

    final GreenletFamily family;
    private final boolean main;
    /** A {@link Greenlet.Run} or {@link Greenlet.RunWith}; dropped once the greenlet ends. */
    private Object body;
    volatile Greenlet parent;
    private volatile int state;
    volatile Thread thread;
    /** This stack's greenlet, while it runs (always, for a main greenlet). */
    Greenlet running;

    // the hand-off, written by the switching stack before it sets `go`
    private Object[] args;
    private Throwable thrown;
    private Greenlet handle;
    private volatile boolean go;

    /** A greenlet's stack, not started yet. */
    GreenletStack(GreenletFamily family, Object body, Greenlet parent) {
        this.family = family;
        this.main = false;
        this.body = body;
        this.parent = parent;
    }

    /** The main stack of a family: the thread that was running before any greenlet. */
    GreenletStack(GreenletFamily family, Thread thread) {
        this.family = family;
        this.main = true;
        this.thread = thread;
        this.state = ACTIVE;
    }

    /** The stack running on this thread: a greenlet's, or the thread's main one (made on first use). */
    static GreenletStack current() {
        GreenletStack current = CURRENT.get();
        if (current == null) {
            current = new GreenletFamily(Thread.currentThread()).mainStack;
            CURRENT.set(current);
        }
        return current;
    }

    /** Makes {@code stack} this thread's current one: for a reaper standing in for a main thread that ended. */
    static void adopt(GreenletStack stack) {
        stack.thread = Thread.currentThread();
        CURRENT.set(stack);
    }

    boolean isMain() {
        return main;
    }

    boolean isNew() {
        return state == NEW;
    }

    boolean finished() {
        return state == DEAD;
    }

    /**
     * Passes control from this stack (the running one) to {@code target}, and waits until a switch
     * passes it back: returns what that switch passed, or throws what it threw.
     */
    Object switchTo(Greenlet target, Object[] args, Throwable thrown) {
        Greenlet to = firstUnfinished(target);
        if (to != target && thrown instanceof GreenletExit) {
            // a finished greenlet "dies" of the GreenletExit again: its parent receives it as a value
            args = new Object[] {thrown};
            thrown = null;
        }
        if (to.stack == this) {
            if (thrown != null) {
                throw Unchecked.<RuntimeException>raise(thrown);
            }
            return value(args);
        }
        if (!main) {
            running = null;
        }
        to.stack.deliver(args, thrown, to);
        awaitTurn();
        return take();
    }

    /** The greenlet's thread: runs the body, then hands its result or exception to the parent. */
    @Override
    public void run() {
        CURRENT.set(this);
        Object[] in = args;
        Throwable failure = thrown;
        running = handle;
        clearHandOff();
        Object result = null;
        if (failure == null) {
            try {
                result = call(in);
            } catch (Throwable t) {
                failure = t;
            }
        }
        finish(result, failure);
    }

    private Object call(Object[] in) throws Exception {
        if (body instanceof Greenlet.RunWith) {
            return ((Greenlet.RunWith) body).run(value(in));
        }
        if (in != null && in.length > 0) {
            throw new IllegalArgumentException("this greenlet's run() takes no value, but the switch that started it passed "
                    + in.length);
        }
        return ((Greenlet.Run) body).run();
    }

    /** Ends this greenlet: its parent (or the first unfinished ancestor) gets the result or the exception. */
    private void finish(Object result, Throwable failure) {
        body = null;
        state = DEAD;
        Object[] out = null;
        if (failure instanceof GreenletExit) {
            out = new Object[] {failure};
            failure = null;
        } else if (failure == null) {
            out = new Object[] {result};
        }
        Greenlet to = firstUnfinished(parent);
        running = null;
        to.stack.deliver(out, failure, to);
    }

    private static Greenlet firstUnfinished(Greenlet target) {
        Greenlet to = target;
        while (to.stack.state == DEAD) {
            to = to.stack.parent;
        }
        return to;
    }

    /** Gives this stack control, with a message: starts its thread, or wakes it. */
    private void deliver(Object[] args, Throwable thrown, Greenlet handle) {
        this.args = args;
        this.thrown = thrown;
        this.handle = handle;
        if (state == NEW) {
            state = ACTIVE;
            family.watch(handle, this);
            Thread t = GreenletThreads.unstarted(this);
            thread = t;
            t.start();
        } else {
            go = true;
            LockSupport.unpark(thread);
        }
    }

    private void awaitTurn() {
        boolean interrupted = false;
        while (!go) {
            LockSupport.park(this);
            // an interrupt ends park at once: remember it (for the code that runs next here), keep waiting
            interrupted |= Thread.interrupted();
        }
        go = false;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Object take() {
        Object[] in = args;
        Throwable t = thrown;
        running = handle;
        clearHandOff();
        if (t != null) {
            throw Unchecked.<RuntimeException>raise(t);
        }
        return value(in);
    }

    private void clearHandOff() {
        args = null;
        thrown = null;
        handle = null;
    }

    /** greenlet's rule: one value as itself, several as an array, none as null. */
    private static Object value(Object[] args) {
        if (args == null || args.length == 0) {
            return null;
        }
        return args.length == 1 ? args[0] : args;
    }
}
