package dev.weft.transform.report;

/**
 * One misuse the rewrite refuses (an error), or a likely mistake it reports and goes on (a
 * warning), located in the user's source: {@code File.java:12: error: in Foo.bar(): ...}.
 */
public final class Problem {
    /** Whether the rewrite refuses the class ({@code ERROR}) or only reports it ({@code WARNING}). */
    public enum Severity {
        /** The class is refused. */
        ERROR,
        /** The class is rewritten; the build fails only when asked to fail on warnings. */
        WARNING
    }

    private final String className;
    private final String sourceFile;
    private final String method;
    private final int line;
    private final String message;
    private final Severity severity;

    /** An error. */
    public Problem(String className, String sourceFile, String method, int line, String message) {
        this(className, sourceFile, method, line, message, Severity.ERROR);
    }

    /** An error or a warning. */
    public Problem(String className, String sourceFile, String method, int line, String message, Severity severity) {
        this.severity = severity;
        this.className = className;
        this.sourceFile = sourceFile;
        this.method = method;
        this.line = line;
        this.message = message;
    }

    /** The binary name of the class, with dots. */
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
        String file = sourceFile == null ? className.replace('.', '/') + ".class" : packagePath() + sourceFile;
        String where = method == null ? className : className + "." + method;
        return file + ":" + line + ": " + (isWarning() ? "warning" : "error") + ": in " + where + ": " + message;
    }

    private String packagePath() {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot + 1).replace('.', '/');
    }
}
