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
        StackWalker.StackFrame caller = callerOf();
        String where = caller == null ? "a method" : caller.getClassName() + "." + caller.getMethodName()
                + (caller.getFileName() == null ? "" : " (" + caller.getFileName() + ":" + caller.getLineNumber() + ")");
        String from = caller == null ? null : locationOf(caller.getDeclaringClass());
        return new NotRewrittenError(marker + " was called in " + where
                + ", which the Weft rewrite has not transformed" + (from == null ? "" : " (its class was loaded from " + from + ")")
                + ". Annotate the method with @dev.weft.Async and run the classes rewritten:"
                + " with dev.weft:weft-maven-plugin (goals instrument and instrument-test) in the pom, Maven rewrites"
                + " target/classes in the compile phase and target/test-classes in test-compile, so run"
                + " `mvn compile exec:java` or `mvn test`, not an IDE's own build of the classes; in an IDE or on a"
                + " bare JVM add -javaagent:weft-transformer.jar to the run configuration or java command; or rewrite"
                + " the classes with java -jar weft-transformer.jar DIR|JAR.");
    }

    private static final java.util.Set<String> MARKER_CLASSES = java.util.Set.of(
            NotRewrittenError.class.getName(), Generator.class.getName(), Coroutine.class.getName(), "dev.weft.Weft",
            "dev.weft.AsyncGenerator");

    private static StackWalker.StackFrame callerOf() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(f -> !MARKER_CLASSES.contains(f.getClassName())).findFirst().orElse(null));
    }

    /** Where the class was loaded from (a directory such as an IDE's output folder, or a jar), if known. */
    private static String locationOf(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null ? null : source.getLocation().toString();
        } catch (SecurityException e) {
            return null;
        }
    }
}
