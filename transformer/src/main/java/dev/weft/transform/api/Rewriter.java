package dev.weft.transform.api;

import dev.weft.transform.analyse.ClassHierarchy;
import dev.weft.transform.report.RewriteException;
import dev.weft.transform.report.RewriteResult;
import dev.weft.transform.rewrite.ClassRewrite;

/**
 * The Weft rewrite of one class file: the single entry point that the Maven plugin, the agent
 * and the command line share, so all three produce the same bytes.
 *
 * <p>Thread-safe: one instance may rewrite many classes at once.
 */
public final class Rewriter {
    private final ClassHierarchy hierarchy;

    /** A rewriter that resolves common super classes through {@code hierarchy}. */
    public Rewriter(ClassHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /**
     * Rewrites the {@code @Async} methods of {@code classFile}.
     *
     * @return {@link RewriteResult#unchanged} for a class with nothing to rewrite (including one
     *     rewritten before), otherwise the new bytes
     * @throws RewriteException on misuse, with every problem's file and line
     * @throws IllegalArgumentException if {@code classFile} is not a class file (empty, too short,
     *     or without the 0xCAFEBABE magic) or cannot be read
     */
    public RewriteResult rewrite(byte[] classFile) throws RewriteException {
        String wrong = UnreadableClass.inHeader(classFile);
        if (wrong != null) {
            throw new IllegalArgumentException(wrong);
        }
        return ClassRewrite.of(classFile, hierarchy);
    }
}
