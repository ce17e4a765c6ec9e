package dev.weft.transform.report;

import java.util.List;

/** What the rewrite did with one class file. */
public final class RewriteResult {
    private final String className;
    private final byte[] bytes;
    private final List<RewrittenMethod> methods;
    private final List<Problem> warnings;

    private RewriteResult(String className, byte[] bytes, List<RewrittenMethod> methods, List<Problem> warnings) {
        this.className = className;
        this.bytes = bytes;
        this.methods = List.copyOf(methods);
        this.warnings = List.copyOf(warnings);
    }

    /** The same result, with {@code found} as its warnings. */
    public RewriteResult withWarnings(List<Problem> found) {
        return found.isEmpty() ? this : new RewriteResult(className, bytes, methods, found);
    }

    /** The warnings about the class (a forgotten {@code await}, ...): it was rewritten (or needed nothing) all the same. */
    public List<Problem> warnings() {
        return warnings;
    }

    /** The class needs no rewrite (no {@code @Async} method, or already rewritten). */
    public static RewriteResult unchanged(String className) {
        return new RewriteResult(className, null, List.of(), List.of());
    }

    /** The class was rewritten into {@code bytes}. */
    public static RewriteResult rewritten(String className, byte[] bytes, List<RewrittenMethod> methods) {
        return new RewriteResult(className, bytes, methods, List.of());
    }

    /** Whether the class was rewritten. */
    public boolean changed() {
        return bytes != null;
    }

    /** The binary name of the class, with dots; {@code null} when unknown (not parsed). */
    public String className() {
        return className;
    }

    /** The rewritten class file; {@code null} when unchanged. */
    public byte[] bytes() {
        return bytes;
    }

    /** The methods that were rewritten, in class-file order. */
    public List<RewrittenMethod> methods() {
        return methods;
    }
}
