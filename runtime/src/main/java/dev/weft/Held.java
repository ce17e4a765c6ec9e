package dev.weft;

/**
 * What awaiting {@link Lock#acquire()}, {@link Semaphore#acquire()} or
 * {@link Condition#acquire()} gives: the acquisition, whose {@link #close()} releases it. It makes
 * Python's {@code async with lock:} a try-with-resources, which releases on every path out of the
 * block (normal end, exception, cancellation):
 *
 * <pre>{@code
 * try (Held held = await(lock.acquire())) {
 *     // the lock is held here
 * }
 * }</pre>
 *
 * <p>Each primitive hands out one {@code Held} object for all its acquisitions: {@code close()} is
 * exactly one {@code release()} of the primitive, so close it once per acquisition (as
 * try-with-resources does).
 */
public interface Held extends AutoCloseable {
    /** Releases the acquisition: {@code lock.release()} (or {@code semaphore.release()}). */
    @Override
    void close();
}
