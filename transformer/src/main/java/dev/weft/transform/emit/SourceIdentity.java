package dev.weft.transform.emit;

import dev.weft.transform.analyse.SuspensionPoint;
import java.util.List;

/**
 * Who a state machine's body is, as a constant string the body returns when asked with an unknown
 * label: {@code "com.x.Foo|fetch|Foo.java|12,15,21"}, the class, the user's method name, the source
 * file, then the source line of resume point 0 (the method's first line), 1, 2, ... The runtime
 * turns it into {@code StackTraceElement}s for {@code Task.getStack()}.
 */
public final class SourceIdentity {
    private final String className;
    private final String method;
    private final String sourceFile;
    private final int firstLine;

    /** The body of {@code method} of {@code className}, from {@code sourceFile} (or null) starting at {@code firstLine}. */
    public SourceIdentity(String className, String method, String sourceFile, int firstLine) {
        this.className = className;
        this.method = method;
        this.sourceFile = sourceFile;
        this.firstLine = firstLine;
    }

    /** The constant for a body with these suspension points. */
    String describe(List<SuspensionPoint> points) {
        StringBuilder s = new StringBuilder(className).append('|').append(method).append('|')
                .append(sourceFile == null ? "" : sourceFile).append('|').append(firstLine);
        for (SuspensionPoint p : points) {
            s.append(',').append(p.line());
        }
        return s.toString();
    }
}
