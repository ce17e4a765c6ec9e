package dev.weft.internal;

/**
 * The body of a rewritten {@code @Async} method, compiled into a synthetic static method of the
 * user's class and bound to this interface by {@code invokedynamic}.
 *
 * <p>{@link #resume} runs the body from the frame's resume point until the next suspension point,
 * where it saves its live values and returns {@link Frame#SUSPEND}, or to its end.
 */
@FunctionalInterface
public interface Body {
    /**
     * Runs the body from {@code frame.label} to its next suspension point or its end.
     *
     * @param frame the frame holding the method's state
     * @return {@link Frame#SUSPEND} when suspended, otherwise the value of the body's
     *     {@code return}: the generator's return value or the coroutine's result
     */
    Object resume(Frame frame);
}
