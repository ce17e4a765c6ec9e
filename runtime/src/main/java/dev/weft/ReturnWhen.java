package dev.weft;

/** When {@link Weft#waitTasks} returns: Python's {@code asyncio.FIRST_COMPLETED}, {@code FIRST_EXCEPTION}, {@code ALL_COMPLETED}. */
public enum ReturnWhen {
    /** As soon as any future is done (or cancelled). */
    FIRST_COMPLETED,
    /** As soon as any future fails with an exception (not a cancellation), else when all are done. */
    FIRST_EXCEPTION,
    /** When every future is done. */
    ALL_COMPLETED
}
