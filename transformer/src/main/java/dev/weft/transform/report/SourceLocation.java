package dev.weft.transform.report;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/** Maps bytecode back to what the user wrote: source lines and method names. */
public final class SourceLocation {
    private SourceLocation() {
    }

    /** The source line of {@code insn}: the nearest line number before it in code order, or 0. */
    public static int lineOf(AbstractInsnNode insn) {
        for (AbstractInsnNode i = insn; i != null; i = i.getPrevious()) {
            if (i instanceof LineNumberNode) {
                return ((LineNumberNode) i).line;
            }
        }
        return 0;
    }

    /** The first source line of {@code method}, or 0. */
    public static int firstLine(MethodNode method) {
        if (method.instructions == null) {
            return 0;
        }
        for (AbstractInsnNode i = method.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof LineNumberNode) {
                return ((LineNumberNode) i).line;
            }
        }
        return 0;
    }

    /** {@code name(int, String)}: the method as the user knows it. */
    public static String display(MethodNode method) {
        StringBuilder s = new StringBuilder(method.name).append('(');
        Type[] params = Type.getArgumentTypes(method.desc);
        for (int i = 0; i < params.length; i++) {
            if (i > 0) {
                s.append(", ");
            }
            String name = params[i].getClassName();
            s.append(name.substring(name.lastIndexOf('.') + 1));
        }
        return s.append(')').toString();
    }
}
