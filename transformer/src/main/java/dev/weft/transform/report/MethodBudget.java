package dev.weft.transform.report;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.analysis.Analyzer;

/**
 * How much memory and work ASM may spend on one method, in the rewrite's analyses and in its frame
 * computation alike. javac copies every {@code finally} block onto each exit, so a legal method
 * can pass ASM's default guard against pathological input (10 MB); a build tool may spend more on
 * a real one, and a method refused by one stage's budget must not pass another's.
 */
public final class MethodBudget {
    /** Bytes of frames ASM may allocate for one method. */
    public static final int MAX_MEMORY = 1 << 30;
    /** Operations ASM may perform for one method. */
    public static final long MAX_OPERATIONS = 20_000_000_000L;

    private MethodBudget() {
    }

    /**
     * Gives {@code analyzer} this budget.
     *
     * @param analyzer an analyzer about to run
     * @param <A> its type
     * @return {@code analyzer}
     */
    public static <A extends Analyzer<?>> A of(A analyzer) {
        analyzer.setComputeLimits(MAX_MEMORY, MAX_OPERATIONS);
        return analyzer;
    }

    /**
     * Gives {@code writer} this budget for the frames it computes.
     *
     * @param writer a class writer
     */
    public static void of(ClassWriter writer) {
        writer.setComputeLimits(MAX_MEMORY, MAX_OPERATIONS);
    }
}
