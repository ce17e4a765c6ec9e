package dev.weft.transform.emit;

import dev.weft.transform.find.Marker;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Moves {@code new C; dup} down to just before its constructor call when a marker runs in
 * between ({@code new Foo(a, Generator.yield(x), b)}): an uninitialized object cannot be saved
 * in a frame, so the arguments are evaluated first, kept in fresh locals, and handed to the
 * constructor of an object made after the suspension. Runs before the analysis.
 */
final class NewHoisting {
    private NewHoisting() {
    }

    /** A {@code new} whose object is on the stack across a marker, and its constructor call. */
    private static final class Pending {
        final TypeInsnNode allocation;
        boolean spansMarker;
        MethodInsnNode constructor;

        Pending(TypeInsnNode allocation) {
            this.allocation = allocation;
        }
    }

    /**
     * Rewrites every {@code new} of {@code method} that spans a suspending marker.
     *
     * @return an explanation if some {@code new} has a shape no Java compiler produces, else null
     */
    static String apply(MethodNode method) {
        List<Pending> spanning = new ArrayList<>();
        Deque<Pending> open = new ArrayDeque<>();
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            int op = insn.getOpcode();
            if (op == Opcodes.NEW) {
                open.push(new Pending((TypeInsnNode) insn));
            } else if (op == Opcodes.INVOKESPECIAL && ((MethodInsnNode) insn).name.equals("<init>") && !open.isEmpty()) {
                Pending p = open.pop();
                p.constructor = (MethodInsnNode) insn;
                if (p.spansMarker) {
                    spanning.add(p);
                }
            } else {
                Marker m = Marker.of(insn);
                if (m != null && m.suspends()) {
                    for (Pending p : open) {
                        p.spansMarker = true;
                    }
                }
            }
        }
        for (Pending p : spanning) {
            AbstractInsnNode dup = nextReal(p.allocation);
            if (dup == null || dup.getOpcode() != Opcodes.DUP || !p.constructor.owner.equals(p.allocation.desc)) {
                return "a marker inside the arguments of 'new " + p.allocation.desc.replace('/', '.')
                        + "(...)' in a shape no Java compiler produces: assign the marker's result to a local first";
            }
            hoist(method, p.allocation, dup, p.constructor);
        }
        return null;
    }

    private static void hoist(MethodNode method, TypeInsnNode allocation, AbstractInsnNode dup, MethodInsnNode constructor) {
        InsnList code = method.instructions;
        code.remove(dup);
        code.remove(allocation);
        Type[] args = Type.getArgumentTypes(constructor.desc);
        int[] slots = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            slots[i] = method.maxLocals;
            method.maxLocals += args[i].getSize();
        }
        InsnList before = new InsnList();
        for (int i = args.length - 1; i >= 0; i--) {
            before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), slots[i]));
        }
        before.add(allocation);
        before.add(new InsnNode(Opcodes.DUP));
        for (int i = 0; i < args.length; i++) {
            before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), slots[i]));
        }
        code.insertBefore(constructor, before);
    }

    private static AbstractInsnNode nextReal(AbstractInsnNode insn) {
        for (AbstractInsnNode i = insn.getNext(); i != null; i = i.getNext()) {
            if (i.getOpcode() >= 0) {
                return i;
            }
        }
        return null;
    }
}
