package dev.weft.transform.analyse;

import java.util.BitSet;
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
        // a ring of at most n instructions: each is queued at most once at a time
        int[] work = new int[Math.max(n, 1)];
        Queue queue = new Queue(work, new boolean[n]);
        boolean[] visited = new boolean[n]; // each reachable instruction is looked at once at least
        if (n > 0) {
            visited[0] = true;
            in[0].set(0, maxLocals);
            in[0].andNot(atEntry);
            queue.add(0);
        }
        // the sets are updated in place, with two scratch sets, rather than copied at each step
        BitSet either = new BitSet();
        BitSet scratch = new BitSet();
        while (!queue.isEmpty()) {
            int i = queue.poll();
            transfer(insns[i], in[i], dropped.get(i), out[i]);
            either.clear();
            either.or(in[i]);
            either.or(out[i]);
            for (int s : normal.get(i)) {
                flow(out[i], s, in, queue, visited, scratch);
            }
            for (int s : exceptional.get(i)) {
                flow(either, s, in, queue, visited, scratch); // a store does not throw; a resume may (what is thrown in)
            }
        }
        for (int i = 0; i < n; i++) {
            in[i].or(out[i]); // no longer needed as it was: it becomes "before or after"
        }
        return in;
    }

    /** Sets {@code out} to what {@code insn} leaves unrestored after it when {@code in} was before it. */
    private static void transfer(AbstractInsnNode insn, BitSet in, BitSet dropped, BitSet out) {
        out.clear();
        out.or(in);
        int op = insn.getOpcode();
        if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
            out.clear(((VarInsnNode) insn).var);
        }
        if (dropped != null) {
            out.or(dropped);
        }
    }

    private static void flow(BitSet value, int successor, BitSet[] in, Queue queue, boolean[] visited, BitSet scratch) {
        scratch.clear();
        scratch.or(value);
        scratch.andNot(in[successor]);
        if (!scratch.isEmpty() || !visited[successor]) {
            in[successor].or(value);
            visited[successor] = true;
            queue.add(successor);
        }
    }

    /** The instructions still to look at, first in first out, each at most once at a time. */
    private static final class Queue {
        private final int[] ring;
        private final boolean[] queued;
        private int head;
        private int size;

        Queue(int[] ring, boolean[] queued) {
            this.ring = ring;
            this.queued = queued;
        }

        void add(int insn) {
            if (!queued[insn]) {
                queued[insn] = true;
                ring[(head + size++) % ring.length] = insn;
            }
        }

        boolean isEmpty() {
            return size == 0;
        }

        int poll() {
            int insn = ring[head];
            head = (head + 1) % ring.length;
            size--;
            queued[insn] = false;
            return insn;
        }
    }
}
