package dev.weft;

/**
 * Python's {@code asyncio.Timeout}: the scope of a {@link Weft#timeout(double, java.util.function.Function)
 * timeout(...)}, handed to the work so that it can look at or move its deadline.
 *
 * <pre>{@code
 * String page = await(timeout(10, t -> fetchSlowly(t, url)));   // fetchSlowly may call t.reschedule(...)
 *
 * @Async
 * static Coroutine<String> fetchSlowly(Timeout t, String url) {
 *     String head = await(fetchHead(url));
 *     t.reschedule(t.when() + 20);                              // give the body more time
 *     return Coroutine.returning(head + await(fetchBody(url)));
 * }
 * }</pre>
 *
 * <p>A scope is entered when the {@code timeout(...)} coroutine starts, in the task awaiting it,
 * and exited when its work ends: states "active", then "expiring" once the deadline passed and the
 * task was cancelled, "expired" after that scope ended, or "finished" if it ended before its
 * deadline. Use it on its loop's thread.
 */
public final class Timeout {
    private static final byte ENTERED = 1;
    private static final byte EXPIRING = 2;
    private static final byte EXPIRED = 3;
    private static final byte EXITED = 4;

    private final EventLoop loop;
    private final Task<?> task;
    private final int cancellingAtEntry;
    /** What made the scope, {@code timeout}, {@code timeoutAt} or {@code waitFor}: for the message of the timeout. */
    private final String what;
    private byte state;
    /** null: never. */
    private Double when;
    private Handle handler;

    /** Enters the scope, in {@code task}: Python's {@code __aenter__}. */
    Timeout(EventLoop loop, Task<?> task, Double when, String what) {
        this.loop = loop;
        this.task = task;
        this.what = what;
        this.cancellingAtEntry = task.cancelling();
        this.state = ENTERED;
        reschedule(when);
    }

    /**
     * The deadline, in seconds on the loop's clock ({@link EventLoop#time()}); {@code null} if there is none.
     * For instance {@code double left = t.when() - getRunningLoop().time();}.
     *
     * @return the deadline, in seconds on the loop's clock, or null for none
     */
    public Double when() {
        return when;
    }

    /**
     * Moves the deadline to {@code when} (seconds on the loop's clock; {@code null}: never). A
     * deadline already past expires the scope in the next iteration of the loop.
     *
     * <pre>{@code
     * t.reschedule(getRunningLoop().time() + 5);   // five more seconds from now
     * t.reschedule(null);                           // no deadline any more
     * }</pre>
     *
     * @param when the new deadline, in seconds on the loop's clock, or null for none
     * @throws IllegalStateException if the scope is no longer active (expiring, expired or finished)
     */
    public void reschedule(Double when) {
        if (state != ENTERED) {
            throw new IllegalStateException("Cannot change state of " + stateName() + " Timeout");
        }
        if (when != null && when.isNaN()) {
            throw new IllegalArgumentException("Timeout.reschedule(NaN): pass a time on the loop's clock, or null for none");
        }
        this.when = when;
        if (handler != null) {
            handler.cancel();
        }
        if (when == null || when == Double.POSITIVE_INFINITY) {
            handler = null;
        } else if (when <= loop.time()) {
            handler = loop.callSoon(this::onTimeout);
        } else {
            handler = loop.callAt(when, this::onTimeout);
        }
    }

    /**
     * Whether the deadline passed while the scope was active (Python's {@code expired()}): after
     * {@code await(timeout(1, t -> { scope[0] = t; return work(); }))}, {@code scope[0].expired()}
     * tells a timeout the work swallowed from a work that finished in time.
     *
     * @return whether the deadline passed while the scope was active
     */
    public boolean expired() {
        return state == EXPIRING || state == EXPIRED;
    }

    /** Like Python's: {@code <Timeout [active] when=12.5>}, {@code <Timeout [expired]>}, {@code <Timeout [finished]>}. */
    @Override
    public String toString() {
        String info = "";
        if (state == ENTERED) {
            info = " when=" + (when == null ? "None" : String.valueOf(Math.round(when * 1000) / 1000.0));
        }
        return "<Timeout [" + stateName() + "]" + info + ">";
    }

    private String stateName() {
        switch (state) {
            case ENTERED:
                return "active";
            case EXPIRING:
                return "expiring";
            case EXPIRED:
                return "expired";
            default:
                return "finished";
        }
    }

    /** The deadline passed: cancels the task (Python's {@code _on_timeout}). */
    private void onTimeout() {
        if (state != ENTERED) {
            return;
        }
        task.cancel();
        state = EXPIRING;
        handler = null;
    }

    /**
     * Exits the scope (Python's {@code __aexit__}) with what the work raised ({@code null} if it
     * returned): gives the exception to raise instead, or {@code null} to go on as the work did.
     */
    TimeoutException exit(Throwable raised) {
        if (handler != null) {
            handler.cancel();
            handler = null;
        }
        if (state == EXPIRING) {
            state = EXPIRED;
            if (task.uncancel() <= cancellingAtEntry && raised instanceof java.util.concurrent.CancellationException) {
                return new TimeoutException(what + ": the work did not finish before its deadline (" + when
                        + " on the loop's clock) and was cancelled", raised);
            }
        } else if (state == ENTERED) {
            state = EXITED;
        }
        return null;
    }
}
