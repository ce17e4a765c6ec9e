package dev.weft.internal;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Python's "RuntimeWarning: coroutine '...' was never awaited", in debug mode only: while it is on
 * (system property {@code weft.debug=true}, or an event loop with {@code setDebug(true)}), each new
 * coroutine is registered with a {@link Cleaner} together with where it was created; if it is
 * collected without ever having been awaited or given to a task, that is reported: to the event
 * loop that was running on the creating thread, through its exception handler, or else on
 * {@code System.err}.
 *
 * <p>Off, it costs a coroutine's creation one read of a volatile flag, and the start of an inline
 * await one null check: the tracking record lives in the fresh frame's {@code awaiting} slot,
 * unused until the frame runs.
 */
public final class NeverAwaited implements Runnable {
    /** What the runtime plugs in: which loop a report belongs to, and how to deliver it. */
    public interface Reporter {
        /**
         * The loop running on the calling thread (the creating one), or null.
         *
         * @return the loop running on this thread, or null
         */
        Object currentLoop();

        /**
         * Delivers a report, from the cleaner's thread; returns false if the loop cannot take it
         * (closed, not running), and the report goes to {@code System.err}.
         *
         * @param loop the loop the coroutine was created under, or null
         * @param message the warning
         * @param coroutine the coroutine's name
         * @param createdAt where the coroutine was created
         * @return whether the report was taken
         */
        boolean report(Object loop, String message, String coroutine, List<StackTraceElement> createdAt);
    }

    private static final boolean FROM_PROPERTY = Boolean.getBoolean("weft.debug");
    private static volatile boolean on = FROM_PROPERTY;
    private static int debugLoops;
    private static volatile Reporter reporter;

    private final String name;
    private final List<StackTraceElement> createdAt;
    private final Object loop;
    /** Set when the coroutine is first awaited or taken by a task. */
    private volatile boolean started;

    private NeverAwaited(String name, List<StackTraceElement> createdAt, Object loop) {
        this.name = name;
        this.createdAt = createdAt;
        this.loop = loop;
    }

    /**
     * Installs where reports go (the runtime does it once).
     *
     * @param r the reporter to use
     */
    public static void install(Reporter r) {
        reporter = r;
    }

    /**
     * One more (or one fewer) event loop in debug mode; tracking is on while any is, or the system property says so.
     *
     * @param added true when a debug loop starts, false when it stops
     */
    public static synchronized void debugLoop(boolean added) {
        debugLoops = Math.max(0, debugLoops + (added ? 1 : -1));
        on = FROM_PROPERTY || debugLoops > 0;
    }

    /**
     * Whether new coroutines are tracked now.
     *
     * @return whether tracking is on
     */
    public static boolean isOn() {
        return on;
    }

    static boolean tracking() {
        return on;
    }

    /** Registers a new coroutine; the record goes in its fresh frame. */
    static NeverAwaited track(CoroutineFrame<?> frame) {
        StackTraceElement[] trace = new Throwable().getStackTrace();
        int from = 0;
        while (from < trace.length && trace[from].getClassName().startsWith("dev.weft.internal.")) {
            from++;
        }
        String name;
        StackTraceElement at = frame.location();
        if (at != null) {
            String cls = at.getClassName();
            name = cls.substring(cls.lastIndexOf('.') + 1) + "." + at.getMethodName();
        } else {
            // one of Weft's own coroutines: named after the last runtime method before the user's code
            int last = from;
            while (last + 1 < trace.length && trace[last + 1].getClassName().startsWith("dev.weft.")) {
                last++;
            }
            name = last < trace.length ? simple(trace[last]) : "<coroutine>";
        }
        Reporter r = reporter;
        List<StackTraceElement> site = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(trace).subList(from, trace.length)));
        NeverAwaited record = new NeverAwaited(name, site, r == null ? null : r.currentLoop());
        Holder.CLEANER.register(frame, record);
        return record;
    }

    private static String simple(StackTraceElement e) {
        String cls = e.getClassName();
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + e.getMethodName();
    }

    /** The coroutine started: nothing to report. */
    void started() {
        started = true;
    }

    /** Run by the cleaner when the coroutine was collected. */
    @Override
    public void run() {
        if (started) {
            return;
        }
        String message = "coroutine '" + name + "' was never awaited";
        Reporter r = reporter;
        if (loop != null && r != null) {
            try {
                if (r.report(loop, message, name, createdAt)) {
                    return;
                }
            } catch (RuntimeException e) {
                // fall back to System.err
            }
        }
        StringBuilder sb = new StringBuilder("RuntimeWarning: ").append(message)
                .append("\nCoroutine created at (most recent call first):");
        for (StackTraceElement e : createdAt) {
            sb.append("\n\tat ").append(e);
        }
        System.err.println(sb);
    }

    private static final class Holder {
        static final Cleaner CLEANER = Cleaner.create();
    }
}
