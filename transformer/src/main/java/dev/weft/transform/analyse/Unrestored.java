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
 *
 * <p>It is solved over basic blocks (runs of instructions entered only at the first, left only at
 * the last, and with no handler but the last's), which gives the same sets as solving it
 * instruction by instruction with fewer visits; the sets of each instruction are then worked out
 * once from its block's.
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
        int[] blockOf = blocks(n, normal, exceptional);
        int blocks = n == 0 ? 0 : blockOf[n - 1] + 1;
        int[] blockStart = new int[blocks];
        int[] blockEnd = new int[blocks];
        for (int i = n - 1; i >= 0; i--) {
            blockStart[blockOf[i]] = i;
        }
        for (int i = 0; i < n; i++) {
            blockEnd[blockOf[i]] = i;
        }
        BitSet[] in = new BitSet[blocks];
        for (int b = 0; b < blocks; b++) {
            in[b] = new BitSet();
        }
        Queue queue = new Queue(new int[Math.max(blocks, 1)], new boolean[blocks]);
        boolean[] visited = new boolean[blocks]; // each reachable block is looked at once at least
        if (n > 0) {
            visited[0] = true;
            in[0].set(0, maxLocals);
            in[0].andNot(atEntry);
            queue.add(0);
        }
        // the sets are updated in place, with scratch sets, rather than copied at each step
        BitSet before = new BitSet();
        BitSet after = new BitSet();
        BitSet either = new BitSet();
        BitSet scratch = new BitSet();
        while (!queue.isEmpty()) {
            int b = queue.poll();
            after.clear();
            after.or(in[b]);
            for (int i = blockStart[b]; i <= blockEnd[b]; i++) {
                before.clear();
                before.or(after);
                transfer(insns[i], before, dropped.get(i), after);
            }
            int last = blockEnd[b];
            either.clear();
            either.or(before);
            either.or(after);
            for (int s : normal.get(last)) {
                flow(after, blockOf[s], in, queue, visited, scratch);
            }
            for (int s : exceptional.get(last)) {
                flow(either, blockOf[s], in, queue, visited, scratch); // a store does not throw; a resume may (what is thrown in)
            }
        }
        BitSet[] result = new BitSet[n];
        for (int b = 0; b < blocks; b++) {
            if (!visited[b]) {
                for (int i = blockStart[b]; i <= blockEnd[b]; i++) {
                    result[i] = new BitSet(); // unreachable: nothing flows in
                }
                continue;
            }
            before.clear();
            before.or(in[b]);
            for (int i = blockStart[b]; i <= blockEnd[b]; i++) {
                transfer(insns[i], before, dropped.get(i), after);
                result[i] = (BitSet) before.clone();
                result[i].or(after);
                BitSet next = before; // what is after this instruction is before the next one
                before = after;
                after = next;
            }
        }
        return result;
    }

    /**
     * The block of each instruction, numbered in code order. An instruction continues the block
     * of the one before it when that one flows only into it, by normal flow, and nothing else
     * flows into it: then its sets follow from that one's alone.
     */
    private static int[] blocks(int n, List<List<Integer>> normal, List<List<Integer>> exceptional) {
        int[] predecessors = new int[n];
        int[] onlyPredecessor = new int[n];
        for (int i = 0; i < n; i++) {
            for (int s : normal.get(i)) {
                predecessors[s]++;
                onlyPredecessor[s] = i;
            }
            for (int s : exceptional.get(i)) {
                predecessors[s] += 2; // never the lone normal edge a block continues by
            }
        }
        int[] blockOf = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            boolean continues = i > 0 && predecessors[i] == 1 && onlyPredecessor[i] == i - 1
                    && normal.get(i - 1).size() == 1 && exceptional.get(i - 1).isEmpty();
            blockOf[i] = continues ? blocks - 1 : blocks++;
        }
        return blockOf;
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

    /** The blocks still to look at, first in first out, each at most once at a time. */
    private static final class Queue {
        private final int[] ring;
        private final boolean[] queued;
        private int head;
        private int size;

        Queue(int[] ring, boolean[] queued) {
            this.ring = ring;
            this.queued = queued;
        }

        void add(int block) {
            if (!queued[block]) {
                queued[block] = true;
                ring[(head + size++) % ring.length] = block;
            }
        }

        boolean isEmpty() {
            return size == 0;
        }

        int poll() {
            int block = ring[head];
            head = (head + 1) % ring.length;
            size--;
            queued[block] = false;
            return block;
        }
    }
}
