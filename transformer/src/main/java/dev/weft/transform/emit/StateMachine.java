package dev.weft.transform.emit;

import dev.weft.transform.analyse.MethodAnalysis;
import dev.weft.transform.analyse.SavedValue;
import dev.weft.transform.analyse.SuspensionPoint;
import dev.weft.transform.check.SourceLocation;
import dev.weft.transform.find.Marker;
import dev.weft.transform.find.MethodKind;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Turns the code of an {@code @Async} method into the body of its state machine: a static
 * method {@code Object name(GeneratorFrame)} (or {@code CoroutineFrame}) that switches on the frame's label to the method's
 * start or to the resume point after a marker, and runs to the next marker or the end.
 *
 * <p>The user's instructions, line numbers and local variable table are kept in place; code is
 * only added around each marker: save the live values and return, and at the resume label
 * restore them. Restores run outside the user's try blocks (the locals are not yet what the
 * handlers expect), and the call that delivers the resumed value runs inside them, so an
 * exception thrown in at a suspension point reaches the user's {@code catch} and {@code finally}.
 */
final class StateMachine {
    private static final String OBJECT_OF_FRAME = "()Ljava/lang/Object;";

    private final MethodNode code;
    private final MethodKind kind;
    private final MethodAnalysis analysis;
    private final SourceIdentity location;
    private final int frameLocal;
    private final FrameSlots slots;
    /** Per suspension point, the code that restores it: [resume label, resumed label). */
    private final List<LabelNode[]> restoreRegions = new ArrayList<>();

    private StateMachine(MethodNode code, MethodKind kind, MethodAnalysis analysis, SourceIdentity location) {
        this.code = code;
        this.location = location;
        this.kind = kind;
        this.analysis = analysis;
        this.frameLocal = code.maxLocals;
        this.slots = new FrameSlots(frameLocal);
    }

    /**
     * Builds the body method named {@code bodyName} from {@code original}'s code, which it takes
     * over: afterwards {@code original} has no instructions of its own.
     */
    static MethodNode build(MethodNode original, MethodKind kind, MethodAnalysis analysis, String bodyName, SourceIdentity location) {
        MethodNode body = new MethodNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                bodyName, Runtime.bodyDescriptor(kind), null, null);
        body.instructions = original.instructions;
        body.tryCatchBlocks = original.tryCatchBlocks;
        body.localVariables = original.localVariables;
        body.visibleLocalVariableAnnotations = original.visibleLocalVariableAnnotations;
        body.invisibleLocalVariableAnnotations = original.invisibleLocalVariableAnnotations;
        body.maxLocals = original.maxLocals;
        body.maxStack = original.maxStack;
        new StateMachine(body, kind, analysis, location).emit(SourceLocation.firstLine(original));
        original.instructions = new InsnList();
        original.tryCatchBlocks = new ArrayList<>();
        original.localVariables = null;
        original.visibleLocalVariableAnnotations = null;
        original.invisibleLocalVariableAnnotations = null;
        return body;
    }

    private void emit(int firstLine) {
        for (AbstractInsnNode insn : code.instructions.toArray()) {
            if (insn instanceof FrameNode) {
                code.instructions.remove(insn); // frames are computed anew for the whole body
            }
        }
        List<SuspensionPoint> points = analysis.points();
        LabelNode[] resumeLabels = new LabelNode[points.size() + 1];
        for (int i = 0; i < resumeLabels.length; i++) {
            resumeLabels[i] = new LabelNode();
        }
        for (SuspensionPoint p : points) {
            replaceSuspension(p, resumeLabels[p.label()]);
        }
        code.instructions.insert(prologue(resumeLabels, firstLine));
        splitTryBlocks();
    }

    /**
     * Dispatch on the label; label 0 restores the parameters and falls into the user's code. Any
     * other label (the runtime asks with -1) returns the body's {@link SourceIdentity}, for async
     * stack traces: it costs nothing on the way to a resume point.
     */
    private InsnList prologue(LabelNode[] resumeLabels, int firstLine) {
        InsnList pro = new InsnList();
        LabelNode begin = new LabelNode();
        pro.add(begin);
        if (firstLine > 0) {
            pro.add(new LineNumberNode(firstLine, begin));
        }
        pro.add(new VarInsnNode(Opcodes.ALOAD, 0));
        pro.add(new VarInsnNode(Opcodes.ASTORE, frameLocal));
        pro.add(new VarInsnNode(Opcodes.ALOAD, frameLocal));
        pro.add(new FieldInsnNode(Opcodes.GETFIELD, Runtime.FRAME, "label", "I"));
        LabelNode describe = new LabelNode();
        pro.add(new TableSwitchInsnNode(0, resumeLabels.length - 1, describe, resumeLabels));
        pro.add(describe);
        pro.add(new LdcInsnNode(location.describe(analysis.points())));
        pro.add(new InsnNode(Opcodes.ARETURN));
        pro.add(resumeLabels[0]);
        for (SavedValue v : analysis.entry()) {
            pro.add(slots.restore(v, v.local()));
        }
        return pro;
    }

    /**
     * At a marker: keep its argument, spill the stack beneath it, save the live locals, suspend;
     * at the resume label: restore locals and stack, then take the resumed value.
     */
    private void replaceSuspension(SuspensionPoint p, LabelNode resume) {
        int argument = frameLocal + 1;
        int next = argument + 1;
        List<SavedValue> stack = p.stack();
        int[] spill = new int[stack.size()];
        for (int j = 0; j < stack.size(); j++) {
            spill[j] = next;
            next += stack.get(j).jvmType().getSize();
        }

        InsnList s = new InsnList();
        s.add(new VarInsnNode(Opcodes.ASTORE, argument));
        LabelNode join = null;
        if (p.marker().isAwait()) {
            // the fast path: what is done already is taken at once, with nothing saved
            join = new LabelNode();
            s.add(new VarInsnNode(Opcodes.ALOAD, frameLocal));
            s.add(new VarInsnNode(Opcodes.ALOAD, argument));
            s.add(frameCall("tryAwait", "(Ljava/lang/Object;)Ljava/lang/Object;"));
            s.add(new InsnNode(Opcodes.DUP));
            s.add(new FieldInsnNode(Opcodes.GETSTATIC, Runtime.AWAIT_FRAME, "PENDING", "Ljava/lang/Object;"));
            s.add(new JumpInsnNode(Opcodes.IF_ACMPNE, join));
            s.add(new InsnNode(Opcodes.POP));
        }
        for (int j = stack.size() - 1; j >= 0; j--) {
            SavedValue v = stack.get(j);
            s.add(v.kind() == SavedValue.Kind.NULL ? new InsnNode(Opcodes.POP)
                    : new VarInsnNode(v.jvmType().getOpcode(Opcodes.ISTORE), spill[j]));
        }
        for (SavedValue v : p.locals()) {
            s.add(slots.save(v, v.local()));
        }
        for (int j = 0; j < stack.size(); j++) {
            s.add(slots.save(stack.get(j), spill[j]));
        }
        s.add(new VarInsnNode(Opcodes.ALOAD, frameLocal));
        s.add(FrameSlots.push(p.label()));
        s.add(new VarInsnNode(Opcodes.ALOAD, argument));
        s.add(suspendCall(p.marker()));
        s.add(new InsnNode(Opcodes.ARETURN));

        s.add(resume);
        for (SavedValue v : p.locals()) {
            s.add(slots.restore(v, v.local()));
        }
        for (SavedValue v : stack) {
            s.add(slots.load(v));
        }
        LabelNode resumed = new LabelNode();
        s.add(resumed);
        if (p.line() > 0) {
            s.add(new LineNumberNode(p.line(), resumed));
        }
        s.add(new VarInsnNode(Opcodes.ALOAD, frameLocal));
        s.add(frameCall("resumeValue", OBJECT_OF_FRAME));
        if (join != null) {
            s.add(join);
        }
        if (p.marker() == Marker.YIELD_FROM_ITERABLE) {
            s.add(new InsnNode(Opcodes.POP));
        }
        code.instructions.insert(p.call(), s);
        code.instructions.remove(p.call());
        restoreRegions.add(new LabelNode[] {resume, resumed});
    }

    private MethodInsnNode suspendCall(Marker marker) {
        switch (marker) {
            case YIELD:
                return frameCall("yieldValue", "(ILjava/lang/Object;)Ljava/lang/Object;");
            case YIELD_FROM:
                return frameCall("yieldFrom", "(ILdev/weft/Generator;)Ljava/lang/Object;");
            case YIELD_FROM_ITERABLE:
                return frameCall("yieldFromIterable", "(ILjava/lang/Iterable;)Ljava/lang/Object;");
            case AWAIT:
            case AWAIT_STAGE:
                return frameCall("suspendAwait", "(ILjava/lang/Object;)Ljava/lang/Object;");
            default:
                throw new IllegalArgumentException(marker + " does not suspend");
        }
    }

    private MethodInsnNode frameCall(String name, String descriptor) {
        return new MethodInsnNode(Opcodes.INVOKEVIRTUAL, kind.frameClass(), name, descriptor, false);
    }

    /** Cuts every restore region out of the try blocks that cover it, keeping the handlers' order. */
    private void splitTryBlocks() {
        if (restoreRegions.isEmpty() || code.tryCatchBlocks.isEmpty()) {
            return;
        }
        InsnList insns = code.instructions;
        List<TryCatchBlockNode> split = new ArrayList<>();
        for (TryCatchBlockNode tcb : code.tryCatchBlocks) {
            int start = insns.indexOf(tcb.start);
            int end = insns.indexOf(tcb.end);
            LabelNode from = tcb.start;
            List<LabelNode[]> inside = new ArrayList<>();
            for (LabelNode[] region : restoreRegions) {
                int at = insns.indexOf(region[0]);
                if (at > start && at < end) {
                    inside.add(region);
                }
            }
            inside.sort((a, b) -> Integer.compare(insns.indexOf(a[0]), insns.indexOf(b[0])));
            for (LabelNode[] region : inside) {
                split.add(copy(tcb, from, region[0]));
                from = region[1];
            }
            split.add(inside.isEmpty() ? tcb : copy(tcb, from, tcb.end));
        }
        code.tryCatchBlocks = split;
    }

    private static TryCatchBlockNode copy(TryCatchBlockNode tcb, LabelNode start, LabelNode end) {
        TryCatchBlockNode c = new TryCatchBlockNode(start, end, tcb.handler, tcb.type);
        c.visibleTypeAnnotations = tcb.visibleTypeAnnotations;
        c.invisibleTypeAnnotations = tcb.invisibleTypeAnnotations;
        return c;
    }
}
