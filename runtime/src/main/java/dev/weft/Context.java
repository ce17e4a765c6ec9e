package dev.weft;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Python's {@code contextvars.Context}: a mapping of {@link ContextVar}s to their values. Each
 * thread has a current context, and so has each {@link Task} while it runs (a copy of the context
 * current when it was created), and each callback scheduled on a loop (a copy of the context
 * current when it was scheduled). {@link ContextVar#set} changes the current context only: the
 * copies taken before keep what they had.
 *
 * <pre>{@code
 * Context ctx = Context.copyContext();          // a snapshot of the current context
 * ctx.run(() -> REQUEST_ID.set("req-2"));       // changes ctx only
 * REQUEST_ID.get();                             // still the value it had here
 * ctx.get(REQUEST_ID);                          // "req-2"
 * }</pre>
 *
 * <h2>Representation</h2>
 * The mapping is an immutable array of pairs, replaced on every change (copy-on-write), so a copy
 * costs one small object and never copies the pairs. A program has few context variables: a
 * lookup is a scan comparing references, and a change copies the array (Python uses a HAMT, whose
 * advantage begins at dozens of variables).
 *
 * <p>A context is not thread-safe: like Python's, it is meant to be current on one thread at a time.
 */
public final class Context {
    private static final ThreadLocal<Current> CURRENT = ThreadLocal.withInitial(Current::new);
    static final Object[] EMPTY = {};
    /** Marks a variable with no value in a context. */
    static final Object ABSENT = new Object();

    /** The current context of one thread; null until needed: the thread's own, empty context. */
    static final class Current {
        Context context;
    }

    /** Pairs var, value, var, value...; never changed once published: a change replaces the array. */
    Object[] vars;
    private boolean entered;

    /** A new, empty context: Python's {@code contextvars.Context()}. */
    public Context() {
        this(EMPTY);
    }

    private Context(Object[] vars) {
        this.vars = vars;
    }

    /**
     * A copy of the current context: Python's {@code contextvars.copy_context()}.
     *
     * @return a new context with the current context's variables and values
     */
    public static Context copyContext() {
        Context c = CURRENT.get().context;
        return new Context(c == null ? EMPTY : c.vars);
    }

    /**
     * A copy of the current context for a task or a callback of {@code loop} to run in, or null
     * for a fresh empty one: most programs set no variable, and then a copy costs nothing (the
     * holder adopts the context a {@link ContextVar#set} makes, see {@link #adopt}).
     */
    static Context lazyCopy(EventLoop loop) {
        Current current = loop.contexts != null && loop.runsOnThisThread() ? loop.contexts : CURRENT.get();
        Context c = current.context;
        return c == null || c.vars.length == 0 ? null : new Context(c.vars);
    }

    /**
     * The context a task or a callback that ran in {@code own} runs in from now on: {@code own},
     * or, if it was the lazy empty one (null), whatever a {@link ContextVar#set} made current.
     */
    static Context adopt(Context own, Current current) {
        return own != null ? own : current.context;
    }

    /** The holder of this thread's current context. */
    static Current ofThisThread() {
        return CURRENT.get();
    }

    /**
     * A copy of this context: Python's {@code Context.copy()}. Changes to either are not seen by the other.
     *
     * @return a new context with this one's variables and values
     */
    public Context copy() {
        return new Context(vars);
    }

    /**
     * Calls {@code fn} with this context current on this thread, then makes the previous one
     * current again: the {@link ContextVar#set}s that {@code fn} makes land in this context.
     * Python's {@code Context.run}.
     *
     * @param <T> the type of {@code fn}'s result
     * @param fn what to call
     * @return what {@code fn} returns
     * @throws IllegalStateException if this context is current already (in a {@code run} not yet returned)
     * @throws Exception what {@code fn} throws
     */
    public <T> T run(Callable<T> fn) throws Exception {
        Current current = CURRENT.get();
        Context outer = enter(current, fn);
        try {
            return fn.call();
        } finally {
            exit(current, outer);
        }
    }

    /**
     * {@link #run(Callable)} for a function that returns nothing.
     *
     * @param fn what to run
     * @throws IllegalStateException if this context is current already (in a {@code run} not yet returned)
     */
    public void run(Runnable fn) {
        Current current = CURRENT.get();
        Context outer = enter(current, fn);
        try {
            fn.run();
        } finally {
            exit(current, outer);
        }
    }

    private Context enter(Current current, Object fn) {
        if (fn == null) {
            throw new NullPointerException("Context.run(null): pass the function to run in the context");
        }
        if (entered) {
            throw new IllegalStateException("cannot enter context: " + this + " is already entered");
        }
        entered = true;
        Context outer = current.context;
        current.context = this;
        return outer;
    }

    private void exit(Current current, Context outer) {
        current.context = outer;
        entered = false;
    }

    /**
     * The value of {@code var} in this context, or null if it has none here (its default is not
     * looked at): Python's {@code Context.get(var)}.
     *
     * @param <T> the type of the variable's values
     * @param var the variable
     * @return its value in this context, or null
     */
    public <T> T get(ContextVar<T> var) {
        return get(var, null);
    }

    /**
     * The value of {@code var} in this context, or {@code otherwise} if it has none here: Python's
     * {@code Context.get(var, default)}.
     *
     * @param <T> the type of the variable's values
     * @param var the variable
     * @param otherwise what to return if {@code var} has no value in this context
     * @return its value in this context, or {@code otherwise}
     */
    @SuppressWarnings("unchecked")
    public <T> T get(ContextVar<T> var, T otherwise) {
        Object v = lookUp(vars, requireVar(var));
        return v == ABSENT ? otherwise : (T) v;
    }

    /**
     * Whether {@code var} has a value in this context: Python's {@code var in context}.
     *
     * @param var the variable
     * @return whether it has a value here
     */
    public boolean containsKey(ContextVar<?> var) {
        return lookUp(vars, requireVar(var)) != ABSENT;
    }

    /**
     * How many variables have a value in this context: Python's {@code len(context)}.
     *
     * @return the number of variables set in this context
     */
    public int size() {
        return vars.length / 2;
    }

    /**
     * The variables and their values, in the order they were first set: a snapshot, unmodifiable
     * (Python's {@code context.items()}).
     *
     * @return this context's variables and values
     */
    public Map<ContextVar<?>, Object> toMap() {
        Object[] a = vars;
        Map<ContextVar<?>, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < a.length; i += 2) {
            m.put((ContextVar<?>) a[i], a[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * Whether {@code other} is a context with the same variables bound to equal values (Python's {@code ==}).
     *
     * @param other what to compare with
     * @return whether both map the same variables to equal values
     */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Context && toMap().equals(((Context) other).toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "<Context " + toMap() + ">";
    }

    private static ContextVar<?> requireVar(ContextVar<?> var) {
        if (var == null) {
            throw new NullPointerException("a ContextVar was expected, got null");
        }
        return var;
    }

    // ---- the immutable pairs ----

    static Object lookUp(Object[] vars, ContextVar<?> var) {
        for (int i = 0; i < vars.length; i += 2) {
            if (vars[i] == var) {
                return vars[i + 1];
            }
        }
        return ABSENT;
    }

    /** {@code vars} with {@code var} bound to {@code value}: a new array, or {@code vars} if it is bound to that already. */
    static Object[] with(Object[] vars, ContextVar<?> var, Object value) {
        for (int i = 0; i < vars.length; i += 2) {
            if (vars[i] == var) {
                if (vars[i + 1] == value) {
                    return vars;
                }
                Object[] a = vars.clone();
                a[i + 1] = value;
                return a;
            }
        }
        Object[] a = java.util.Arrays.copyOf(vars, vars.length + 2);
        a[vars.length] = var;
        a[vars.length + 1] = value;
        return a;
    }

    /** {@code vars} without {@code var}. */
    static Object[] without(Object[] vars, ContextVar<?> var) {
        for (int i = 0; i < vars.length; i += 2) {
            if (vars[i] == var) {
                Object[] a = new Object[vars.length - 2];
                System.arraycopy(vars, 0, a, 0, i);
                System.arraycopy(vars, i + 2, a, i, vars.length - i - 2);
                return a;
            }
        }
        return vars;
    }
}
