package dev.weft.transform.analyse;

import java.util.ArrayList;
import java.util.List;

/**
 * The control-flow graph of a method's instructions, as ASM's {@code Analyzer} found its edges,
 * and its basic blocks: runs of instructions entered only at the first and left only at the last,
 * by normal flow, with no handler but the last one's. The data-flows over it ({@link Liveness},
 * {@link Unrestored}) are solved block by block and give the same sets as instruction by
 * instruction.
 */
final class ControlFlow {
    private final List<List<Integer>> successors;
    private final List<List<Integer>> normal;
    private final List<List<Integer>> exceptional;
    private int[][] predecessors;
    private int[] blockOf;
    private int[] blockStart;
    private int[] blockEnd;

    /** An empty graph of {@code n} instructions, to be given its edges. */
    ControlFlow(int n) {
        successors = new ArrayList<>(n);
        normal = new ArrayList<>(n);
        exceptional = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            successors.add(new ArrayList<>(2));
            normal.add(new ArrayList<>(2));
            exceptional.add(new ArrayList<>(1));
        }
    }

    void addNormalEdge(int insn, int successor) {
        successors.get(insn).add(successor);
        normal.get(insn).add(successor);
    }

    void addExceptionEdge(int insn, int handler) {
        successors.get(insn).add(handler);
        exceptional.get(insn).add(handler);
    }

    /** Where control may go after {@code insn}, by normal flow or to a handler. */
    List<Integer> successors(int insn) {
        return successors.get(insn);
    }

    /** Where control goes after {@code insn} by normal flow. */
    List<Integer> normal(int insn) {
        return normal.get(insn);
    }

    /** The handlers {@code insn} may throw to. */
    List<Integer> exceptional(int insn) {
        return exceptional.get(insn);
    }

    /** The instructions that may pass control to {@code insn}, by either kind of edge. Call once all edges are in. */
    int[] predecessors(int insn) {
        if (predecessors == null) {
            predecessors = invert();
        }
        return predecessors[insn];
    }

    int blocks() {
        blocksOnce();
        return blockStart.length;
    }

    int blockOf(int insn) {
        blocksOnce();
        return blockOf[insn];
    }

    int blockStart(int block) {
        blocksOnce();
        return blockStart[block];
    }

    int blockEnd(int block) {
        blocksOnce();
        return blockEnd[block];
    }

    /**
     * Numbers the blocks in code order: an instruction continues the block of the one before it
     * when that one flows only into it, by normal flow, and nothing else flows into it.
     */
    private void blocksOnce() {
        if (blockOf != null) {
            return;
        }
        int n = successors.size();
        blockOf = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            int[] from = predecessors(i);
            boolean continues = i > 0 && from.length == 1 && from[0] == i - 1
                    && normal.get(i - 1).size() == 1 && exceptional.get(i - 1).isEmpty();
            blockOf[i] = continues ? blocks - 1 : blocks++;
        }
        blockStart = new int[blocks];
        blockEnd = new int[blocks];
        for (int i = n - 1; i >= 0; i--) {
            blockStart[blockOf[i]] = i;
        }
        for (int i = 0; i < n; i++) {
            blockEnd[blockOf[i]] = i;
        }
    }

    private int[][] invert() {
        int n = successors.size();
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

    /** The blocks a data-flow still has to look at, first in first out, each queued at most once at a time. */
    static final class BlockQueue {
        private final int[] ring;
        private final boolean[] queued;
        private int head;
        private int size;

        BlockQueue(int blocks) {
            ring = new int[Math.max(blocks, 1)];
            queued = new boolean[blocks];
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
