package dev.weft.transform.find;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * The calls that the rewrite recognises in user code: the static markers of
 * {@code dev.weft.Generator}. Suspension markers become resume points; return markers become
 * the completion of the state machine.
 */
public enum Marker {
    /** {@code Generator.yield(Object)}: suspends, evaluates to the value sent in. */
    YIELD("yield", "(Ljava/lang/Object;)Ljava/lang/Object;", true),
    /** {@code Generator.yieldFrom(Generator)}: delegates, evaluates to the subgenerator's return value. */
    YIELD_FROM("yieldFrom", "(Ldev/weft/Generator;)Ljava/lang/Object;", true),
    /** {@code Generator.yieldFrom(Iterable)}: yields every element. */
    YIELD_FROM_ITERABLE("yieldFrom", "(Ljava/lang/Iterable;)V", true),
    /** {@code Generator.returning(Object)}: the generator's return value. */
    RETURNING("returning", "(Ljava/lang/Object;)Ldev/weft/Generator;", false),
    /** {@code Generator.done()}: returns without a value. */
    DONE("done", "()Ldev/weft/Generator;", false);

    /** The class that declares the generator markers. */
    public static final String GENERATOR = "dev/weft/Generator";
    /** The annotation that asks for the rewrite. */
    public static final String ASYNC_DESCRIPTOR = "Ldev/weft/Async;";

    private final String methodName;
    private final String descriptor;
    private final boolean suspends;

    Marker(String methodName, String descriptor, boolean suspends) {
        this.methodName = methodName;
        this.descriptor = descriptor;
        this.suspends = suspends;
    }

    /** Whether the body suspends here (a resume point follows). */
    public boolean suspends() {
        return suspends;
    }

    /** How the user writes it, for messages. */
    public String sourceName() {
        return "Generator." + methodName;
    }

    /** The marker that {@code insn} calls, or {@code null} if it is no marker. */
    public static Marker of(AbstractInsnNode insn) {
        if (insn.getOpcode() != Opcodes.INVOKESTATIC) {
            return null;
        }
        MethodInsnNode call = (MethodInsnNode) insn;
        if (!call.owner.equals(GENERATOR)) {
            return null;
        }
        for (Marker m : values()) {
            if (m.methodName.equals(call.name) && m.descriptor.equals(call.desc)) {
                return m;
            }
        }
        return null;
    }
}
