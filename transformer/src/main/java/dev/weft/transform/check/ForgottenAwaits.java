package dev.weft.transform.check;

import dev.weft.transform.report.Problem;
import dev.weft.transform.report.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A forgotten {@code await}: a call that returns a {@code dev.weft.Coroutine} whose result is
 * dropped at once ({@code sayAfter(1, "hi");} instead of {@code await(sayAfter(1, "hi"));}). A
 * coroutine is lazy, so nothing of it ever runs. A warning, as C#'s CS4014 is; the callee's
 * declared return type is all it needs, so it finds calls into other classes and libraries too.
 */
public final class ForgottenAwaits {
    private static final String COROUTINE = Type.getObjectType("dev/weft/Coroutine").getDescriptor();

    private ForgottenAwaits() {
    }

    /** A warning for each call in {@code cls} whose {@code Coroutine} is discarded, in class-file order. */
    public static List<Problem> in(ClassNode cls) {
        List<Problem> warnings = new ArrayList<>();
        for (MethodNode m : cls.methods) {
            if (m.instructions == null) {
                continue;
            }
            for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn instanceof MethodInsnNode && Type.getReturnType(((MethodInsnNode) insn).desc).getDescriptor().equals(COROUTINE)
                        && nextReal(insn) != null && nextReal(insn).getOpcode() == Opcodes.POP) {
                    warnings.add(warning(cls, m, (MethodInsnNode) insn));
                }
            }
        }
        return warnings;
    }

    private static Problem warning(ClassNode cls, MethodNode m, MethodInsnNode call) {
        String callee = call.owner.substring(call.owner.lastIndexOf('/') + 1).replace('$', '.') + "." + call.name;
        return new Problem(cls.name.replace('/', '.'), cls.sourceFile, SourceLocation.display(m), SourceLocation.lineOf(call),
                "the Coroutine that " + callee + "(...) returns is discarded, so it never runs (a coroutine is lazy):"
                        + " await it, await(" + call.name + "(...)), or schedule it with createTask(" + call.name + "(...))",
                Problem.Severity.WARNING);
    }

    /** The next instruction that is not a label, line number or frame. */
    private static AbstractInsnNode nextReal(AbstractInsnNode insn) {
        AbstractInsnNode next = insn.getNext();
        while (next != null && next.getOpcode() < 0) {
            next = next.getNext();
        }
        return next;
    }
}
