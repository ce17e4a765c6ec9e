package dev.weft.transform.analyse;

import dev.weft.transform.find.Marker;
import dev.weft.transform.report.MethodBudget;
import dev.weft.transform.report.SourceLocation;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * What the emitter needs to know of one {@code @Async} method: its suspension points, what is
 * live and of which type at each, the parameters live at entry, and the size of the saved state.
 */
public final class MethodAnalysis {
    private final List<SavedValue> entry;
    private final List<SuspensionPoint> points;
    private final int refCount;
    private final int primCount;
    private final List<SuspensionPoint> insideMonitor;
    private final Unrestored unrestored;

    private MethodAnalysis(List<SavedValue> entry, List<SuspensionPoint> points, int refCount, int primCount,
                           List<SuspensionPoint> insideMonitor, Unrestored unrestored) {
        this.unrestored = unrestored;
        this.entry = entry;
        this.points = points;
        this.refCount = refCount;
        this.primCount = primCount;
        this.insideMonitor = insideMonitor;
    }

    /** Analyses {@code method} of {@code owner}; the method's code is not changed. */
    public static MethodAnalysis of(ClassNode owner, MethodNode method, ClassHierarchy hierarchy) throws AnalyzerException {
        List<Type> interfaces = new ArrayList<>();
        for (String i : owner.interfaces) {
            interfaces.add(Type.getObjectType(i));
        }
        boolean isInterface = (owner.access & org.objectweb.asm.Opcodes.ACC_INTERFACE) != 0;
        Type superType = owner.superName == null ? null : Type.getObjectType(owner.superName);
        HierarchyTypes types = new HierarchyTypes(hierarchy, Type.getObjectType(owner.name), superType, interfaces, isInterface);

        int n = method.instructions.size();
        ControlFlow flow = new ControlFlow(n);
        Analyzer<BasicValue> analyzer = new Analyzer<BasicValue>(types) {
            @Override
            protected void newControlFlowEdge(int insn, int successor) {
                flow.addNormalEdge(insn, successor);
            }

            @Override
            protected boolean newControlFlowExceptionEdge(int insn, int successor) {
                flow.addExceptionEdge(insn, successor);
                return true;
            }
        };
        MethodBudget.of(analyzer);
        Frame<BasicValue>[] frames = analyzer.analyze(owner.name, method);
        AbstractInsnNode[] insns = method.instructions.toArray();
        Liveness liveness = Liveness.of(insns, flow);

        int[] maxRefs = {0};
        int[] maxPrims = {0};
        List<SavedValue> entry = new ArrayList<>();
        int firstReal = firstReachable(frames);
        if (firstReal >= 0) {
            Slots slots = new Slots();
            entry = locals(frames[firstReal], liveness.liveBefore(firstReal), slots);
            slots.record(maxRefs, maxPrims);
        }

        List<SuspensionPoint> points = new ArrayList<>();
        List<SuspensionPoint> insideMonitor = new ArrayList<>();
        List<Integer> pointIndices = new ArrayList<>(); // the index of each point's marker
        int[] monitors = monitorDepths(insns, flow);
        for (int i = 0; i < n; i++) {
            Marker marker = Marker.of(insns[i]);
            if (marker == null || !marker.suspends() || frames[i] == null) {
                continue;
            }
            Frame<BasicValue> f = frames[i];
            Slots slots = new Slots();
            List<SavedValue> locals = locals(f, liveness.liveAfter(i), slots);
            int below = f.getStackSize() - Type.getArgumentTypes(((MethodInsnNode) insns[i]).desc).length;
            List<SavedValue> stack = new ArrayList<>();
            for (int s = 0; s < below; s++) {
                stack.add(slots.save(f.getStack(s).getType(), -1));
            }
            slots.record(maxRefs, maxPrims);
            Type operand = f.getStackSize() > below ? f.getStack(f.getStackSize() - 1).getType() : null;
            SuspensionPoint point = new SuspensionPoint(points.size() + 1, (MethodInsnNode) insns[i], marker, locals, stack,
                    SourceLocation.lineOf(insns[i]), operand);
            points.add(point);
            pointIndices.add(i);
            if (monitors[i] > 0) {
                insideMonitor.add(point);
            }
        }
        Unrestored unrestored = Unrestored.of(insns, flow, method.maxLocals, localsOf(entry), dropped(points, pointIndices,
                method.maxLocals, n));
        return new MethodAnalysis(entry, points, maxRefs[0], maxPrims[0], insideMonitor, unrestored);
    }

    private static BitSet localsOf(List<SavedValue> values) {
        BitSet locals = new BitSet();
        for (SavedValue v : values) {
            locals.set(v.local());
        }
        return locals;
    }

    /** The locals each point's resume leaves without a value, at the index of the point's marker (null elsewhere). */
    private static BitSet[] dropped(List<SuspensionPoint> points, List<Integer> pointIndices, int maxLocals, int n) {
        BitSet[] dropped = new BitSet[n];
        for (int k = 0; k < points.size(); k++) {
            BitSet lost = new BitSet();
            lost.set(0, maxLocals);
            lost.andNot(localsOf(points.get(k).locals()));
            dropped[pointIndices.get(k)] = lost;
        }
        return dropped;
    }

    /**
     * Whether {@code local} surely holds a value in the rewritten body just before and just after
     * instruction {@code index} (of the method's code as analysed). It may not when it is dead
     * there and the body's start or a resume did not restore it, until it is written again: a
     * debugger must not be told it is there.
     */
    public boolean holdsValue(int index, int local) {
        return !unrestored.mayBeEmpty(index, local);
    }

    /** The suspension points reached while a monitor is held ({@code synchronized} blocks): the rewrite refuses them. */
    public List<SuspensionPoint> insideMonitor() {
        return insideMonitor;
    }

    /** How many monitors are held before each instruction, the most over all paths. */
    private static int[] monitorDepths(AbstractInsnNode[] insns, ControlFlow flow) {
        int[] depth = new int[insns.length];
        if (!entersMonitor(insns)) {
            return depth; // no synchronized block: none held anywhere
        }
        java.util.Arrays.fill(depth, -1);
        java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
        depth[0] = 0;
        work.add(0);
        while (!work.isEmpty()) {
            int i = work.poll();
            int op = insns[i].getOpcode();
            int after = Math.max(0, depth[i] + (op == org.objectweb.asm.Opcodes.MONITORENTER ? 1
                    : op == org.objectweb.asm.Opcodes.MONITOREXIT ? -1 : 0));
            for (int s : flow.successors(i)) {
                if (after > depth[s]) {
                    depth[s] = after;
                    work.add(s);
                }
            }
        }
        return depth;
    }

    private static boolean entersMonitor(AbstractInsnNode[] insns) {
        for (AbstractInsnNode insn : insns) {
            if (insn.getOpcode() == org.objectweb.asm.Opcodes.MONITORENTER) {
                return true;
            }
        }
        return false;
    }

    /** The parameters read by the body, saved by the factory and restored at resume point 0. */
    public List<SavedValue> entry() {
        return entry;
    }

    /** The suspension points in code order; the k-th has label k. */
    public List<SuspensionPoint> points() {
        return points;
    }

    /** The size of the frame's {@code refs}: the most references kept at any point. */
    public int refCount() {
        return refCount;
    }

    /** The size of the frame's {@code prims}. */
    public int primCount() {
        return primCount;
    }

    /**
     * Whether the method keeps exactly two primitives, each 32 bits wide ({@code int}-like or
     * {@code float}) wherever it is kept: then both share the frame's one {@code long} field, so
     * the frame needs no array for them (a loop's counter and bound, most often).
     */
    public boolean twoIntsInOneSlot() {
        if (primCount != 2 || !narrow(entry)) {
            return false;
        }
        for (SuspensionPoint p : points) {
            if (!narrow(p.locals()) || !narrow(p.stack())) {
                return false;
            }
        }
        return true;
    }

    private static boolean narrow(List<SavedValue> values) {
        for (SavedValue v : values) {
            if (v.kind() == SavedValue.Kind.LONG || v.kind() == SavedValue.Kind.DOUBLE) {
                return false;
            }
        }
        return true;
    }

    private static int firstReachable(Frame<BasicValue>[] frames) {
        for (int i = 0; i < frames.length; i++) {
            if (frames[i] != null) {
                return i;
            }
        }
        return -1;
    }

    private static List<SavedValue> locals(Frame<BasicValue> f, BitSet live, Slots slots) {
        List<SavedValue> saved = new ArrayList<>();
        for (int local = live.nextSetBit(0); local >= 0 && local < f.getLocals(); local = live.nextSetBit(local + 1)) {
            BasicValue v = f.getLocal(local);
            if (v == null || v.getType() == null || v == BasicValue.UNINITIALIZED_VALUE) {
                continue; // not a value here (a dead or second slot): nothing to keep
            }
            saved.add(slots.save(v.getType(), local));
        }
        return saved;
    }

    /** Hands out indices in {@code refs} and {@code prims} for one suspension point. */
    private static final class Slots {
        private int refs;
        private int prims;

        SavedValue save(Type type, int local) {
            SavedValue.Kind kind = SavedValue.kindOf(type);
            int index;
            switch (kind) {
                case NULL:
                    index = -1;
                    break;
                case REFERENCE:
                    index = refs++;
                    break;
                default:
                    index = prims++;
            }
            return new SavedValue(kind, type, local, index);
        }

        void record(int[] maxRefs, int[] maxPrims) {
            maxRefs[0] = Math.max(maxRefs[0], refs);
            maxPrims[0] = Math.max(maxPrims[0], prims);
        }
    }
}
