package dev.weft.transform.find;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Which methods of a class ask for the rewrite, and which call markers. */
public final class AsyncMethods {
    /** The invisible class annotation that marks a class as rewritten already. */
    public static final String REWRITTEN_DESCRIPTOR = "Ldev/weft/internal/Rewritten;";

    private AsyncMethods() {
    }

    /** Whether the class was rewritten before (the rewrite is idempotent). */
    public static boolean alreadyRewritten(ClassNode cls) {
        return has(cls.invisibleAnnotations, REWRITTEN_DESCRIPTOR) || has(cls.visibleAnnotations, REWRITTEN_DESCRIPTOR);
    }

    /**
     * Whether {@code method} is annotated {@code @Async}. A bridge method is not, even when javac
     * copies the annotation onto it (an anonymous class implementing a generic interface): the
     * bridge only calls the method that is.
     */
    public static boolean isAsync(MethodNode method) {
        if ((method.access & Opcodes.ACC_BRIDGE) != 0) {
            return false;
        }
        return has(method.invisibleAnnotations, Marker.ASYNC_DESCRIPTOR) || has(method.visibleAnnotations, Marker.ASYNC_DESCRIPTOR);
    }

    /** The marker calls in {@code method}, in code order. */
    public static List<AbstractInsnNode> markerCalls(MethodNode method) {
        List<AbstractInsnNode> calls = new ArrayList<>();
        if (method.instructions == null) {
            return calls;
        }
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (Marker.of(insn) != null) {
                calls.add(insn);
            }
        }
        return calls;
    }

    private static boolean has(List<AnnotationNode> annotations, String descriptor) {
        if (annotations == null) {
            return false;
        }
        for (AnnotationNode a : annotations) {
            if (a.desc.equals(descriptor)) {
                return true;
            }
        }
        return false;
    }
}
