package dev.weft.transform.report;

import java.util.List;
import java.util.stream.Collectors;

/** The rewrite refused a class: every {@link Problem} found in it, each with file and line. */
public final class RewriteException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public RewriteException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order of the class file. */
    public List<Problem> problems() {
        return problems;
    }
}
