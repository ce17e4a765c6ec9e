package dev.weft;

import java.util.Objects;

/**
 * A stackful coroutine with explicit switching, as Python's {@code greenlet}: a whole call stack
 * that runs until it {@linkplain #switchTo(Object...) switches} to another greenlet, and resumes
 * where it stopped when some greenlet switches back to it. No rewrite is involved: any method may
 * switch, however deep in the stack, {@code @Async} or not, including a callback called by a
 * library you cannot annotate.
 *
 * <pre>{@code
 * static Greenlet gr1, gr2;
 * gr1 = new Greenlet(() -> { System.out.println(1.1); gr2.switchTo(); System.out.println(1.2); gr2.switchTo(); return null; });
 * gr2 = new Greenlet(() -> { System.out.println(2.1); gr1.switchTo(); System.out.println(2.2); return null; });
 * gr1.switchTo();                       // prints 1.1, 2.1, 1.2, 2.2
 * }</pre>
 *
 * <h2>Families, parents, values</h2>
 * Every thread has a main greenlet ({@link #current()} outside any greenlet): it and the
 * greenlets created while one of them ran form a family, and exactly one greenlet of a family
 * runs at any time; a switch to a greenlet of another thread's family throws
 * {@link IllegalStateException}. A greenlet's parent (by default the greenlet that created it)
 * receives what it returns, or the exception that escapes it, as if the greenlet had switched to
 * it; a {@link GreenletExit} that escapes is returned to the parent as a value. A switch to a
 * finished greenlet goes to its parent instead. Values travel as greenlet's do: a switch with one
 * argument passes it as is, with several passes them as an {@code Object[]}, with none passes
 * {@code null}; the first switch into a greenlet passes them to its {@link RunWith} body. (An
 * {@code Object[]} argument is spread by Java's varargs: write {@code switchTo((Object) array)} to
 * pass it as one value.) Checked exceptions pass through switches unwrapped and undeclared.
 *
 * <h2>Threads: the design and its cost</h2>
 * The JVM cannot save and restore a call stack, so each greenlet runs on a thread of its own,
 * started by its first switch and ended when it finishes, and a switch is a strict hand-off: the
 * switching thread wakes the target's ({@link java.util.concurrent.locks.LockSupport#unpark}) and
 * parks until it is handed control back. No monitor is held while waiting, so no lock is needed
 * between greenlets of a family, as none is between Python's. On Java 21 and later the threads
 * are virtual (a few hundred bytes of stack, parked without holding an OS thread); on Java 11 to
 * 20 they are daemon platform threads (each reserves a full thread stack, and the OS schedules
 * every switch). They are named {@code weft-greenlet-N}; {@code -Dweft.greenlet.threads=platform}
 * forces platform threads. A switch costs a thread wake-up, microseconds rather than greenlet's
 * tens of nanoseconds (see {@code benchmarks/RESULTS.md}); thread-local variables are per greenlet.
 *
 * <h2>Greenlets thrown away</h2>
 * A greenlet that started and was left unfinished still has a thread, parked. Once nothing refers
 * to its {@code Greenlet} any more, a {@link java.lang.ref.Cleaner} finds it, and
 * {@link GreenletExit} is raised in it (its parent, for that time, the greenlet that kills it), so
 * its {@code finally} blocks run and its thread ends: at the family's next greenlet call
 * ({@code current()}, a switch, a new greenlet), or at once if the family's thread has ended. An
 * exception other than {@code GreenletExit} that escapes it then is printed to standard error.
 * Unlike Python's collector, the JVM's takes every live thread's stack as a root: a greenlet that
 * a suspended greenlet refers to (its parent; the greenlet it switched to; any local) stays
 * reachable, so suspended greenlets that refer to each other, or one whose own stack holds its
 * {@code current()}, are never collected. End those with {@link #throwIn()}.
 */
public final class Greenlet {

    /** The body of a greenlet that takes no value. */
    @FunctionalInterface
    public interface Run {
        /**
         * Runs the greenlet.
         *
         * @return the value passed to the parent when the greenlet finishes
         * @throws Exception anything: it goes to the parent
         */
        Object run() throws Exception;
    }

    /** The body of a greenlet that takes the value of the switch that starts it. */
    @FunctionalInterface
    public interface RunWith {
        /**
         * Runs the greenlet.
         *
         * @param value what the first switch into it passed (one value, an {@code Object[]}, or null)
         * @return the value passed to the parent when the greenlet finishes
         * @throws Exception anything: it goes to the parent
         */
        Object run(Object value) throws Exception;
    }

    final GreenletStack stack;

    /**
     * A greenlet whose parent is the current greenlet. It starts at the first switch into it,
     * which must pass no value.
     *
     * @param run its body
     * @throws NullPointerException if {@code run} is null
     */
    public Greenlet(Run run) {
        this(run, null);
    }

    /**
     * A greenlet with the given parent. It starts at the first switch into it, which must pass
     * no value (or the body raises {@link IllegalArgumentException}, in the greenlet).
     *
     * @param run its body
     * @param parent its parent; null for the current greenlet
     * @throws NullPointerException if {@code run} is null
     * @throws IllegalArgumentException if the parent belongs to another thread's family
     */
    public Greenlet(Run run, Greenlet parent) {
        this((Object) Objects.requireNonNull(run, "run"), parent);
    }

    /**
     * A greenlet whose parent is the current greenlet, and whose body receives the value of the
     * first switch into it.
     *
     * @param run its body
     * @throws NullPointerException if {@code run} is null
     */
    public Greenlet(RunWith run) {
        this(run, null);
    }

    /**
     * A greenlet with the given parent, whose body receives the value of the first switch into it.
     *
     * @param run its body
     * @param parent its parent; null for the current greenlet
     * @throws NullPointerException if {@code run} is null
     * @throws IllegalArgumentException if the parent belongs to another thread's family
     */
    public Greenlet(RunWith run, Greenlet parent) {
        this((Object) Objects.requireNonNull(run, "run"), parent);
    }

    private Greenlet(Object body, Greenlet parent) {
        GreenletStack current = running();
        Greenlet p = parent == null ? current.running : parent;
        if (p.stack.family != current.family) {
            throw new IllegalArgumentException("parent cannot be on a different thread");
        }
        stack = new GreenletStack(current.family, body, p);
    }

    /** A main greenlet, or a new handle on a greenlet whose last one was collected. */
    Greenlet(GreenletStack stack) {
        this.stack = stack;
    }

    /**
     * The greenlet running now: the one whose code calls this, or the thread's main greenlet
     * outside any greenlet.
     *
     * @return the current greenlet
     */
    public static Greenlet current() {
        return running().running;
    }

    /** The running stack, after it has ended the greenlets its family threw away. */
    private static GreenletStack running() {
        GreenletStack current = GreenletStack.current();
        current.family.reapAbandoned(current);
        return current;
    }

    /**
     * Switches to this greenlet: starts it (passing {@code args} to its body), or resumes it
     * where it switched away (its switch returns {@code args}); if it has finished, switches to
     * its parent instead. The current greenlet waits here until a greenlet switches back to it.
     *
     * @param args what to pass: one value as is, several as an array, none as null
     * @return what the switch back passed, or the value returned by a child that finished
     * @throws IllegalStateException if this greenlet belongs to another thread's family
     */
    public Object switchTo(Object... args) {
        return running().switchTo(checked(), args, null);
    }

    /**
     * Raises {@code error} in this greenlet at the point where it switched away (at its start
     * if it has not started: it then finishes at once without running its body). If it does not
     * catch it, the greenlet finishes and the error goes to its parent. Throwing into a finished
     * greenlet raises the error in its parent (a {@link GreenletExit} there comes back as a value).
     *
     * @param error what to raise
     * @return what the next switch back to the current greenlet passes
     * @throws NullPointerException if {@code error} is null
     * @throws IllegalStateException if this greenlet belongs to another thread's family
     */
    public Object throwIn(Throwable error) {
        Objects.requireNonNull(error, "error");
        return running().switchTo(checked(), null, error);
    }

    /**
     * Raises a new {@link GreenletExit} in this greenlet: the way to end it early. If it lets it
     * escape, it finishes and its parent's switch returns the {@code GreenletExit}.
     *
     * @return what the next switch back to the current greenlet passes
     * @throws IllegalStateException if this greenlet belongs to another thread's family
     */
    public Object throwIn() {
        return throwIn(new GreenletExit());
    }

    private Greenlet checked() {
        if (stack.family != GreenletStack.current().family) {
            throw new IllegalStateException("cannot switch to a different thread");
        }
        return this;
    }

    /**
     * The greenlet that receives this one's result or exception when it finishes.
     *
     * @return the parent, or null for a main greenlet
     */
    public Greenlet parent() {
        return stack.parent;
    }

    /**
     * Makes {@code parent} this greenlet's parent, started or not.
     *
     * @param parent the new parent, a greenlet of the same thread's family
     * @throws NullPointerException if {@code parent} is null
     * @throws IllegalStateException if this is a main greenlet, which has no parent
     * @throws IllegalArgumentException if {@code parent} belongs to another thread's family, or
     *     has this greenlet among its ancestors ("cyclic parent chain")
     */
    public void setParent(Greenlet parent) {
        Objects.requireNonNull(parent, "parent must be a greenlet");
        if (stack.isMain()) {
            throw new IllegalStateException("cannot set the parent of a main greenlet");
        }
        if (parent.stack.family != stack.family) {
            throw new IllegalArgumentException("parent cannot be on a different thread");
        }
        for (Greenlet p = parent; p != null; p = p.stack.parent) {
            if (p.stack == stack) {
                throw new IllegalArgumentException("cyclic parent chain");
            }
        }
        stack.parent = parent;
    }

    /**
     * Whether this greenlet has finished: returned, or let an exception escape. A main greenlet is
     * dead once its thread has ended.
     *
     * @return true if it has finished
     */
    public boolean dead() {
        return stack.isMain() ? !stack.family.home.isAlive() : stack.finished();
    }

    /**
     * Whether this greenlet has been switched into (and so has a thread); stays true once it has
     * finished. Python's {@code bool(g)} is {@code started() && !dead()}.
     *
     * @return true once it has started; always true for a main greenlet
     */
    public boolean started() {
        return !stack.isNew();
    }

    /**
     * Describes the greenlet as greenlet's {@code repr} does: main or not, and pending, current,
     * suspended or dead.
     *
     * @return for instance {@code Greenlet[weft-greenlet-3, suspended]}
     */
    @Override
    public String toString() {
        Thread t = stack.thread;
        String name = stack.isMain() ? "main " + stack.family.home.getName() : t == null ? "" : t.getName();
        String state;
        if (dead()) {
            state = "dead";
        } else if (!started()) {
            state = "pending";
        } else {
            state = t == Thread.currentThread() ? "current" : "suspended";
        }
        return "Greenlet[" + (name.isEmpty() ? "" : name + ", ") + state + "]";
    }
}
