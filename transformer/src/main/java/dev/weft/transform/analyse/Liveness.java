package dev.weft.transform.analyse;

import java.util.BitSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Which locals are read later: a backward data-flow over the control-flow graph, exception edges
 * included, so a local that a {@code catch} or {@code finally} reads after a resume is saved.
 * Wide values are tracked by their first slot, which is how they are loaded.
 *
 * <p>It is solved over the basic blocks of {@link ControlFlow}, which gives the same sets as solving
 * it instruction by instruction at a fraction of the work; the sets at one instruction are worked
 * out from its block's when asked for.
 */
final class Liveness {
    private final AbstractInsnNode[] insns;
    private final ControlFlow flow;
    /** For each block, the locals read after its last instruction. */
    private final BitSet[] blockOut;

    private Liveness(AbstractInsnNode[] insns, ControlFlow flow, BitSet[] blockOut) {
        this.insns = insns;
        this.flow = flow;
        this.blockOut = blockOut;
    }

    /** Solves liveness for {@code insns}, whose control flow is {@code flow}. */
    static Liveness of(AbstractInsnNode[] insns, ControlFlow flow) {
        int blocks = flow.blocks();
        BitSet[] blockIn = new BitSet[blocks];
        BitSet[] blockOut = new BitSet[blocks];
        for (int b = 0; b < blocks; b++) {
            blockIn[b] = new BitSet();
            blockOut[b] = new BitSet();
        }
        ControlFlow.BlockQueue queue = new ControlFlow.BlockQueue(blocks);
        for (int b = blocks - 1; b >= 0; b--) {
            queue.add(b);
        }
        BitSet in = new BitSet();
        while (!queue.isEmpty()) {
            int b = queue.poll();
            BitSet out = blockOut[b];
            out.clear();
            for (int s : flow.successors(flow.blockEnd(b))) {
                out.or(blockIn[flow.blockOf(s)]); // a successor starts its block: control enters blocks at their first instruction
            }
            in.clear();
            in.or(out);
            for (int i = flow.blockEnd(b); i >= flow.blockStart(b); i--) {
                transfer(insns[i], in);
            }
            if (!in.equals(blockIn[b])) {
                blockIn[b].clear();
                blockIn[b].or(in);
                for (int p : flow.predecessors(flow.blockStart(b))) {
                    queue.add(flow.blockOf(p));
                }
            }
        }
        return new Liveness(insns, flow, blockOut);
    }

    /** The locals read after instruction {@code index} before being written again. */
    BitSet liveAfter(int index) {
        return liveFrom(index + 1, flow.blockOf(index));
    }

    /** The locals read from instruction {@code index} on before being written again. */
    BitSet liveBefore(int index) {
        return liveFrom(index, flow.blockOf(index));
    }

    /** What is live before instruction {@code from} of block {@code block} (after it, when {@code from} is past the block's end). */
    private BitSet liveFrom(int from, int block) {
        BitSet live = (BitSet) blockOut[block].clone();
        for (int i = flow.blockEnd(block); i >= from; i--) {
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
}
