package dev.weft.transform.analyse;

import java.util.BitSet;
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

    /**
     * Solves liveness for {@code code}, whose successors (normal and exceptional) are {@code successors}.
     * Each visit works in two scratch sets and copies into an instruction's own sets only what
     * changed, as a method's instructions are visited several times each.
     */
    static Liveness of(InsnList code, List<List<Integer>> successors) {
        int n = code.size();
        Liveness l = new Liveness(n);
        AbstractInsnNode[] insns = code.toArray();
        int[][] predecessors = invert(successors, n);
        // a ring of at most n instructions: each is queued at most once at a time
        int[] work = new int[Math.max(n, 1)];
        int head = 0;
        int queuedCount = 0;
        boolean[] queued = new boolean[n];
        for (int i = n - 1; i >= 0; i--) {
            work[(head + queuedCount++) % n] = i;
            queued[i] = true;
        }
        BitSet out = new BitSet();
        BitSet in = new BitSet();
        while (queuedCount > 0) {
            int i = work[head];
            head = (head + 1) % n;
            queuedCount--;
            queued[i] = false;
            out.clear();
            for (int s : successors.get(i)) {
                out.or(l.liveIn[s]);
            }
            in.clear();
            in.or(out);
            transfer(insns[i], in);
            copy(out, l.liveOut[i]);
            if (!in.equals(l.liveIn[i])) {
                copy(in, l.liveIn[i]);
                for (int p : predecessors[i]) {
                    if (!queued[p]) {
                        queued[p] = true;
                        work[(head + queuedCount++) % n] = p;
                    }
                }
            }
        }
        return l;
    }

    private static void copy(BitSet from, BitSet to) {
        if (!to.equals(from)) {
            to.clear();
            to.or(from);
        }
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

    private static int[][] invert(List<List<Integer>> successors, int n) {
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            for (int s : successors.get(i)) {
                counts[s]++;
            }
        }
        int[][] preds = new int[n][];
        for (int i = 0; i < n; i++) {
            preds[i] = new int[counts[i]];
            counts[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int s : successors.get(i)) {
                preds[s][counts[s]++] = i;
            }
        }
        return preds;
    }
}
