package dev.weft.transform.prepare;

import dev.weft.transform.find.Marker;
import dev.weft.transform.report.MethodBudget;
import java.util.IdentityHashMap;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Whether a suspending marker may see an object whose {@code new} ran and whose constructor has
 * not: one cheap pass that spares {@link NewHoisting} its two full analyses in the usual method,
 * whose loops and markers never hold an unfinished object.
 *
 * <p>It over-approximates {@link NewHoisting}'s own test: each {@code new} makes a value of its
 * own, copies keep it, its constructor call finishes every copy, and any merge of such a value
 * with another value stays "maybe unfinished". So when it answers {@code false}, no object is
 * kept unfinished across a marker and the full analyses would change nothing.
 */
final class UnfinishedAtMarkers {
    private UnfinishedAtMarkers() {
    }

    /** Whether some suspending marker of {@code method} may hold an unfinished object (true when unsure). */
    static boolean mayHold(String owner, MethodNode method) {
        Frame<BasicValue>[] frames;
        try {
            frames = MethodBudget.of(new Analyzer<BasicValue>(new Identities()) {
                @Override
                protected Frame<BasicValue> newFrame(int numLocals, int numStack) {
                    return new Finishing(numLocals, numStack);
                }

                @Override
                protected Frame<BasicValue> newFrame(Frame<? extends BasicValue> frame) {
                    return new Finishing(frame);
                }
            }).analyze(owner, method);
        } catch (AnalyzerException e) {
            return true; // let the full analyses decide (and report)
        }
        int i = 0;
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext(), i++) {
            Frame<BasicValue> f = frames[i];
            if (f != null && insn instanceof MethodInsnNode && holdsUnfinished(f)) {
                Marker m = Marker.of(insn);
                if (m != null && m.suspends()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean holdsUnfinished(Frame<BasicValue> f) {
        for (int s = 0; s < f.getStackSize(); s++) {
            if (f.getStack(s) instanceof Unfinished) {
                return true;
            }
        }
        for (int l = 0; l < f.getLocals(); l++) {
            if (f.getLocal(l) instanceof Unfinished) {
                return true;
            }
        }
        return false;
    }

    /** The object of one {@code new} before its constructor runs, or ({@link #MAYBE}) of some {@code new}. */
    private static final class Unfinished extends BasicValue {
        static final Unfinished MAYBE = new Unfinished();

        Unfinished() {
            super(BasicValue.REFERENCE_VALUE.getType());
        }

        @Override
        public boolean equals(Object other) {
            return this == other; // one value per allocation: copies are the same object
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /**
     * The basic interpreter, but each {@code new} makes an {@link Unfinished} value of its own (the
     * same each time the analysis passes it, as {@link NewHoisting}'s sources are instructions),
     * which merges only with itself.
     */
    private static final class Identities extends BasicInterpreter {
        private final Map<AbstractInsnNode, Unfinished> made = new IdentityHashMap<>();

        Identities() {
            super(Opcodes.ASM9);
        }

        @Override
        public BasicValue newOperation(AbstractInsnNode insn) throws AnalyzerException {
            return insn.getOpcode() == Opcodes.NEW ? made.computeIfAbsent(insn, i -> new Unfinished()) : super.newOperation(insn);
        }

        @Override
        public BasicValue merge(BasicValue value1, BasicValue value2) {
            if (value1 == value2) {
                return value1;
            }
            if (value1 instanceof Unfinished || value2 instanceof Unfinished) {
                return Unfinished.MAYBE;
            }
            return super.merge(value1, value2);
        }
    }

    /** A constructor call finishes every copy of its receiver (a plain reference then), unless the receiver may be one of several. */
    private static final class Finishing extends FinishingFrame<BasicValue> {
        Finishing(int numLocals, int numStack) {
            super(numLocals, numStack);
        }

        Finishing(Frame<? extends BasicValue> frame) {
            super(frame);
        }

        @Override
        BasicValue finished(BasicValue receiver) {
            return receiver instanceof Unfinished && receiver != Unfinished.MAYBE ? BasicValue.REFERENCE_VALUE : null;
        }

        @Override
        boolean isCopy(BasicValue value, BasicValue receiver) {
            return value == receiver;
        }
    }
}
