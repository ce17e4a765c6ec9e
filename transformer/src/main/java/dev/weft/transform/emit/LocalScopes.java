package dev.weft.transform.emit;

import dev.weft.transform.analyse.MethodAnalysis;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.AbstractInsnNode;
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
final class LocalScopes {
    private LocalScopes() {
    }

    /** Splits each entry of {@code method}'s local variable table around the code where its slot may be empty. */
    static void narrow(MethodNode method, MethodAnalysis analysis) {
        if (method.localVariables == null || method.localVariables.isEmpty()) {
            return;
        }
        AbstractInsnNode[] insns = method.instructions.toArray();
        Map<AbstractInsnNode, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < insns.length; i++) {
            index.put(insns[i], i);
        }
        List<LocalVariableNode> narrowed = new ArrayList<>();
        for (LocalVariableNode local : method.localVariables) {
            narrowed.addAll(split(method, local, index, analysis));
        }
        method.localVariables = narrowed;
    }

    /** The stretches of {@code local}'s range where its slot holds a value: the entry itself when that is all of it. */
    private static List<LocalVariableNode> split(MethodNode method, LocalVariableNode local, Map<AbstractInsnNode, Integer> index,
                                                 MethodAnalysis analysis) {
        List<AbstractInsnNode> starts = new ArrayList<>();
        List<AbstractInsnNode> ends = new ArrayList<>(); // null: the entry's own end
        boolean open = false;
        boolean cut = false;
        for (AbstractInsnNode insn = local.start; insn != null && insn != local.end; insn = insn.getNext()) {
            if (insn.getOpcode() < 0) {
                continue; // labels, line numbers, frames: no code of their own
            }
            boolean holds = analysis.holdsValue(index.get(insn), local.index);
            if (holds && !open) {
                starts.add(insn);
                open = true;
            } else if (!holds) {
                cut = true;
                if (open) {
                    ends.add(insn);
                    open = false;
                }
            }
        }
        if (!cut) {
            return List.of(local);
        }
        if (open) {
            ends.add(null);
        }
        List<LocalVariableNode> pieces = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            LabelNode start = labelBefore(method, starts.get(i));
            LabelNode end = ends.get(i) == null ? local.end : labelBefore(method, ends.get(i));
            pieces.add(new LocalVariableNode(local.name, local.desc, local.signature, start, end, local.index));
        }
        return pieces;
    }

    private static LabelNode labelBefore(MethodNode method, AbstractInsnNode insn) {
        LabelNode label = new LabelNode();
        method.instructions.insertBefore(insn, label);
        return label;
    }
}
