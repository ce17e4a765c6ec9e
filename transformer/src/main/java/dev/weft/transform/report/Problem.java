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
    private final boolean lineInBody;
    private final String sourcePath;

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
        this(file, className, sourceFile, method, line, message, severity, false, null);
    }

    private Problem(String file, String className, String sourceFile, String method, int line, String message,
            Severity severity, boolean lineInBody, String sourcePath) {
        this.lineInBody = lineInBody;
        this.sourcePath = sourcePath;
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

    /**
     * A refusal of a method's declaration (its modifiers, its return type), which the class file
     * cannot place: {@code line} is the body's first line, and {@link #lineIsInBody()} says so,
     * so that whoever has the source can move it up to the declaration.
     */
    static Problem ofDeclaration(String className, String sourceFile, String method, int line, String message) {
        return new Problem(null, className, sourceFile, method, line, message, Severity.ERROR, true, null);
    }

    /**
     * The same problem, located in the source file at {@code path} (as the compiler was given it,
     * such as an absolute path) and {@code line}, the declaration's line for a refusal of one.
     *
     * @param path the source file's path, printed in place of the package's folders and the file name
     * @param line the line in that file
     * @return the problem so located
     */
    public Problem inSource(String path, int line) {
        return new Problem(file, className, sourceFile, method, line, message, severity, false, path);
    }

    /** Whether the problem is about a method's declaration but its line is the body's first, the class file knowing no other. */
    public boolean lineIsInBody() {
        return lineInBody;
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
        String file = sourcePath != null ? sourcePath
                : sourceFile == null ? className.replace('.', '/') + ".class" : packagePath() + sourceFile;
        String where = method == null ? className : className + "." + method;
        return file + ":" + line + ": " + kind + ": in " + where + ": " + message;
    }

    /** {@code com/x/Foo.java}: where the source file is under a source root, or {@code null} when the class file does not say. */
    public String sourcePathInRoot() {
        return sourceFile == null || className == null ? null : packagePath() + sourceFile;
    }

    private String packagePath() {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot + 1).replace('.', '/');
    }
}
