package dev.weft.transform.emit;

import dev.weft.transform.analyse.MethodAnalysis;
import dev.weft.transform.analyse.SavedValue;
import dev.weft.transform.find.MethodKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The new code of the user's {@code @Async} method: it makes the state object (the runtime's
 * {@code GeneratorFrame}, {@code CoroutineFrame}...), binds the body through
 * {@code invokedynamic} (a constant, allocated once per call site), saves the parameters as
 * resume point 0, and returns the state object: generators and coroutines start lazily. A method that
 * returns {@code CompletableFuture} starts its body at once and returns its result future; one that
 * returns a subclass of it hands the frame a {@code new Subclass()} to complete.
 */
public final class FactoryMethod {
    /** {@code altMetafactory}, so that the body also implements the marker {@code RewrittenBody}. */
    private static final Handle METAFACTORY = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/LambdaMetafactory",
            "altMetafactory", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                    + "[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;", false);
    private static final int FLAG_MARKERS = 2;

    private FactoryMethod() {
    }

    /**
     * Gives {@code method} (whose code the state machine took) its factory code.
     *
     * @param parameterLocals the locals of {@code method}'s original local variable table, for the parameters' names
     */
    public static void emit(String owner, boolean ownerIsInterface, MethodKind kind, MethodNode method, MethodNode body, MethodAnalysis analysis,
                            int firstLine, List<LocalVariableNode> parameterLocals) {
        boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
        int argumentSlots = (Type.getArgumentsAndReturnSizes(method.desc) >> 2) - (isStatic ? 1 : 0);
        int stateLocal = argumentSlots;
        StateSlots slots = new StateSlots(stateLocal, kind, analysis);

        InsnList code = new InsnList();
        LabelNode begin = new LabelNode();
        LabelNode end = new LabelNode();
        code.add(begin);
        if (firstLine > 0) {
            code.add(new LineNumberNode(firstLine, begin));
        }
        code.add(new TypeInsnNode(Opcodes.NEW, kind.frameClass()));
        code.add(new InsnNode(Opcodes.DUP));
        code.add(new InvokeDynamicInsnNode("resume", "()" + RuntimeAbi.BODY_DESCRIPTOR, METAFACTORY,
                Type.getMethodType("(L" + RuntimeAbi.FRAME + ";)Ljava/lang/Object;"),
                new Handle(Opcodes.H_INVOKESTATIC, owner, body.name, body.desc, ownerIsInterface),
                Type.getMethodType(body.desc), FLAG_MARKERS, 1, Type.getObjectType(RuntimeAbi.REWRITTEN_BODY)));
        code.add(StateSlots.push(analysis.refCount()));
        code.add(StateSlots.push(slots.primSlots()));
        String subclass = kind == MethodKind.COMPLETABLE_FUTURE ? MethodKind.futureSubclass(method.desc) : null;
        if (subclass != null) { // class Task<T> extends CompletableFuture<T>: the frame completes a new Task()
            code.add(new TypeInsnNode(Opcodes.NEW, subclass));
            code.add(new InsnNode(Opcodes.DUP));
            code.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, subclass, "<init>", "()V", false));
        }
        code.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, kind.frameClass(), "<init>",
                "(" + RuntimeAbi.BODY_DESCRIPTOR + "II" + (subclass == null ? "" : "Ljava/util/concurrent/CompletableFuture;") + ")V", false));
        code.add(new VarInsnNode(Opcodes.ASTORE, stateLocal));
        for (SavedValue v : analysis.entry()) {
            code.add(slots.save(v, v.local()));
        }
        code.add(new VarInsnNode(Opcodes.ALOAD, stateLocal));
        if (kind.startsEagerly()) {
            code.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, kind.frameClass(), "start", "()Ljava/util/concurrent/CompletableFuture;", false));
        }
        if (subclass != null) {
            code.add(new TypeInsnNode(Opcodes.CHECKCAST, subclass));
        }
        code.add(new InsnNode(Opcodes.ARETURN));
        code.add(end);

        method.instructions = code;
        method.maxLocals = stateLocal + 1;
        method.maxStack = 8;
        method.localVariables = parameters(parameterLocals, argumentSlots, begin, end);
    }

    /** The parameters' entries of the original local variable table, spanning the factory. */
    private static List<LocalVariableNode> parameters(List<LocalVariableNode> original, int argumentSlots, LabelNode begin, LabelNode end) {
        if (original == null) {
            return null;
        }
        List<LocalVariableNode> params = new ArrayList<>();
        BitSet seen = new BitSet();
        for (LocalVariableNode v : original) {
            if (v.index < argumentSlots && !seen.get(v.index)) {
                seen.set(v.index);
                params.add(new LocalVariableNode(v.name, v.desc, v.signature, begin, end, v.index));
            }
        }
        params.sort((a, b) -> Integer.compare(a.index, b.index));
        return params;
    }
}
