package dev.weft;

/**
 * Thrown when a Weft marker ({@code Generator.yield}, {@code Generator.yieldFrom},
 * {@code Generator.returning}, ...) runs in code that the Weft rewrite did not transform.
 *
 * <p>It never blocks and never answers wrongly: the message names the method and how to enable
 * the rewrite, with the {@code weft-maven-plugin} in the build or
 * {@code -javaagent:weft-transformer.jar} on the command line.
 */
public class NotRewrittenError extends Error {
    private static final long serialVersionUID = 1L;

    /**
     * An error with the given explanation.
     *
     * @param message which Weft call was reached, and how to fix it
     */
    public NotRewrittenError(String message) {
        super(message);
    }

    /** The error for {@code marker} reached in the method that called it. */
    static NotRewrittenError reached(String marker) {
        StackTraceElement caller = callerOf();
        String where = caller == null ? "a method" : caller.getClassName() + "." + caller.getMethodName()
                + (caller.getFileName() == null ? "" : " (" + caller.getFileName() + ":" + caller.getLineNumber() + ")");
        return new NotRewrittenError(marker + " was called in " + where
                + ", which the Weft rewrite has not transformed. Annotate the method with @dev.weft.Async and"
                + " enable the rewrite: add dev.weft:weft-maven-plugin (goals instrument and instrument-test) to"
                + " the build, or run the JVM with -javaagent:weft-transformer.jar, or rewrite the classes with"
                + " java -jar weft-transformer.jar DIR|JAR.");
    }

    private static final java.util.Set<String> MARKER_CLASSES = java.util.Set.of(
            NotRewrittenError.class.getName(), Generator.class.getName(), Coroutine.class.getName(), "dev.weft.Weft");

    private static StackTraceElement callerOf() {
        StackTraceElement[] trace = new Throwable().getStackTrace();
        for (StackTraceElement e : trace) {
            if (!MARKER_CLASSES.contains(e.getClassName())) {
                return e;
            }
        }
        return null;
    }
}
