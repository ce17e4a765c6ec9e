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
 * solving it instruction by instruction with fewer visits; the sets of each instruction are then
 * worked out once from its block's.
 */
final class Unrestored {
    private Unrestored() {
    }

    /**
     * For each instruction, the locals that may hold no value just before or just after it.
     *
     * @param flow the control flow of {@code insns}
     * @param atEntry the locals the body restores at its start
     * @param dropped the locals a marker's resume does not restore, at the marker's index (null elsewhere)
     */
    static BitSet[] of(AbstractInsnNode[] insns, ControlFlow flow, int maxLocals, BitSet atEntry, BitSet[] dropped) {
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
        // the sets are updated in place, with scratch sets, rather than copied at each step
        BitSet before = new BitSet();
        BitSet after = new BitSet();
        BitSet either = new BitSet();
        BitSet scratch = new BitSet();
        while (!queue.isEmpty()) {
            int b = queue.poll();
            after.clear();
            after.or(in[b]);
            for (int i = flow.blockStart(b); i <= flow.blockEnd(b); i++) {
                before.clear();
                before.or(after);
                transfer(insns[i], before, dropped[i], after);
            }
            int last = flow.blockEnd(b);
            either.clear();
            either.or(before);
            either.or(after);
            for (int s : flow.normal(last)) {
                merge(after, flow.blockOf(s), in, queue, visited, scratch);
            }
            for (int s : flow.exceptional(last)) {
                merge(either, flow.blockOf(s), in, queue, visited, scratch); // a store does not throw; a resume may (what is thrown in)
            }
        }
        BitSet[] result = new BitSet[n];
        for (int b = 0; b < blocks; b++) {
            if (!visited[b]) {
                for (int i = flow.blockStart(b); i <= flow.blockEnd(b); i++) {
                    result[i] = new BitSet(); // unreachable: nothing flows in
                }
                continue;
            }
            before.clear();
            before.or(in[b]);
            for (int i = flow.blockStart(b); i <= flow.blockEnd(b); i++) {
                transfer(insns[i], before, dropped[i], after);
                result[i] = (BitSet) before.clone();
                result[i].or(after);
                BitSet next = before; // what is after this instruction is before the next one
                before = after;
                after = next;
            }
        }
        return result;
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
