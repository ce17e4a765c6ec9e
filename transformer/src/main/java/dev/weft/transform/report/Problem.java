package dev.weft.transform.report;

/**
 * One misuse the rewrite refuses (an error), or a likely mistake it reports and goes on (a
 * warning), located in the user's source: {@code File.java:12: error: in Foo.bar(): ...}; or a
 * file that cannot be read as a class, located by its path: {@code target/classes/Foo.class: error: ...}.
 */
public final class Problem {
    /** Whether the rewrite refuses the class ({@code ERROR}) or only reports it ({@code WARNING}). */
    public enum Severity {
        /** The class is refused. */
        ERROR,
        /** The class is rewritten; the build fails only when asked to fail on warnings. */
        WARNING
    }

    private final String file;
    private final String className;
    private final String sourceFile;
    private final String method;
    private final int line;
    private final String message;
    private final Severity severity;

    /**
     * A misuse of Weft in a class: an error.
     *
     * @param className the binary name of the class, with dots
     * @param sourceFile the source file as the class file records it, or {@code null}
     * @param method the method as {@code name(ParamType, ...)}, or {@code null} for the class
     * @param line the source line, or 0 when unknown
     * @param message what is wrong and what to do instead
     */
    public Problem(String className, String sourceFile, String method, int line, String message) {
        this(null, className, sourceFile, method, line, message, Severity.ERROR);
    }

    /**
     * A misuse of Weft in a class, or a likely mistake: an error or a warning.
     *
     * @param className the binary name of the class, with dots
     * @param sourceFile the source file as the class file records it, or {@code null}
     * @param method the method as {@code name(ParamType, ...)}, or {@code null} for the class
     * @param line the source line, or 0 when unknown
     * @param message what is wrong and what to do instead
     * @param severity whether the class is refused or only reported
     */
    public Problem(String className, String sourceFile, String method, int line, String message, Severity severity) {
        this(null, className, sourceFile, method, line, message, severity);
    }

    private Problem(String file, String className, String sourceFile, String method, int line, String message,
            Severity severity) {
        this.file = file;
        this.className = className;
        this.sourceFile = sourceFile;
        this.method = method;
        this.line = line;
        this.message = message;
        this.severity = severity;
    }

    /**
     * A file that cannot be read as a class (or a jar entry, as {@code lib.jar!/a/B.class}): an error.
     *
     * @param file the path of the file, as the run was given it
     * @param message what is wrong with it, such as {@code truncated class file}
     * @return the problem, with no class, method or line
     */
    public static Problem ofFile(String file, String message) {
        return new Problem(file, null, null, null, 0, message, Severity.ERROR);
    }

    /** The unreadable file or jar entry, or {@code null} for a problem in a class that was read. */
    public String file() {
        return file;
    }

    /** The binary name of the class, with dots, or {@code null} for a file that could not be read as a class. */
    public String className() {
        return className;
    }

    /** The source file as the class file records it, or {@code null}. */
    public String sourceFile() {
        return sourceFile;
    }

    /** The method, as {@code name(ParamType, ...)}, or {@code null} for a problem of the class. */
    public String method() {
        return method;
    }

    /** The source line, or 0 when the class file has no line numbers. */
    public int line() {
        return line;
    }

    /** What is wrong and what to do instead. */
    public String message() {
        return message;
    }

    /** Whether it is an error or a warning. */
    public Severity severity() {
        return severity;
    }

    /** Whether it is a warning. */
    public boolean isWarning() {
        return severity == Severity.WARNING;
    }

    /** {@code Foo.java:12: error: in com.x.Foo.bar(int): message}: the javac form, so IDEs link it. */
    @Override
    public String toString() {
        String kind = isWarning() ? "warning" : "error";
        if (file != null) {
            return file + ": " + kind + ": " + message;
        }
        String file = sourceFile == null ? className.replace('.', '/') + ".class" : packagePath() + sourceFile;
        String where = method == null ? className : className + "." + method;
        return file + ":" + line + ": " + kind + ": in " + where + ": " + message;
    }

    private String packagePath() {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot + 1).replace('.', '/');
    }
}
