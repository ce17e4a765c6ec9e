package dev.weft.transform.analyse;

import org.objectweb.asm.Type;

/**
 * One value kept across a suspension point: a live local or a value on the operand stack, and
 * the slot of the frame's {@code refs} or {@code prims} it is kept in.
 */
public final class SavedValue {
    /** How a value is kept: references as they are, primitives widened to {@code long}, {@code null} not at all. */
    public enum Kind {
        REFERENCE, INT, FLOAT, LONG, DOUBLE,
        /** Known to be {@code null}: restored as a constant, nothing kept. */
        NULL
    }

    private final Kind kind;
    private final Type type;
    private final int local;
    private final int index;

    SavedValue(Kind kind, Type type, int local, int index) {
        this.kind = kind;
        this.type = type;
        this.local = local;
        this.index = index;
    }

    public Kind kind() {
        return kind;
    }

    /** The verifier type (for references, what to cast to on restore). */
    public Type type() {
        return type;
    }

    /** The local slot, or -1 for a value on the operand stack. */
    public int local() {
        return local;
    }

    /** The index in {@code refs} (references) or {@code prims} (primitives); -1 for {@link Kind#NULL}. */
    public int index() {
        return index;
    }

    /** The opcode-relevant JVM type: {@code Type.INT_TYPE} for all int-like values. */
    public Type jvmType() {
        switch (kind) {
            case INT:
                return Type.INT_TYPE;
            case FLOAT:
                return Type.FLOAT_TYPE;
            case LONG:
                return Type.LONG_TYPE;
            case DOUBLE:
                return Type.DOUBLE_TYPE;
            default:
                return type;
        }
    }

    static Kind kindOf(Type t) {
        switch (t.getSort()) {
            case Type.BOOLEAN:
            case Type.BYTE:
            case Type.CHAR:
            case Type.SHORT:
            case Type.INT:
                return Kind.INT;
            case Type.FLOAT:
                return Kind.FLOAT;
            case Type.LONG:
                return Kind.LONG;
            case Type.DOUBLE:
                return Kind.DOUBLE;
            default:
                return t.getInternalName().equals("null") ? Kind.NULL : Kind.REFERENCE;
        }
    }
}
