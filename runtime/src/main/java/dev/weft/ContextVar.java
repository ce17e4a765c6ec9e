package dev.weft;

import java.util.NoSuchElementException;

/**
 * Python's {@code contextvars.ContextVar}: a variable whose value belongs to the current
 * {@link Context}, so each task sees its own. A task starts with a copy of the context current
 * when it was created: what it sets, its creator and its siblings do not see.
 *
 * <pre>{@code
 * static final ContextVar<String> REQUEST_ID = new ContextVar<>("request_id", "-");
 *
 * ContextVar.Token<String> token = REQUEST_ID.set("req-1");
 * try {
 *     log(REQUEST_ID.get() + " started");       // "req-1", here and in the tasks created from here
 * } finally {
 *     REQUEST_ID.reset(token);                  // back to what it was before the set
 * }
 * }</pre>
 *
 * Declare context variables once ({@code static final}): each one is a key, compared by identity;
 * a context holds it (and its value) for as long as the context lives.
 *
 * @param <T> the type of its values
 */
public final class ContextVar<T> {
    private static final Object NO_DEFAULT = new Object();
    private final String name;
    private final Object defaultValue;

    /**
     * A variable without a default: {@link #get()} throws where it has no value.
     *
     * @param name its name, for messages
     */
    public ContextVar(String name) {
        this(NO_DEFAULT, name);
    }

    /**
     * A variable whose value is {@code defaultValue} (which may be null) where it has not been set.
     *
     * @param name its name, for messages
     * @param defaultValue its value where it has not been set
     */
    public ContextVar(String name, T defaultValue) {
        this((Object) defaultValue, name);
    }

    private ContextVar(Object defaultValue, String name) {
        if (name == null) {
            throw new NullPointerException("ContextVar(null): a context variable needs a name");
        }
        this.name = name;
        this.defaultValue = defaultValue;
    }

    /**
     * Its name.
     *
     * @return the name given at its creation
     */
    public String getName() {
        return name;
    }

    /**
     * Its value in the current context, else its default.
     *
     * @return its value
     * @throws NoSuchElementException if it has no value in the current context and no default
     *         (Python's {@code LookupError})
     */
    @SuppressWarnings("unchecked")
    public T get() {
        Object v = valueHere();
        if (v != Context.ABSENT) {
            return (T) v;
        }
        if (defaultValue != NO_DEFAULT) {
            return (T) defaultValue;
        }
        throw new NoSuchElementException(this + " has no value in the current context and no default");
    }

    /**
     * Its value in the current context, else {@code otherwise} (before its own default):
     * Python's {@code var.get(default)}.
     *
     * @param otherwise what to return if it has no value in the current context
     * @return its value, or {@code otherwise}
     */
    @SuppressWarnings("unchecked")
    public T get(T otherwise) {
        Object v = valueHere();
        return v == Context.ABSENT ? otherwise : (T) v;
    }

    private Object valueHere() {
        Context c = Context.ofThisThread().context;
        return c == null ? Context.ABSENT : Context.lookUp(c.vars, this);
    }

    /**
     * Sets its value in the current context.
     *
     * @param value its new value (null is a value)
     * @return a token that {@link #reset} takes to restore the value it had before
     */
    public Token<T> set(T value) {
        Context.Current current = Context.ofThisThread();
        Context c = current.context;
        if (c == null) {
            // the thread's own context, made on its first set
            c = new Context();
            current.context = c;
        }
        Object old = Context.lookUp(c.vars, this);
        c.vars = Context.with(c.vars, this, value);
        return new Token<>(c, this, old);
    }

    /**
     * Gives it back the value it had before the {@link #set} that returned {@code token} (or
     * none, if it had none), in the current context.
     *
     * @param token what {@link #set} returned, in this same context
     * @throws IllegalStateException if the token was used already
     * @throws IllegalArgumentException if the token comes from another variable, or from a set
     *         made in another context
     */
    public void reset(Token<T> token) {
        if (token == null) {
            throw new NullPointerException("reset(null): pass the token that set() returned");
        }
        if (token.used) {
            throw new IllegalStateException(token + " has already been used once");
        }
        if (token.var != this) {
            throw new IllegalArgumentException(token + " was created by a different ContextVar");
        }
        Context c = Context.ofThisThread().context;
        if (token.context != c) {
            throw new IllegalArgumentException(token + " was created in a different Context");
        }
        token.used = true;
        Object old = token.oldValue;
        c.vars = old == Context.ABSENT ? Context.without(c.vars, this) : Context.with(c.vars, this, old);
    }

    @Override
    public String toString() {
        return "<ContextVar name='" + name + "'" + (defaultValue != NO_DEFAULT ? " default=" + defaultValue : "") + ">";
    }

    /**
     * What {@link ContextVar#set} returns: enough to undo that set with {@link ContextVar#reset},
     * once. Closing it resets (Python 3.14's {@code with var.set(v):}):
     * {@code try (var t = REQUEST_ID.set("req-1")) { ... }}.
     *
     * @param <T> the type of the variable's values
     */
    public static final class Token<T> implements AutoCloseable {
        /** What {@link #getOldValue()} gives when the variable had no value before the set. */
        public static final Object MISSING = new Object() {
            @Override
            public String toString() {
                return "<Token.MISSING>";
            }
        };

        private final Context context;
        private final ContextVar<T> var;
        private final Object oldValue;
        private boolean used;

        Token(Context context, ContextVar<T> var, Object oldValue) {
            this.context = context;
            this.var = var;
            this.oldValue = oldValue;
        }

        /**
         * The variable that was set.
         *
         * @return the variable
         */
        public ContextVar<T> getVar() {
            return var;
        }

        /**
         * The value the variable had before the set, or {@link #MISSING} if it had none.
         *
         * @return the value before the set, or {@link #MISSING}
         */
        public Object getOldValue() {
            return oldValue == Context.ABSENT ? MISSING : oldValue;
        }

        /**
         * {@code getVar().reset(this)}.
         *
         * @throws IllegalStateException if the token was used already
         * @throws IllegalArgumentException if the current context is not the one of the set
         */
        @Override
        public void close() {
            var.reset(this);
        }

        @Override
        public String toString() {
            return "<Token" + (used ? " used" : "") + " var=" + var + ">";
        }
    }
}
