package dev.weft.transform.verify;

import dev.weft.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Drives a generator from the corpus programs (compiled in memory, they call these statically)
 * and prints what happened, so each case's expected output is one readable string.
 */
public final class Drive {
    private Drive() {
    }

    /** Every value, by for-each. */
    public static List<Object> values(Generator<?, ?, ?> g) {
        List<Object> out = new ArrayList<>();
        for (Object v : g) {
            out.add(v);
        }
        return out;
    }

    /** Every value, then {@code -> } and the return value. */
    public static String all(Generator<?, ?, ?> g) {
        List<Object> v = values(g);
        return v + " -> " + g.returnValue();
    }

    /**
     * Runs a script: {@code "next"}, {@code "close"}, a {@link Throwable} (thrown in), or any other
     * value (sent). Prints each step's outcome separated by spaces: the value yielded,
     * {@code closed}, or {@code !SimpleName} for an exception (with {@code :message} for the
     * program's own exceptions, not the runtime's wording); {@code !StopIteration} for
     * {@code NoSuchElementException}.
     */
    @SuppressWarnings("unchecked")
    public static String script(Generator<?, ?, ?> gen, Object... ops) {
        Generator<Object, Object, Object> g = (Generator<Object, Object, Object>) gen;
        StringJoiner out = new StringJoiner(" ");
        for (Object op : ops) {
            try {
                if ("next".equals(op)) {
                    out.add(String.valueOf(g.next()));
                } else if ("close".equals(op)) {
                    g.close();
                    out.add("closed");
                } else if (op instanceof Throwable) {
                    out.add(String.valueOf(g.throwIn((Throwable) op)));
                } else {
                    out.add(String.valueOf(g.send(op)));
                }
            } catch (java.util.NoSuchElementException e) {
                out.add("!StopIteration");
            } catch (Throwable e) {
                out.add(describe(e));
            }
        }
        return out.toString();
    }

    /** {@code !SimpleName}, and {@code :message} unless it is one of the runtime's protocol errors. */
    public static String describe(Throwable e) {
        boolean runtimeWording = e instanceof IllegalStateException || e instanceof dev.weft.GeneratorExit;
        return "!" + e.getClass().getSimpleName() + (runtimeWording || e.getMessage() == null ? "" : ":" + e.getMessage());
    }
}
