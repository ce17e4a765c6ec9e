package dev.weft;

import java.util.Collections;
import java.util.List;

/**
 * Python's {@code BaseExceptionGroup} as raised by {@code asyncio.TaskGroup}: the errors of a
 * {@link TaskGroup}'s children (and of its own work), each as it was thrown. Unchecked. The first is
 * also the {@linkplain #getCause() cause}, and every one is {@linkplain #getSuppressed() suppressed},
 * so that a printed stack trace shows them all.
 *
 * <pre>{@code
 * try {
 *     await(withTaskGroup(tg -> { tg.createTask(a()); tg.createTask(b()); return null; }));
 * } catch (TaskGroupException eg) {
 *     for (Throwable e : eg.exceptions()) { ... }   // Python's  except* / eg.exceptions
 * }
 * }</pre>
 */
public class TaskGroupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The errors, in the order they happened; unmodifiable. */
    private final List<Throwable> exceptions;

    /**
     * A group of {@code exceptions} (not empty), in the order they happened.
     *
     * @param message what failed
     * @param exceptions the errors of the group's children and work
     */
    public TaskGroupException(String message, List<? extends Throwable> exceptions) {
        super(message + " (" + exceptions.size() + " sub-exception" + (exceptions.size() == 1 ? "" : "s") + ")",
                exceptions.isEmpty() ? null : exceptions.get(0));
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("a TaskGroupException needs at least one exception");
        }
        this.exceptions = Collections.unmodifiableList(new java.util.ArrayList<>(exceptions));
        for (Throwable e : this.exceptions) {
            if (e != this) {
                addSuppressed(e);
            }
        }
    }

    /**
     * The errors, in the order they happened (Python's {@code eg.exceptions}); unmodifiable: {@code eg.exceptions().get(0)}.
     *
     * @return every error the group collected, in the order they happened
     */
    public List<Throwable> exceptions() {
        return exceptions;
    }
}
