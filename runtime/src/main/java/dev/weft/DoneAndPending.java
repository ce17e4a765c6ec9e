package dev.weft;

import java.util.Collections;
import java.util.Set;

/**
 * What {@link Weft#waitTasks} gives: Python's {@code (done, pending)} pair of sets, in the order the
 * futures were given.
 *
 * @param <F> the type of the futures waited for
 */
public final class DoneAndPending<F extends Future<?>> {
    private final Set<F> done;
    private final Set<F> pending;

    DoneAndPending(Set<F> done, Set<F> pending) {
        this.done = Collections.unmodifiableSet(done);
        this.pending = Collections.unmodifiableSet(pending);
    }

    /**
     * The futures that were done when the wait returned.
     *
     * @return the futures that were done when the wait ended
     */
    public Set<F> done() {
        return done;
    }

    /**
     * The futures that were not done yet.
     *
     * @return the futures that were not done yet when the wait ended
     */
    public Set<F> pending() {
        return pending;
    }

    @Override
    public String toString() {
        return "DoneAndPending[done=" + done + ", pending=" + pending + "]";
    }
}
