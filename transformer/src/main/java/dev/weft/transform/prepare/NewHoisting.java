package dev.weft.transform.prepare;

import dev.weft.transform.find.Marker;
import dev.weft.transform.report.MethodBudget;
import dev.weft.transform.report.Problem;
import dev.weft.transform.report.Refusal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Makes every object whose {@code new} and constructor call lie on both sides of a suspending
 * marker after the suspension ({@code new Foo(a, Generator.yield(x), b)}): an uninitialized
 * object cannot be saved in a frame. Runs before the analysis.
 *
 * <p>The unfinished object is followed through every copy (the {@code dup} javac emits, more
 * {@code dup}s, {@code swap}, {@code dup_x1}/{@code dup_x2}/{@code dup2_x1}, stores to locals and
 * loads back: shapes other compilers and bytecode generators emit). Until its constructor runs,
 * each copy is a {@code null} placeholder, which costs no slot in the frame. At the constructor
 * call the stack down to the deepest copy is kept in fresh locals, the object is made and
 * constructed from the kept arguments, and every copy, on the stack and in locals, is replaced
 * by it. javac's {@code new; dup; args; <init>} comes out as {@code args; new; dup; args; <init>}.
 *
 * <p>{@code new Foo} also initializes {@code Foo} (JVMS 5.5), before the arguments run: its static
 * initializer, or the error it throws, comes before the suspension in Java. So the original site
 * keeps {@code new Foo; pop}: the verifier lets an uninitialized object be popped (JVMS 4.10.1.9).
 * The object, never constructed, is garbage at once (HotSpot registers finalizers in
 * {@code Object.<init>}, which it never reaches), and C2's escape analysis removes the allocation.
 * The owner's own {@code new} is left out: the body is a static method of the owner, so the owner
 * is initialized (or being initialized by this very thread) whenever it runs.
 *
 * <p>Refused, at the allocation's line: a value that is the unfinished object on some paths and
 * another value on others when its constructor runs (the JVM's verifier rejects such code anyway),
 * and an unfinished object compared, locked or stored in an array across a marker (its identity
 * before the constructor cannot be kept).
 */
public final class NewHoisting {
    private NewHoisting() {
    }

    /**
     * Rewrites every {@code new} of {@code method}, a method of class {@code cls}, whose unfinished
     * object is kept across a suspending marker.
     *
     * @return the refusal of a {@code new} that cannot be moved past its marker, else null
     */
    public static Problem apply(ClassNode cls, MethodNode method) {
        if (!mayKeepUnfinished(method) || !UnfinishedAtMarkers.mayHold(cls.name, method)) {
            return null;
        }
        AbstractInsnNode[] insns = method.instructions.toArray();
        List<List<Integer>> successors = new ArrayList<>();
        for (int i = 0; i < insns.length; i++) {
            successors.add(new ArrayList<>());
        }
        Frame<SourceValue>[] origins;
        Frame<BasicValue>[] kinds;
        try {
            origins = MethodBudget.of(new Analyzer<SourceValue>(new Copies()) {
                @Override
                protected Frame<SourceValue> newFrame(int numLocals, int numStack) {
                    return new Finishing(numLocals, numStack);
                }

                @Override
                protected Frame<SourceValue> newFrame(Frame<? extends SourceValue> frame) {
                    return new Finishing(frame);
                }

                @Override
                protected void newControlFlowEdge(int insn, int successor) {
                    successors.get(insn).add(successor);
                }

                @Override
                protected boolean newControlFlowExceptionEdge(int insn, int successor) {
                    successors.get(insn).add(successor);
                    return true;
                }
            }).analyze(cls.name, method);
            kinds = MethodBudget.of(new Analyzer<>(new BasicInterpreter())).analyze(cls.name, method);
        } catch (AnalyzerException e) {
            return null; // the analysis that follows reports it
        }
        Map<TypeInsnNode, List<MethodInsnNode>> spanning = new LinkedHashMap<>();
        Map<TypeInsnNode, AbstractInsnNode> javacDups = new HashMap<>();
        Map<AbstractInsnNode, BitSet> regions = new HashMap<>();
        for (int n = 0; n < insns.length; n++) {
            if (insns[n].getOpcode() != Opcodes.NEW || origins[n] == null) {
                continue;
            }
            List<MethodInsnNode> constructors = constructorsOf(insns, origins, insns[n]);
            BitSet region = unfinished(insns, successors, n, constructors);
            if (keptAcrossMarker(insns, origins, region, insns[n])) {
                Problem misused = misused(cls, method, insns, origins, region, (TypeInsnNode) insns[n]);
                if (misused != null) {
                    return misused;
                }
                spanning.put((TypeInsnNode) insns[n], constructors);
                regions.put(insns[n], region);
                AbstractInsnNode dup = javacDup(insns, origins, region, n);
                if (dup != null) {
                    javacDups.put((TypeInsnNode) insns[n], dup);
                }
            }
        }
        keepCopiesMovedByOthers(insns, origins, spanning, javacDups, regions);
        for (Map.Entry<TypeInsnNode, List<MethodInsnNode>> e : spanning.entrySet()) {
            TypeInsnNode allocation = e.getKey();
            for (MethodInsnNode constructor : e.getValue()) {
                if (!constructor.owner.equals(allocation.desc)) {
                    return Refusal.near(cls, method, allocation, "a marker inside the arguments of 'new " + javaName(allocation)
                            + "(...)' in a shape no Java compiler produces: assign the marker's result to a local first");
                }
                int at = indexOf(insns, constructor);
                Problem problem = construct(cls, method, allocation, constructor, origins[at], kinds[at],
                        javacDups.containsKey(allocation));
                if (problem != null) {
                    return problem;
                }
            }
        }
        for (TypeInsnNode allocation : spanning.keySet()) {
            InsnList placeholder = new InsnList();
            if (!allocation.desc.equals(cls.name)) {
                placeholder.add(new TypeInsnNode(Opcodes.NEW, allocation.desc));
                placeholder.add(new InsnNode(Opcodes.POP));
            }
            AbstractInsnNode dup = javacDups.get(allocation);
            if (dup != null) {
                method.instructions.remove(dup);
            } else {
                placeholder.add(new InsnNode(Opcodes.ACONST_NULL));
            }
            method.instructions.insertBefore(allocation, placeholder);
            method.instructions.remove(allocation);
        }
        return null;
    }

    /**
     * The {@code dup} after {@code new} when the object is javac's: its two copies stay where
     * {@code new; dup} put them, beneath all else, until the constructor takes the upper one; then
     * neither need be there at all, and the code keeps javac's shape with no placeholder. Else null.
     */
    private static AbstractInsnNode javacDup(AbstractInsnNode[] insns, Frame<SourceValue>[] origins, BitSet region, int n) {
        AbstractInsnNode dup = insns[n].getNext();
        while (dup != null && dup.getOpcode() < 0) {
            dup = dup.getNext();
        }
        if (dup == null || dup.getOpcode() != Opcodes.DUP) {
            return null;
        }
        int bottom = origins[n].getStackSize();
        for (int i = region.nextSetBit(0); i >= 0; i = region.nextSetBit(i + 1)) {
            Frame<SourceValue> f = origins[i];
            if (f == null) {
                continue;
            }
            for (int l = 0; l < f.getLocals(); l++) {
                if (f.getLocal(l).insns.contains(insns[n])) {
                    return null;
                }
            }
            int copies = 0;
            for (int st = 0; st < f.getStackSize(); st++) {
                if (f.getStack(st).insns.contains(insns[n])) {
                    if (st != bottom && st != bottom + 1) {
                        return null;
                    }
                    copies++;
                }
            }
            if (copies == 1 && insns[i] != dup) {
                return null;
            }
        }
        return dup;
    }

    /**
     * Keeps the placeholders of a javac-shaped object whose copies lie among the values another
     * object's constructor call moves to locals and back (the other's copy is deeper down).
     */
    private static void keepCopiesMovedByOthers(AbstractInsnNode[] insns, Frame<SourceValue>[] origins,
                                                Map<TypeInsnNode, List<MethodInsnNode>> spanning,
                                                Map<TypeInsnNode, AbstractInsnNode> javacDups,
                                                Map<AbstractInsnNode, BitSet> regions) {
        for (Map.Entry<TypeInsnNode, List<MethodInsnNode>> e : spanning.entrySet()) {
            for (MethodInsnNode constructor : e.getValue()) {
                int at = indexOf(insns, constructor);
                Frame<SourceValue> f = origins[at];
                int deepest = f.getStackSize();
                for (int st = f.getStackSize() - 1; st >= 0; st--) {
                    if (f.getStack(st).insns.contains(e.getKey())) {
                        deepest = st;
                    }
                }
                for (int st = deepest; st < f.getStackSize(); st++) {
                    for (AbstractInsnNode source : f.getStack(st).insns) {
                        if (source != e.getKey() && regions.containsKey(source) && regions.get(source).get(at)) {
                            javacDups.remove(source); // still unfinished here, so moved: its copies must exist
                        }
                    }
                }
            }
        }
    }

    /** Finished, the copies of an object are no longer its {@code new}'s: they come from elsewhere. */
    private static final class Finishing extends FinishingFrame<SourceValue> {
        Finishing(int numLocals, int numStack) {
            super(numLocals, numStack);
        }

        Finishing(Frame<? extends SourceValue> frame) {
            super(frame);
        }

        @Override
        SourceValue finished(SourceValue receiver) {
            return Copies.ONE_WORD;
        }

        @Override
        boolean isCopy(SourceValue value, SourceValue receiver) {
            for (AbstractInsnNode source : value.insns) {
                if (source.getOpcode() == Opcodes.NEW && receiver.insns.contains(source)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The source interpreter, but a copy (load, store, dup, swap) keeps the origin of what it
     * copies, and every value no {@code new} made has one origin, {@link #ELSEWHERE}: this stage
     * asks only whether a value is (or may be) a {@code new}'s object. Told apart, the other
     * values' origins grew with every path through javac's copied finally blocks, and the analysis
     * of a long method ran out of its budget; merged, a value is still seen as mixed when one path
     * brings a {@code new}'s object and another anything else.
     */
    private static final class Copies extends SourceInterpreter {
        /** The origin of every value that is not a {@code new}'s object (an instruction of no method). */
        private static final AbstractInsnNode ELSEWHERE = new InsnNode(Opcodes.NOP);
        private static final SourceValue ONE_WORD = new SourceValue(1, ELSEWHERE);
        private static final SourceValue TWO_WORDS = new SourceValue(2, ELSEWHERE);

        Copies() {
            super(Opcodes.ASM9);
        }

        @Override
        public SourceValue newOperation(AbstractInsnNode insn) {
            return insn.getOpcode() == Opcodes.NEW ? super.newOperation(insn) : elsewhere(super.newOperation(insn));
        }

        @Override
        public SourceValue copyOperation(AbstractInsnNode insn, SourceValue value) {
            return value;
        }

        @Override
        public SourceValue unaryOperation(AbstractInsnNode insn, SourceValue value) {
            return elsewhere(super.unaryOperation(insn, value));
        }

        @Override
        public SourceValue binaryOperation(AbstractInsnNode insn, SourceValue value1, SourceValue value2) {
            return elsewhere(super.binaryOperation(insn, value1, value2));
        }

        @Override
        public SourceValue ternaryOperation(AbstractInsnNode insn, SourceValue value1, SourceValue value2, SourceValue value3) {
            return elsewhere(super.ternaryOperation(insn, value1, value2, value3));
        }

        @Override
        public SourceValue naryOperation(AbstractInsnNode insn, List<? extends SourceValue> values) {
            return elsewhere(super.naryOperation(insn, values));
        }

        private static SourceValue elsewhere(SourceValue value) {
            return value.getSize() == 2 ? TWO_WORDS : ONE_WORD;
        }
    }

    /**
     * Whether an unfinished object may be kept across a marker: a marker lies between a {@code new}
     * and a constructor call in code order, or the method jumps back (a loop may carry one around)
     * and some object is still unfinished at a jump, a switch or a store. When every {@code new}
     * reaches its constructor in straight-line code, keeping its copies on the stack alone, no
     * loop can carry it: a throw on the way clears the stack. Most methods that make objects and
     * suspend are of one of these kinds, and are spared the analyses.
     */
    private static boolean mayKeepUnfinished(MethodNode method) {
        int open = 0;
        boolean makes = false;
        boolean suspends = false;
        boolean jumpsBack = false;
        boolean leavesStraightLine = false;
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            int op = insn.getOpcode();
            if (op == Opcodes.NEW) {
                open++;
                makes = true;
            } else if (op == Opcodes.INVOKESPECIAL && open > 0 && ((MethodInsnNode) insn).name.equals("<init>")) {
                open--;
            } else if (insn instanceof JumpInsnNode) {
                jumpsBack |= method.instructions.indexOf(((JumpInsnNode) insn).label) < method.instructions.indexOf(insn);
                leavesStraightLine |= open > 0;
            } else if (insn instanceof MethodInsnNode) {
                Marker m = Marker.of(insn);
                if (m != null && m.suspends()) {
                    if (open > 0) {
                        return true;
                    }
                    suspends = true;
                }
            } else if (open > 0 && storesOrSwitches(op)) {
                leavesStraightLine = true;
            }
        }
        return makes && suspends && jumpsBack && (leavesStraightLine || open > 0);
    }

    /** A store to a local, a {@code ret}, or a switch: where an unfinished object may leave straight-line code. */
    private static boolean storesOrSwitches(int op) {
        return op >= Opcodes.ISTORE && op <= Opcodes.ASTORE || op == Opcodes.RET
                || op == Opcodes.TABLESWITCH || op == Opcodes.LOOKUPSWITCH;
    }

    /** The index of {@code insn} in the code as analysed, before any change. */
    private static int indexOf(AbstractInsnNode[] insns, AbstractInsnNode insn) {
        for (int i = 0; i < insns.length; i++) {
            if (insns[i] == insn) {
                return i;
            }
        }
        throw new IllegalArgumentException("not in the method's code: " + insn);
    }

    /** The constructor calls whose object is the one {@code allocation} makes. */
    private static List<MethodInsnNode> constructorsOf(AbstractInsnNode[] insns, Frame<SourceValue>[] origins,
                                                       AbstractInsnNode allocation) {
        List<MethodInsnNode> found = new ArrayList<>();
        for (int i = 0; i < insns.length; i++) {
            if (insns[i].getOpcode() == Opcodes.INVOKESPECIAL && origins[i] != null
                    && ((MethodInsnNode) insns[i]).name.equals("<init>")) {
                MethodInsnNode call = (MethodInsnNode) insns[i];
                int receiver = origins[i].getStackSize() - Type.getArgumentTypes(call.desc).length - 1;
                if (origins[i].getStack(receiver).insns.contains(allocation)) {
                    found.add(call);
                }
            }
        }
        return found;
    }

    /** The instructions reached from {@code allocation} before its constructor runs (the constructor call included). */
    private static BitSet unfinished(AbstractInsnNode[] insns, List<List<Integer>> successors, int allocation,
                                     List<MethodInsnNode> constructors) {
        BitSet region = new BitSet();
        Deque<Integer> work = new ArrayDeque<>(successors.get(allocation));
        while (!work.isEmpty()) {
            int i = work.pop();
            if (i == allocation || region.get(i)) {
                continue;
            }
            region.set(i);
            if (!constructors.contains(insns[i])) {
                work.addAll(successors.get(i));
            }
        }
        return region;
    }

    private static boolean keptAcrossMarker(AbstractInsnNode[] insns, Frame<SourceValue>[] origins, BitSet region,
                                            AbstractInsnNode allocation) {
        for (int i = region.nextSetBit(0); i >= 0; i = region.nextSetBit(i + 1)) {
            Marker m = Marker.of(insns[i]);
            if (m != null && m.suspends() && origins[i] != null && holds(origins[i], allocation)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(Frame<SourceValue> f, AbstractInsnNode allocation) {
        for (int s = 0; s < f.getStackSize(); s++) {
            if (f.getStack(s).insns.contains(allocation)) {
                return true;
            }
        }
        for (int l = 0; l < f.getLocals(); l++) {
            if (f.getLocal(l).insns.contains(allocation)) {
                return true;
            }
        }
        return false;
    }

    /** The refusal of an unfinished object compared, locked or stored in an array while it is kept across a marker. */
    private static Problem misused(ClassNode cls, MethodNode method, AbstractInsnNode[] insns, Frame<SourceValue>[] origins,
                                   BitSet region, TypeInsnNode allocation) {
        for (int i = region.nextSetBit(0); i >= 0; i = region.nextSetBit(i + 1)) {
            int looked = looksAtIdentity(insns[i].getOpcode());
            Frame<SourceValue> f = origins[i];
            for (int k = 1; f != null && k <= looked; k++) {
                if (f.getStack(f.getStackSize() - k).insns.contains(allocation)) {
                    return Refusal.near(cls, method, insns[i], "the unfinished object of 'new " + javaName(allocation)
                            + "' is compared, locked or stored before its constructor runs, and kept across a marker:"
                            + " the rewrite makes the object after the suspension; construct it before the marker");
                }
            }
        }
        return null;
    }

    /** How many values on top of the stack an instruction looks at as references (0: none, or only copies them). */
    private static int looksAtIdentity(int opcode) {
        switch (opcode) {
            case Opcodes.IFNULL:
            case Opcodes.IFNONNULL:
            case Opcodes.MONITORENTER:
            case Opcodes.MONITOREXIT:
            case Opcodes.AASTORE:
            case Opcodes.PUTFIELD:
            case Opcodes.ARETURN:
            case Opcodes.ATHROW:
                return 1;
            case Opcodes.IF_ACMPEQ:
            case Opcodes.IF_ACMPNE:
                return 2;
            default:
                return 0;
        }
    }

    /**
     * Replaces the object of {@code constructor}, made by {@code allocation}, with one made there:
     * the stack down to the deepest copy goes to fresh locals, the copies are dropped, the object
     * is made and constructed, and each copy, on the stack and in locals, becomes the object.
     */
    private static Problem construct(ClassNode cls, MethodNode method, TypeInsnNode allocation, MethodInsnNode constructor,
                                     Frame<SourceValue> origin, Frame<BasicValue> kind, boolean javacShape) {
        int size = origin.getStackSize();
        int receiver = size - Type.getArgumentTypes(constructor.desc).length - 1;
        int deepest = receiver;
        for (int s = size - 1; s >= 0; s--) {
            Set<AbstractInsnNode> from = origin.getStack(s).insns;
            if (from.contains(allocation) && (from.size() > 1 || s > receiver)) {
                return mixed(cls, method, allocation);
            }
            if (from.contains(allocation)) {
                deepest = s;
            }
        }
        List<Integer> localCopies = new ArrayList<>();
        for (int l = 0; l < origin.getLocals(); l++) {
            Set<AbstractInsnNode> from = origin.getLocal(l).insns;
            if (from.contains(allocation)) {
                if (from.size() > 1) {
                    return mixed(cls, method, allocation);
                }
                localCopies.add(l);
            }
        }
        int[] kept = new int[size];
        InsnList before = new InsnList();
        for (int s = size - 1; s >= deepest; s--) {
            if (s <= receiver && isCopy(origin, s, allocation)) {
                if (!javacShape) {
                    before.add(new InsnNode(Opcodes.POP));
                }
            } else {
                Type type = kind.getStack(s).getType();
                kept[s] = method.maxLocals;
                method.maxLocals += type.getSize();
                before.add(new VarInsnNode(type.getOpcode(Opcodes.ISTORE), kept[s]));
            }
        }
        boolean onlyOneCopyBelow = deepest == receiver - 1 && localCopies.isEmpty();
        boolean noCopyKept = deepest == receiver && localCopies.isEmpty();
        before.add(new TypeInsnNode(Opcodes.NEW, allocation.desc));
        if (!noCopyKept) {
            before.add(new InsnNode(Opcodes.DUP));
        }
        for (int s = receiver + 1; s < size; s++) {
            before.add(load(kind, s, kept[s]));
        }
        method.instructions.insertBefore(constructor, before);
        if (noCopyKept || onlyOneCopyBelow) {
            return null; // javac's shape (and ECJ's statement 'new Foo(..);'): the object is where the copy was
        }
        if (deepest == receiver) {
            method.maxStack = Math.max(method.maxStack, size + 1); // the object and its copy to keep, with the arguments
        }
        InsnList after = new InsnList();
        int made = method.maxLocals++;
        after.add(new VarInsnNode(Opcodes.ASTORE, made));
        for (int s = deepest; s < receiver; s++) {
            after.add(isCopy(origin, s, allocation) ? new VarInsnNode(Opcodes.ALOAD, made) : load(kind, s, kept[s]));
        }
        for (int l : localCopies) {
            after.add(new VarInsnNode(Opcodes.ALOAD, made));
            after.add(new VarInsnNode(Opcodes.ASTORE, l));
        }
        method.instructions.insert(constructor, after);
        return null;
    }

    private static boolean isCopy(Frame<SourceValue> origin, int s, AbstractInsnNode allocation) {
        return origin.getStack(s).insns.contains(allocation);
    }

    private static VarInsnNode load(Frame<BasicValue> kind, int s, int local) {
        return new VarInsnNode(kind.getStack(s).getType().getOpcode(Opcodes.ILOAD), local);
    }

    private static Problem mixed(ClassNode cls, MethodNode method, TypeInsnNode allocation) {
        return Refusal.near(cls, method, allocation, "a marker inside the arguments of 'new " + javaName(allocation)
                + "(...)' where the unfinished object is mixed with other values on other paths (code the JVM's"
                + " verifier rejects): assign the arguments to locals first");
    }

    private static String javaName(TypeInsnNode allocation) {
        return allocation.desc.replace('/', '.');
    }
}
