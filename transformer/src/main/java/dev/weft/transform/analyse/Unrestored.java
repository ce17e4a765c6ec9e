package dev.weft.transform.analyse;

import java.util.BitSet;
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
 * <p>It is solved over the basic blocks of {@link ControlFlow}, which gives the same sets as
 * solving it instruction by instruction with fewer visits, each block's set updated in place; the
 * sets of each instruction are then worked out once from its block's, into one array of words.
 */
final class Unrestored {
    /** For each instruction, {@link #words} words of the locals that may hold no value. */
    private final long[] bits;
    private final int words;

    private Unrestored(long[] bits, int words) {
        this.bits = bits;
        this.words = words;
    }

    /** Whether {@code local} may hold no value just before or just after instruction {@code index}. */
    boolean mayBeEmpty(int index, int local) {
        int word = local >>> 6;
        return word < words && (bits[index * words + word] & (1L << local)) != 0;
    }

    /**
     * The locals that may hold no value just before or just after each instruction.
     *
     * @param flow the control flow of {@code insns}
     * @param atEntry the locals the body restores at its start
     * @param dropped the locals a marker's resume does not restore, at the marker's index (null elsewhere)
     */
    static Unrestored of(AbstractInsnNode[] insns, ControlFlow flow, int maxLocals, BitSet atEntry, BitSet[] dropped) {
        int n = insns.length;
        int blocks = flow.blocks();
        BitSet[] in = new BitSet[blocks];
        for (int b = 0; b < blocks; b++) {
            in[b] = new BitSet();
        }
        ControlFlow.BlockQueue queue = new ControlFlow.BlockQueue(blocks);
        boolean[] visited = new boolean[blocks]; // each reachable block is looked at once at least
        if (n > 0) {
            visited[0] = true;
            in[0].set(0, maxLocals);
            in[0].andNot(atEntry);
            queue.add(0);
        }
        BitSet set = new BitSet(); // the block's set, as it goes
        BitSet either = new BitSet();
        BitSet scratch = new BitSet();
        while (!queue.isEmpty()) {
            int b = queue.poll();
            set.clear();
            set.or(in[b]);
            int last = flow.blockEnd(b);
            for (int i = flow.blockStart(b); i < last; i++) {
                transfer(insns[i], dropped[i], set);
            }
            int[] handlers = flow.exceptional(last);
            if (handlers.length > 0) {
                // before or after the last instruction: a store does not throw; a resume may (what is thrown in)
                either.clear();
                either.or(set);
                if (dropped[last] != null) {
                    either.or(dropped[last]);
                }
                for (int s : handlers) {
                    merge(either, flow.blockOf(s), in, queue, visited, scratch);
                }
            }
            transfer(insns[last], dropped[last], set);
            for (int s : flow.normal(last)) {
                merge(set, flow.blockOf(s), in, queue, visited, scratch);
            }
        }
        int words = Math.max(1, (maxLocals + 63) >>> 6);
        long[] bits = new long[n * words]; // unreachable instructions stay empty: nothing flows in
        for (int b = 0; b < blocks; b++) {
            if (!visited[b]) {
                continue;
            }
            set.clear();
            set.or(in[b]);
            for (int i = flow.blockStart(b); i <= flow.blockEnd(b); i++) {
                record(set, bits, i * words); // before it, and what its resume drops after it
                if (dropped[i] != null) {
                    record(dropped[i], bits, i * words);
                }
                transfer(insns[i], dropped[i], set);
            }
        }
        return new Unrestored(bits, words);
    }

    private static void record(BitSet locals, long[] bits, int at) {
        for (int l = locals.nextSetBit(0); l >= 0; l = locals.nextSetBit(l + 1)) {
            bits[at + (l >>> 6)] |= 1L << l;
        }
    }

    /** Updates {@code set}, what was unrestored before {@code insn}, to what is unrestored after it. */
    private static void transfer(AbstractInsnNode insn, BitSet dropped, BitSet set) {
        int op = insn.getOpcode();
        if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
            set.clear(((VarInsnNode) insn).var);
        }
        if (dropped != null) {
            set.or(dropped);
        }
    }

    private static void merge(BitSet value, int successor, BitSet[] in, ControlFlow.BlockQueue queue, boolean[] visited, BitSet scratch) {
        scratch.clear();
        scratch.or(value);
        scratch.andNot(in[successor]);
        if (!scratch.isEmpty() || !visited[successor]) {
            in[successor].or(value);
            visited[successor] = true;
            queue.add(successor);
        }
    }
}
