package dev.weft.internal;

/**
 * The await chain in an exception's stack trace, as Python's traceback shows it. A coroutine frame
 * that awaits is not on the thread's stack while its callee runs (the chain is driven at its
 * innermost frame), so an exception thrown three awaits deep would show only the innermost
 * method. As the exception leaves a frame for the frame that awaited it, {@link #passUp} inserts
 * the awaiting frame, at the line of its {@code await}, just above the driver's own frame
 * ({@code CoroutineFrame.drive}): the trace then reads innermost first, each awaiting frame once,
 * then the real frames of the loop and of {@code run}.
 *
 * <p>Only the exception path pays: nothing here runs unless a frame ended by raising. An
 * exception is changed only while its trace continues the chain it leaves: the frame just above the
 * driver must be the frame the exception leaves (its real frame, or the one inserted for it).
 * So an exception made elsewhere and shared (a failed task's exception raised in every awaiter,
 * a preallocated one, one without a writable stack trace) is left as it is.
 */
final class AwaitTrace {
    /** The JVM's default {@code MaxJavaStackTraceDepth}: a longer chain keeps its first frames only. */
    static final int MAX_DEPTH = 1024;
    private static final String DRIVER = CoroutineFrame.class.getName();

    private AwaitTrace() {
    }

    /**
     * {@code raised} leaves {@code from} for {@code to}, the frame that awaited it: inserts where
     * {@code to} is suspended, if {@code raised}'s trace continues the chain at {@code from}.
     *
     * @return whether the trace was extended; if not, later frames of the chain will not be either
     */
    static boolean passUp(Throwable raised, CoroutineFrame<?> from, CoroutineFrame<?> to) {
        StackTraceElement[] trace = raised.getStackTrace();
        if (trace.length == 0 || trace.length >= MAX_DEPTH) {
            return false;
        }
        int driver = driverIndex(trace);
        if (driver <= 0) {
            return false;
        }
        StackTraceElement left = from.location();
        StackTraceElement awaiting = to.location();
        if (left == null || awaiting == null || !sameMethod(trace[driver - 1], left)) {
            return false;
        }
        StackTraceElement[] longer = new StackTraceElement[trace.length + 1];
        System.arraycopy(trace, 0, longer, 0, driver);
        longer[driver] = awaiting;
        System.arraycopy(trace, driver, longer, driver + 1, trace.length - driver);
        raised.setStackTrace(longer);
        return true;
    }

    /** The index of the driver's frame that ran the innermost body, or -1. */
    private static int driverIndex(StackTraceElement[] trace) {
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getMethodName().equals("drive") && trace[i].getClassName().equals(DRIVER)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code real} is a frame of the method {@code location} names (a body renamed for an overload ends in {@code $n}). */
    private static boolean sameMethod(StackTraceElement real, StackTraceElement location) {
        if (!real.getClassName().equals(location.getClassName())) {
            return false;
        }
        String name = real.getMethodName();
        String method = location.getMethodName();
        return name.equals(method) || name.startsWith(method + "$") && name.indexOf('$', method.length() + 1) < 0;
    }
}
