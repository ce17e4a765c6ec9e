package dev.weft.transform.analyse;

import dev.weft.transform.find.Marker;
import java.util.List;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * A place where the body suspends: the marker call, its resume label, and what must be kept
 * across it (the live locals, and the operand stack beneath the marker's argument).
 */
public final class SuspensionPoint {
    private final int label;
    private final MethodInsnNode call;
    private final Marker marker;
    private final List<SavedValue> locals;
    private final List<SavedValue> stack;
    private final int line;
    /** The static type of the marker's last argument (the value yielded or awaited), as the analysis infers it. */
    private final org.objectweb.asm.Type operand;

    SuspensionPoint(int label, MethodInsnNode call, Marker marker, List<SavedValue> locals, List<SavedValue> stack, int line,
                    org.objectweb.asm.Type operand) {
        this.operand = operand;
        this.label = label;
        this.call = call;
        this.marker = marker;
        this.locals = List.copyOf(locals);
        this.stack = List.copyOf(stack);
        this.line = line;
    }

    /**
     * The static type of the marker's last argument (for {@code Generator.yield(v)}, of {@code v}):
     * {@code Lnull;} for {@code null}, {@code null} when unknown.
     */
    public org.objectweb.asm.Type operand() {
        return operand;
    }

    /** The resume label: 1 for the first suspension point in code order. */
    public int label() {
        return label;
    }

    /** The marker call in the method's code. */
    public MethodInsnNode call() {
        return call;
    }

    public Marker marker() {
        return marker;
    }

    /** Live locals, in slot order. */
    public List<SavedValue> locals() {
        return locals;
    }

    /** The operand stack beneath the marker's argument, bottom first. */
    public List<SavedValue> stack() {
        return stack;
    }

    /** The source line of the marker, or 0. */
    public int line() {
        return line;
    }
}
