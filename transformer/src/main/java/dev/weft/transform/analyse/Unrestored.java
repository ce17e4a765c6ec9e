package dev.weft.transform.analyse;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Which locals may hold no value in the rewritten body: the body restores at its start only the
 * parameters it reads, and after a resume only the locals read later, so a local still in scope
 * but dead there has nothing in its slot (or a value that is not its own) until it is written
 * again. A forward data-flow over the control-flow graph, exception edges included: what is
 * thrown in at a resume reaches the handlers with the same locals missing.
 */
final class Unrestored {
    private Unrestored() {
    }

    /**
     * For each instruction, the locals that may hold no value just before or just after it.
     *
     * @param normal the successors of each instruction by normal flow
     * @param exceptional the handlers each instruction may throw to
     * @param atEntry the locals the body restores at its start
     * @param dropped the locals a marker's resume does not restore, by the marker's index
     */
    static BitSet[] of(AbstractInsnNode[] insns, List<List<Integer>> normal, List<List<Integer>> exceptional, int maxLocals,
                       BitSet atEntry, Map<Integer, BitSet> dropped) {
        int n = insns.length;
        BitSet[] in = new BitSet[n];
        BitSet[] out = new BitSet[n];
        for (int i = 0; i < n; i++) {
            in[i] = new BitSet();
            out[i] = new BitSet();
        }
        Deque<Integer> work = new ArrayDeque<>();
        boolean[] queued = new boolean[n];
        boolean[] visited = new boolean[n]; // each reachable instruction is looked at once at least
        if (n > 0) {
            visited[0] = true;
            in[0].set(0, maxLocals);
            in[0].andNot(atEntry);
            work.add(0);
            queued[0] = true;
        }
        while (!work.isEmpty()) {
            int i = work.poll();
            queued[i] = false;
            out[i] = transfer(insns[i], in[i], dropped.get(i));
            BitSet either = (BitSet) in[i].clone();
            either.or(out[i]);
            for (int s : normal.get(i)) {
                flow(out[i], s, in, work, queued, visited);
            }
            for (int s : exceptional.get(i)) {
                flow(either, s, in, work, queued, visited); // a store does not throw; a resume may (what is thrown in)
            }
        }
        BitSet[] either = new BitSet[n];
        for (int i = 0; i < n; i++) {
            either[i] = (BitSet) in[i].clone();
            either[i].or(out[i]);
        }
        return either;
    }

    private static BitSet transfer(AbstractInsnNode insn, BitSet in, BitSet dropped) {
        BitSet out = (BitSet) in.clone();
        int op = insn.getOpcode();
        if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
            out.clear(((VarInsnNode) insn).var);
        }
        if (dropped != null) {
            out.or(dropped);
        }
        return out;
    }

    private static void flow(BitSet value, int successor, BitSet[] in, Deque<Integer> work, boolean[] queued, boolean[] visited) {
        BitSet merged = (BitSet) in[successor].clone();
        merged.or(value);
        if (!merged.equals(in[successor]) || !visited[successor]) {
            in[successor] = merged;
            visited[successor] = true;
            if (!queued[successor]) {
                queued[successor] = true;
                work.add(successor);
            }
        }
    }
}
