package dev.weft.transform.prepare;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.Value;

/**
 * A frame in which a constructor call finishes every copy of its object, on the stack and in the
 * locals: they become what {@link #finished} says, no longer the {@code new}'s value. Without it a
 * finished object would still count as its {@code new}'s in the frames after (in a local a loop
 * carries round, or in the locals an exception handler merges), and look kept unfinished across
 * every marker there. The two analyses of this stage differ only in what a copy is and what it
 * becomes.
 *
 * @param <V> the analysis' values
 */
abstract class FinishingFrame<V extends Value> extends Frame<V> {
    FinishingFrame(int numLocals, int numStack) {
        super(numLocals, numStack);
    }

    FinishingFrame(Frame<? extends V> frame) {
        super(frame);
    }

    /** What the copies of {@code receiver} become once its constructor ran; null: they stay. */
    abstract V finished(V receiver);

    /** Whether {@code value} is a copy of the constructor's {@code receiver}. */
    abstract boolean isCopy(V value, V receiver);

    @Override
    public void execute(AbstractInsnNode insn, Interpreter<V> interpreter) throws AnalyzerException {
        V receiver = null;
        if (insn.getOpcode() == Opcodes.INVOKESPECIAL && ((MethodInsnNode) insn).name.equals("<init>")) {
            receiver = getStack(getStackSize() - Type.getArgumentTypes(((MethodInsnNode) insn).desc).length - 1);
        }
        super.execute(insn, interpreter);
        V made = receiver == null ? null : finished(receiver);
        if (made == null) {
            return;
        }
        for (int s = 0; s < getStackSize(); s++) {
            if (isCopy(getStack(s), receiver)) {
                setStack(s, made);
            }
        }
        for (int l = 0; l < getLocals(); l++) {
            if (isCopy(getLocal(l), receiver)) {
                setLocal(l, made);
            }
        }
    }
}
