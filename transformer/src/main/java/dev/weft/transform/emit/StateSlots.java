package dev.weft.transform.emit;

import dev.weft.transform.analyse.MethodAnalysis;
import dev.weft.transform.analyse.SavedValue;
import dev.weft.transform.find.MethodKind;
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
 * The code that moves one value between a local slot and the state object (the runtime's
 * {@code Frame}): the first reference slot is the field {@code r0}, the first primitive slot the
 * field {@code p0}, and further slots are in the {@code Object[] more}: references at
 * {@code [k - 1]}, then one {@code long[]} of the primitives beyond the first (an async generator
 * keeps every slot in {@code more}: references at {@code [k]}, primitives in the {@code long[]}
 * after them). References are kept as they are, primitives widened to {@code long} ({@code float}
 * and {@code double} by their raw bits), so nothing is boxed. A method keeping just two primitives
 * of 32 bits keeps them in {@code p0}'s low and high halves instead, with no array.
 */
final class StateSlots {
    private static final Long LOW_HALF = 0xFFFF_FFFFL;
    private static final Long HIGH_HALF = 0xFFFF_FFFF_0000_0000L;

    private final int stateLocal;
    /** Whether slot 0 of each kind is a field ({@code r0}, {@code p0}); else every slot is in {@code more}. */
    private final boolean fieldSlots;
    /** The index in {@code more} of the {@code long[]} of primitives. */
    private final int primArray;
    /** Whether primitive slots 0 and 1 are the low and high halves of {@code p0} ({@link MethodAnalysis#twoIntsInOneSlot}). */
    private final boolean halves;
    /** How many primitive slots the frame is made with: one {@code long} for two halves. */
    private final int primSlots;

    /**
     * Code that keeps its state object in local {@code stateLocal}, for a method of {@code kind}
     * with {@code analysis}'s slots.
     */
    StateSlots(int stateLocal, MethodKind kind, MethodAnalysis analysis) {
        this.stateLocal = stateLocal;
        this.fieldSlots = kind != MethodKind.ASYNC_GENERATOR; // must match the frame classes' constructors
        this.primArray = fieldSlots ? Math.max(0, analysis.refCount() - 1) : analysis.refCount();
        this.halves = fieldSlots && analysis.twoIntsInOneSlot();
        this.primSlots = halves ? 1 : analysis.primCount();
    }

    /** How many primitive slots the frame is made with: one {@code long} for two halves. */
    int primSlots() {
        return primSlots;
    }

    /** Stores local {@code from} (holding {@code v}) into the state object. */
    InsnList save(SavedValue v, int from) {
        InsnList code = new InsnList();
        if (v.kind() == SavedValue.Kind.NULL) {
            return code;
        }
        boolean ref = v.kind() == SavedValue.Kind.REFERENCE;
        boolean half = halves && !ref;
        boolean field = fieldSlots && v.index() == 0 || half;
        code.add(new VarInsnNode(Opcodes.ALOAD, stateLocal));
        if (half) { // p0 with the other half kept
            code.add(new InsnNode(Opcodes.DUP));
            code.add(new FieldInsnNode(Opcodes.GETFIELD, RuntimeAbi.FRAME, "p0", "J"));
            code.add(new LdcInsnNode(v.index() == 0 ? HIGH_HALF : LOW_HALF));
            code.add(new InsnNode(Opcodes.LAND));
        } else if (!field) {
            code.add(slotArray(v));
        }
        code.add(new VarInsnNode(v.jvmType().getOpcode(Opcodes.ILOAD), from));
        switch (v.kind()) {
            case REFERENCE:
                break;
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
        if (half) {
            if (v.index() == 0) {
                code.add(new LdcInsnNode(LOW_HALF));
                code.add(new InsnNode(Opcodes.LAND));
            } else {
                code.add(new IntInsnNode(Opcodes.BIPUSH, 32));
                code.add(new InsnNode(Opcodes.LSHL));
            }
            code.add(new InsnNode(Opcodes.LOR));
        }
        if (field) {
            code.add(new FieldInsnNode(Opcodes.PUTFIELD, RuntimeAbi.FRAME, ref ? "r0" : "p0", ref ? "Ljava/lang/Object;" : "J"));
        } else {
            code.add(new InsnNode(ref ? Opcodes.AASTORE : Opcodes.LASTORE));
        }
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
        boolean half = halves && !ref;
        boolean field = fieldSlots && v.index() == 0 || half;
        code.add(new VarInsnNode(Opcodes.ALOAD, stateLocal));
        if (field) {
            code.add(new FieldInsnNode(Opcodes.GETFIELD, RuntimeAbi.FRAME, ref ? "r0" : "p0", ref ? "Ljava/lang/Object;" : "J"));
            if (half && v.index() == 1) {
                code.add(new IntInsnNode(Opcodes.BIPUSH, 32));
                code.add(new InsnNode(Opcodes.LUSHR)); // the L2I below takes the low half
            }
        } else {
            code.add(slotArray(v));
            code.add(new InsnNode(ref ? Opcodes.AALOAD : Opcodes.LALOAD));
        }
        switch (v.kind()) {
            case REFERENCE:
                if (!v.type().getDescriptor().equals("Ljava/lang/Object;")) {
                    code.add(new TypeInsnNode(Opcodes.CHECKCAST, v.type().getInternalName()));
                }
                break;
            case INT:
                code.add(new InsnNode(Opcodes.L2I));
                break;
            case FLOAT:
                code.add(new InsnNode(Opcodes.L2I));
                code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false));
                break;
            case DOUBLE:
                code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false));
                break;
            default:
                break;
        }
        return code;
    }

    /**
     * With the state object on the stack: the array holding {@code v}'s slot and its index there
     * ({@code more} for a reference, the {@code long[]} in {@code more} for a primitive).
     */
    private InsnList slotArray(SavedValue v) {
        InsnList code = new InsnList();
        code.add(new FieldInsnNode(Opcodes.GETFIELD, RuntimeAbi.FRAME, "more", "[Ljava/lang/Object;"));
        int index = fieldSlots ? v.index() - 1 : v.index();
        if (v.kind() != SavedValue.Kind.REFERENCE) {
            code.add(push(primArray));
            code.add(new InsnNode(Opcodes.AALOAD));
            code.add(new TypeInsnNode(Opcodes.CHECKCAST, "[J"));
        }
        code.add(push(index));
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
