package dev.weft.transform.analyse;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Which locals are read later: a backward data-flow over the control-flow graph, exception edges
 * included, so a local that a {@code catch} or {@code finally} reads after a resume is saved.
 * Wide values are tracked by their first slot, which is how they are loaded.
 */
final class Liveness {
    private final BitSet[] liveIn;
    private final BitSet[] liveOut;

    private Liveness(int size) {
        liveIn = new BitSet[size];
        liveOut = new BitSet[size];
        for (int i = 0; i < size; i++) {
            liveIn[i] = new BitSet();
            liveOut[i] = new BitSet();
        }
    }

    /** Solves liveness for {@code code}, whose successors (normal and exceptional) are {@code successors}. */
    static Liveness of(InsnList code, List<List<Integer>> successors) {
        int n = code.size();
        Liveness l = new Liveness(n);
        AbstractInsnNode[] insns = code.toArray();
        Deque<Integer> work = new ArrayDeque<>();
        boolean[] queued = new boolean[n];
        for (int i = n - 1; i >= 0; i--) {
            work.add(i);
            queued[i] = true;
        }
        List<List<Integer>> predecessors = invert(successors, n);
        while (!work.isEmpty()) {
            int i = work.poll();
            queued[i] = false;
            BitSet out = new BitSet();
            for (int s : successors.get(i)) {
                out.or(l.liveIn[s]);
            }
            BitSet in = (BitSet) out.clone();
            transfer(insns[i], in);
            l.liveOut[i] = out;
            if (!in.equals(l.liveIn[i])) {
                l.liveIn[i] = in;
                for (int p : predecessors.get(i)) {
                    if (!queued[p]) {
                        queued[p] = true;
                        work.add(p);
                    }
                }
            }
        }
        return l;
    }

    /** The locals read after instruction {@code index} before being written again. */
    BitSet liveAfter(int index) {
        return liveOut[index];
    }

    /** The locals read from instruction {@code index} on before being written again. */
    BitSet liveBefore(int index) {
        return liveIn[index];
    }

    private static void transfer(AbstractInsnNode insn, BitSet live) {
        if (insn instanceof VarInsnNode) {
            int op = insn.getOpcode();
            int var = ((VarInsnNode) insn).var;
            if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
                live.clear(var);
            } else {
                live.set(var); // loads and RET
            }
        } else if (insn instanceof IincInsnNode) {
            live.set(((IincInsnNode) insn).var);
        }
    }

    private static List<List<Integer>> invert(List<List<Integer>> successors, int n) {
        List<List<Integer>> preds = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            preds.add(new java.util.ArrayList<>(2));
        }
        for (int i = 0; i < n; i++) {
            for (int s : successors.get(i)) {
                preds.get(s).add(i);
            }
        }
        return preds;
    }
}
