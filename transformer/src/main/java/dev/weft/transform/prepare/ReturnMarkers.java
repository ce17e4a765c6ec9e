package dev.weft.transform.prepare;

import dev.weft.transform.find.Marker;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * {@code Generator.returning(v)} and {@code Coroutine.returning(v)} leave {@code v} for the
 * user's {@code return}; {@code done()} becomes {@code null}. The body then returns its result as
 * any method does, so a {@code finally} that suspends after the {@code return} cannot lose it.
 * Runs before the analysis, so the types it infers are those of the values really returned.
 */
public final class ReturnMarkers {
    private ReturnMarkers() {
    }

    /** Replaces the return markers of {@code method} by the value they leave for its {@code return}. */
    public static void apply(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions.toArray()) {
            Marker m = Marker.of(insn);
            if (m == null || !m.returns()) {
                continue;
            }
            AbstractInsnNode next = insn.getNext();
            if (next != null && next.getOpcode() == Opcodes.CHECKCAST) {
                method.instructions.remove(next); // a cast of the marker to Generator/Coroutine: the value is no longer one
            }
            if (m == Marker.RETURNING || m == Marker.COROUTINE_RETURNING) {
                method.instructions.remove(insn);
            } else {
                method.instructions.set(insn, new InsnNode(Opcodes.ACONST_NULL));
            }
        }
    }
}
