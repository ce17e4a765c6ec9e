package dev.weft.transform.api;

import dev.weft.transform.report.Problem;
import java.util.List;

/**
 * What a {@link BatchRewriter} run did: how many methods and classes it rewrote, how many class
 * files it read, how many it passed over as unchanged since the last run, and every problem it
 * found in any class.
 */
public final class BatchResult {
    private final int methods;
    private final int classes;
    private final int scanned;
    private final int upToDate;
    private final List<Problem> problems;
    private final List<Problem> warnings;

    BatchResult(int methods, int classes, int scanned, int upToDate, List<Problem> problems, List<Problem> warnings) {
        this.warnings = List.copyOf(warnings);
        this.methods = methods;
        this.classes = classes;
        this.scanned = scanned;
        this.upToDate = upToDate;
        this.problems = List.copyOf(problems);
    }

    /** The number of methods rewritten. */
    public int methods() {
        return methods;
    }

    /** The number of classes rewritten. */
    public int classes() {
        return classes;
    }

    /** The number of class files read and handed to the rewrite. */
    public int scanned() {
        return scanned;
    }

    /** The number of class files not read because they had not changed since the last successful run. */
    public int upToDate() {
        return upToDate;
    }

    /** Every problem of every class, in the order the classes were visited (sorted by path). */
    public List<Problem> problems() {
        return problems;
    }

    /** Every warning (a forgotten {@code await}, ...) of every class, refused or not; they refuse nothing. */
    public List<Problem> warnings() {
        return warnings;
    }

    /** Whether any class was refused. */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** {@code Weft: rewrote N methods in M classes (K classes scanned)}, plus the up-to-date count when there is one. */
    public String summary() {
        String extra = upToDate == 0 ? "" : ", " + upToDate + " unchanged since the last run";
        return "Weft: rewrote " + methods + " methods in " + classes + " classes (" + scanned + " classes scanned" + extra + ")";
    }

    @Override
    public String toString() {
        return summary() + (problems.isEmpty() ? "" : ", " + problems.size() + " problems")
                + (warnings.isEmpty() ? "" : ", " + warnings.size() + " warnings");
    }
}
