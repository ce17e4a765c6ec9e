package dev.weft.transform.analyse;

import java.util.Arrays;


/**
 * The control-flow graph of a method's instructions, as ASM's {@code Analyzer} found its edges,
 * and its basic blocks: runs of instructions entered only at the first and left only at the last,
 * by normal flow, with no handler but the last one's. The data-flows over it ({@link Liveness},
 * {@link Unrestored}) are solved block by block and give the same sets as instruction by
 * instruction.
 */
final class ControlFlow {
    private static final int[] NONE = {};

    private final int[][] normal;
    private final int[][] exceptional;
    private final int[] normalCount;
    private final int[] exceptionalCount;
    private int[][] successors;
    private int[][] predecessors;
    private int[] blockOf;
    private int[] blockStart;
    private int[] blockEnd;

    /** An empty graph of {@code n} instructions, to be given its edges. */
    ControlFlow(int n) {
        normal = new int[n][];
        exceptional = new int[n][];
        normalCount = new int[n];
        exceptionalCount = new int[n];
    }

    /** ASM's {@code Analyzer} reports an edge each time it passes an instruction: each is kept once. */
    void addNormalEdge(int insn, int successor) {
        normal[insn] = add(normal[insn], normalCount, insn, successor);
    }

    void addExceptionEdge(int insn, int handler) {
        exceptional[insn] = add(exceptional[insn], exceptionalCount, insn, handler);
    }

    private static int[] add(int[] targets, int[] counts, int insn, int target) {
        int count = counts[insn];
        if (targets == null) {
            targets = new int[2];
        }
        for (int k = 0; k < count; k++) {
            if (targets[k] == target) {
                return targets;
            }
        }
        if (count == targets.length) {
            targets = Arrays.copyOf(targets, count * 2);
        }
        targets[count] = target;
        counts[insn] = count + 1;
        return targets;
    }

    /** Where control may go after {@code insn}, by normal flow or to a handler. Call once all edges are in. */
    int[] successors(int insn) {
        if (successors == null) {
            successors = joined();
        }
        return successors[insn];
    }

    /** Where control goes after {@code insn} by normal flow. Call once all edges are in. */
    int[] normal(int insn) {
        return exact(normal, normalCount, insn);
    }

    /** The handlers {@code insn} may throw to. Call once all edges are in. */
    int[] exceptional(int insn) {
        return exact(exceptional, exceptionalCount, insn);
    }

    private static int[] exact(int[][] targets, int[] counts, int insn) {
        int[] t = targets[insn];
        if (t == null) {
            return NONE;
        }
        if (t.length != counts[insn]) {
            t = Arrays.copyOf(t, counts[insn]);
            targets[insn] = t;
        }
        return t;
    }

    private int[][] joined() {
        int n = normal.length;
        int[][] all = new int[n][];
        for (int i = 0; i < n; i++) {
            int[] first = normal(i);
            int[] then = exceptional(i);
            if (then.length == 0) {
                all[i] = first;
            } else {
                int[] both = Arrays.copyOf(first, first.length + then.length);
                System.arraycopy(then, 0, both, first.length, then.length);
                all[i] = both;
            }
        }
        return all;
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
        int n = normal.length;
        blockOf = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            int[] from = predecessors(i);
            boolean continues = i > 0 && from.length == 1 && from[0] == i - 1
                    && normalCount[i - 1] == 1 && exceptionalCount[i - 1] == 0;
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
        int n = normal.length;
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            for (int s : successors(i)) {
                counts[s]++;
            }
        }
        int[][] preds = new int[n][];
        for (int i = 0; i < n; i++) {
            preds[i] = new int[counts[i]];
            counts[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int s : successors(i)) {
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
