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

    /**
     * Whether {@code method} is rewritten as ea-async rewrote it, without {@code @Async}: it calls
     * ea-async's {@code com.ea.async.Async.await} and returns {@code CompletableFuture} (or a subclass)
     * or {@code CompletionStage}.
     */
    public static boolean isEaAsync(MethodNode method, ReturnClasses classes) {
        if (isAsync(method) || (method.access & (Opcodes.ACC_BRIDGE | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0
                || !callsEaAwait(method)) {
            return false;
        }
        MethodKind kind = MethodKind.of(method.desc, classes);
        return kind != null && kind.startsEagerly();
    }

    /** Whether {@code method} calls ea-async's {@code Async.await}. */
    public static boolean callsEaAwait(MethodNode method) {
        for (AbstractInsnNode call : markerCalls(method)) {
            if (Marker.of(call) == Marker.EA_AWAIT) {
                return true;
            }
        }
        return false;
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
