package dev.weft.transform.emit;

import dev.weft.transform.analyse.SavedValue;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The code that moves one value between a local slot and the state object's {@code refs}/{@code prims}
 * (the runtime's {@code Frame}):
 * references as they are, primitives widened to {@code long} ({@code float} and {@code double}
 * by their raw bits), so nothing is boxed.
 */
final class StateSlots {
    private final int stateLocal;

    /** Code that keeps its state object in local {@code stateLocal}. */
    StateSlots(int stateLocal) {
        this.stateLocal = stateLocal;
    }

    /** Stores local {@code from} (holding {@code v}) into the state object. */
    InsnList save(SavedValue v, int from) {
        InsnList code = new InsnList();
        if (v.kind() == SavedValue.Kind.NULL) {
            return code;
        }
        boolean ref = v.kind() == SavedValue.Kind.REFERENCE;
        code.add(new VarInsnNode(Opcodes.ALOAD, stateLocal));
        code.add(new FieldInsnNode(Opcodes.GETFIELD, RuntimeAbi.FRAME, ref ? "refs" : "prims", ref ? "[Ljava/lang/Object;" : "[J"));
        code.add(push(v.index()));
        code.add(new VarInsnNode(v.jvmType().getOpcode(Opcodes.ILOAD), from));
        switch (v.kind()) {
            case REFERENCE:
                code.add(new InsnNode(Opcodes.AASTORE));
                return code;
            case INT:
                code.add(new InsnNode(Opcodes.I2L));
                break;
            case FLOAT:
                code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false));
                code.add(new InsnNode(Opcodes.I2L));
                break;
            case DOUBLE:
                code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false));
                break;
            default:
                break;
        }
        code.add(new InsnNode(Opcodes.LASTORE));
        return code;
    }

    /** Pushes the kept value {@code v} onto the operand stack, with its type. */
    InsnList load(SavedValue v) {
        InsnList code = new InsnList();
        if (v.kind() == SavedValue.Kind.NULL) {
            code.add(new InsnNode(Opcodes.ACONST_NULL));
            return code;
        }
        boolean ref = v.kind() == SavedValue.Kind.REFERENCE;
        code.add(new VarInsnNode(Opcodes.ALOAD, stateLocal));
        code.add(new FieldInsnNode(Opcodes.GETFIELD, RuntimeAbi.FRAME, ref ? "refs" : "prims", ref ? "[Ljava/lang/Object;" : "[J"));
        code.add(push(v.index()));
        switch (v.kind()) {
            case REFERENCE:
                code.add(new InsnNode(Opcodes.AALOAD));
                if (!v.type().getDescriptor().equals("Ljava/lang/Object;")) {
                    code.add(new TypeInsnNode(Opcodes.CHECKCAST, v.type().getInternalName()));
                }
                break;
            case INT:
                code.add(new InsnNode(Opcodes.LALOAD));
                code.add(new InsnNode(Opcodes.L2I));
                break;
            case FLOAT:
                code.add(new InsnNode(Opcodes.LALOAD));
                code.add(new InsnNode(Opcodes.L2I));
                code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false));
                break;
            case DOUBLE:
                code.add(new InsnNode(Opcodes.LALOAD));
                code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false));
                break;
            default:
                code.add(new InsnNode(Opcodes.LALOAD));
        }
        return code;
    }

    /** Restores the kept value {@code v} into local {@code to}. */
    InsnList restore(SavedValue v, int to) {
        InsnList code = load(v);
        code.add(new VarInsnNode(v.jvmType().getOpcode(Opcodes.ISTORE), to));
        return code;
    }

    /** The shortest instruction that pushes the int {@code value}. */
    static org.objectweb.asm.tree.AbstractInsnNode push(int value) {
        if (value >= -1 && value <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + value);
        }
        if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            return new IntInsnNode(Opcodes.BIPUSH, value);
        }
        if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            return new IntInsnNode(Opcodes.SIPUSH, value);
        }
        return new LdcInsnNode(value);
    }
}
