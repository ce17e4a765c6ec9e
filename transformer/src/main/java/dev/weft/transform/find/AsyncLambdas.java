package dev.weft.transform.find;

import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The async lambdas of a class: lambda bodies rewritten as coroutines, without {@code @Async}.
 *
 * <p>A lambda body is the synthetic method of the class that a {@code LambdaMetafactory} call site
 * of the same class binds (javac names it {@code lambda$main$0}, ECJ {@code lambda$0}). Call sites
 * in every method count, {@code @Async} or not, so that {@code run(withTaskGroup(tg -> ...))} in a
 * plain {@code main} and a lambda inside a lambda are found too. The body is async when it
 * returns what its functional interface returns once instantiated: {@code Coroutine},
 * {@code Awaitable}, {@code CompletionStage} or {@code CompletableFuture} (or a subclass); and it calls a marker
 * (a lambda that only hands on a coroutine is left as it is).
 */
public final class AsyncLambdas {
    /** What a lambda's interface may return for the lambda to await, for messages. */
    public static final String INTERFACE_TYPES = "dev.weft.Coroutine, dev.weft.Awaitable, CompletionStage or CompletableFuture";

    private static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";
    private static final String AWAITABLE = "Ldev/weft/Awaitable;";

    private AsyncLambdas() {
    }

    /** The async lambda bodies of {@code cls} with their kinds, in class-file order. */
    public static Map<MethodNode, MethodKind> in(ClassNode cls, ReturnClasses classes) {
        Map<MethodNode, MethodKind> lambdas = new LinkedHashMap<>();
        for (MethodNode m : cls.methods) {
            if (m.instructions == null) {
                continue;
            }
            for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                MethodNode body = insn instanceof InvokeDynamicInsnNode ? bodyOf(cls, (InvokeDynamicInsnNode) insn) : null;
                MethodKind kind = body == null ? null : kindOf(body.desc, classes);
                if (kind != null && !AsyncMethods.isAsync(body) && !AsyncMethods.markerCalls(body).isEmpty()) {
                    lambdas.put(body, kind);
                }
            }
        }
        return lambdas;
    }

    /** Whether {@code m} is a lambda body by its name (javac's {@code lambda$main$0}, ECJ's {@code lambda$0}). */
    public static boolean named(MethodNode m) {
        return m.name.startsWith("lambda$");
    }

    /** The kind of a lambda body that returns what {@code descriptor} says: an {@code Awaitable} runs as a coroutine. */
    static MethodKind kindOf(String descriptor, ReturnClasses classes) {
        if (descriptor.endsWith(")" + AWAITABLE)) {
            return MethodKind.COROUTINE;
        }
        MethodKind kind = MethodKind.of(descriptor, classes);
        return kind == null || !kind.awaits() ? null : kind;
    }

    /** The synthetic method of {@code cls} that a lambda call site binds, or null. */
    private static MethodNode bodyOf(ClassNode cls, InvokeDynamicInsnNode site) {
        if (!site.bsm.getOwner().equals(METAFACTORY) || site.bsmArgs.length < 2 || !(site.bsmArgs[1] instanceof Handle)) {
            return null;
        }
        Handle target = (Handle) site.bsmArgs[1];
        if (!target.getOwner().equals(cls.name)) {
            return null;
        }
        for (MethodNode m : cls.methods) {
            if ((m.access & Opcodes.ACC_SYNTHETIC) != 0 && m.name.equals(target.getName()) && m.desc.equals(target.getDesc())
                    && Type.getReturnType(m.desc).getSort() == Type.OBJECT) {
                return m;
            }
        }
        return null;
    }
}
