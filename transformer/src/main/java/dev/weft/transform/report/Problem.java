package dev.weft.transform.report;

/**
 * One misuse the rewrite refuses, located in the user's source: {@code File.java:12: in Foo.bar(): ...}.
 */
public final class Problem {
    private final String className;
    private final String sourceFile;
    private final String method;
    private final int line;
    private final String message;

    public Problem(String className, String sourceFile, String method, int line, String message) {
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

    /** {@code Foo.java:12: error: in com.x.Foo.bar(int): message}: the javac form, so IDEs link it. */
    @Override
    public String toString() {
        String file = sourceFile == null ? className.replace('.', '/') + ".class" : packagePath() + sourceFile;
        String where = method == null ? className : className + "." + method;
        return file + ":" + line + ": error: in " + where + ": " + message;
    }

    private String packagePath() {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot + 1).replace('.', '/');
    }
}
