package dev.weft.transform.emit;

import dev.weft.transform.analyse.MethodAnalysis;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Narrows the local variable table to the code where each local really holds its value in the
 * rewritten body. Only the locals read after a marker are kept across it, so a local still in
 * scope but dead after a resume has nothing in its slot: left in the table, a debugger would list
 * it and fail to read it. Cut out of those stretches, it is simply not listed there, as javac
 * does for a variable not yet assigned. Runs on the analysed code, before the state machine.
 */
public final class LocalScopes {
    private LocalScopes() {
    }

    /** Splits each entry of {@code method}'s local variable table around the code where its slot may be empty. */
    public static void narrow(MethodNode method, MethodAnalysis analysis) {
        if (method.localVariables == null || method.localVariables.isEmpty()) {
            return;
        }
        // every split is found before any label is added, so an instruction's index in the list
        // is still its index in the analysed code (the list keeps the indices it hands out)
        List<Stretches> entries = new ArrayList<>();
        for (LocalVariableNode local : method.localVariables) {
            entries.add(split(method.instructions, local, analysis));
        }
        List<LocalVariableNode> narrowed = new ArrayList<>();
        for (Stretches entry : entries) {
            narrowed.addAll(entry.pieces(method));
        }
        method.localVariables = narrowed;
    }

    /** The stretches of {@code local}'s range where its slot holds a value. */
    private static Stretches split(InsnList code, LocalVariableNode local, MethodAnalysis analysis) {
        Stretches stretches = new Stretches(local);
        boolean open = false;
        boolean cut = false;
        for (AbstractInsnNode insn = local.start; insn != null && insn != local.end; insn = insn.getNext()) {
            if (insn.getOpcode() < 0) {
                continue; // labels, line numbers, frames: no code of their own
            }
            boolean holds = analysis.holdsValue(code.indexOf(insn), local.index);
            if (holds && !open) {
                stretches.starts.add(insn);
                open = true;
            } else if (!holds) {
                cut = true;
                if (open) {
                    stretches.ends.add(insn);
                    open = false;
                }
            }
        }
        stretches.whole = !cut;
        if (open) {
            stretches.ends.add(null);
        }
        return stretches;
    }

    /** Where one entry's pieces start and end, found before the labels that mark them are added. */
    private static final class Stretches {
        final LocalVariableNode local;
        final List<AbstractInsnNode> starts = new ArrayList<>();
        final List<AbstractInsnNode> ends = new ArrayList<>(); // null: the entry's own end
        boolean whole; // the slot holds a value all along: the entry stays as it is

        Stretches(LocalVariableNode local) {
            this.local = local;
        }

        List<LocalVariableNode> pieces(MethodNode method) {
            if (whole) {
                return List.of(local);
            }
            List<LocalVariableNode> pieces = new ArrayList<>();
            for (int i = 0; i < starts.size(); i++) {
                LabelNode start = labelBefore(method, starts.get(i));
                LabelNode end = ends.get(i) == null ? local.end : labelBefore(method, ends.get(i));
                pieces.add(new LocalVariableNode(local.name, local.desc, local.signature, start, end, local.index));
            }
            return pieces;
        }
    }

    private static LabelNode labelBefore(MethodNode method, AbstractInsnNode insn) {
        LabelNode label = new LabelNode();
        method.instructions.insertBefore(insn, label);
        return label;
    }
}
