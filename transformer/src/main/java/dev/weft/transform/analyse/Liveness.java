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
 *
 * <p>It is solved over basic blocks (runs of instructions entered only at the first and left only
 * at the last), which gives the same sets as solving it instruction by instruction at a fraction
 * of the work; the sets at one instruction are worked out from its block's when asked for.
 */
final class Liveness {
    private final AbstractInsnNode[] insns;
    /** For each instruction, its block. */
    private final int[] blockOf;
    /** For each block, its last instruction. */
    private final int[] blockEnd;
    /** For each block, the locals read after its last instruction. */
    private final BitSet[] blockOut;

    private Liveness(AbstractInsnNode[] insns, int[] blockOf, int[] blockEnd, BitSet[] blockOut) {
        this.insns = insns;
        this.blockOf = blockOf;
        this.blockEnd = blockEnd;
        this.blockOut = blockOut;
    }

    /** Solves liveness for {@code code}, whose successors (normal and exceptional) are {@code successors}. */
    static Liveness of(InsnList code, List<List<Integer>> successors) {
        AbstractInsnNode[] insns = code.toArray();
        int n = insns.length;
        int[][] predecessors = invert(successors, n);
        int[] blockOf = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            boolean continues = i > 0 && predecessors[i].length == 1 && predecessors[i][0] == i - 1
                    && successors.get(i - 1).size() == 1;
            blockOf[i] = continues ? blocks - 1 : blocks++;
        }
        int[] blockStart = new int[blocks];
        int[] blockEnd = new int[blocks];
        for (int i = n - 1; i >= 0; i--) {
            blockStart[blockOf[i]] = i;
        }
        for (int i = 0; i < n; i++) {
            blockEnd[blockOf[i]] = i;
        }
        BitSet[] blockIn = new BitSet[blocks];
        BitSet[] blockOut = new BitSet[blocks];
        for (int b = 0; b < blocks; b++) {
            blockIn[b] = new BitSet();
            blockOut[b] = new BitSet();
        }

        // a ring of at most one entry per block: each is queued at most once at a time
        int[] work = new int[Math.max(blocks, 1)];
        boolean[] queued = new boolean[blocks];
        int head = 0;
        int size = 0;
        for (int b = blocks - 1; b >= 0; b--) {
            work[size++] = b;
            queued[b] = true;
        }
        BitSet in = new BitSet();
        while (size > 0) {
            int b = work[head];
            head = (head + 1) % work.length;
            size--;
            queued[b] = false;
            BitSet out = blockOut[b];
            out.clear();
            for (int s : successors.get(blockEnd[b])) {
                out.or(blockIn[blockOf[s]]); // a successor starts its block: control enters blocks at their first instruction
            }
            in.clear();
            in.or(out);
            for (int i = blockEnd[b]; i >= blockStart[b]; i--) {
                transfer(insns[i], in);
            }
            if (!in.equals(blockIn[b])) {
                blockIn[b].clear();
                blockIn[b].or(in);
                for (int p : predecessors[blockStart[b]]) {
                    int pb = blockOf[p];
                    if (!queued[pb]) {
                        queued[pb] = true;
                        work[(head + size++) % work.length] = pb;
                    }
                }
            }
        }
        return new Liveness(insns, blockOf, blockEnd, blockOut);
    }

    /** The locals read after instruction {@code index} before being written again. */
    BitSet liveAfter(int index) {
        return liveFrom(index + 1, blockOf[index]);
    }

    /** The locals read from instruction {@code index} on before being written again. */
    BitSet liveBefore(int index) {
        return liveFrom(index, blockOf[index]);
    }

    /** What is live before instruction {@code from} of block {@code block} (after it, when {@code from} is past the block's end). */
    private BitSet liveFrom(int from, int block) {
        BitSet live = (BitSet) blockOut[block].clone();
        for (int i = blockEnd[block]; i >= from; i--) {
            transfer(insns[i], live);
        }
        return live;
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
