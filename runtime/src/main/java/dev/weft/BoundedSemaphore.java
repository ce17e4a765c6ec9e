package dev.weft;

/**
 * Python's {@code asyncio.BoundedSemaphore}: a {@link Semaphore} that refuses to be released more
 * times than it was acquired, a sign of a bug.
 *
 * <pre>{@code
 * BoundedSemaphore sem = new BoundedSemaphore(2);
 * try (Held held = await(sem.acquire())) { ... }
 * sem.release(); // IllegalStateException: released too many times
 * }</pre>
 */
public final class BoundedSemaphore extends Semaphore {
    private final int bound;

    /** A bounded semaphore with one permit: {@code new BoundedSemaphore()}. */
    public BoundedSemaphore() {
        this(1);
    }

    /**
     * A bounded semaphore with {@code value} permits, which is also the most it can have.
     *
     * <pre>{@code
     * BoundedSemaphore sem = new BoundedSemaphore(3);
     * }</pre>
     *
     * @param value the initial and highest count of permits
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public BoundedSemaphore(int value) {
        super(value);
        this.bound = value;
    }

    /**
     * Gives a permit back, as {@link Semaphore#release()}.
     *
     * <pre>{@code
     * sem.release();
     * }</pre>
     *
     * @throws IllegalStateException if that would make more permits than the initial value
     *     (Python's ValueError)
     */
    @Override
    public void release() {
        checkLoop("BoundedSemaphore.release");
        if (value >= bound) {
            throw new IllegalStateException("BoundedSemaphore released too many times");
        }
        super.release();
    }
}
