package dev.weft.transform.emit;

import dev.weft.transform.analyse.MethodAnalysis;
import dev.weft.transform.analyse.SavedValue;
import dev.weft.transform.analyse.SuspensionPoint;
import dev.weft.transform.find.Marker;
import dev.weft.transform.find.MethodKind;
import dev.weft.transform.report.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Turns the code of an {@code @Async} method into the body of its state machine: a static
 * method {@code Object name(GeneratorFrame)} (or {@code CoroutineFrame}) that switches on the frame's label to the method's
 * start or to the resume point after a marker, and runs to the next marker or the end.
 *
 * <p>The user's instructions, line numbers and local variable table are kept in place. A marker
 * becomes a jump to save code and, after it, a resume label. Save and restore code sit before the
 * user's code, outside its try blocks (while restoring, the locals are not yet what the handlers
 * expect), shared by every point that keeps the same values in the same slots: javac copies
 * {@code finally} blocks onto every exit, so many points share a shape, and sharing keeps the
 * rewritten method close to the size of the original. The call that delivers the resumed value
 * runs at the resume label, inside the user's try blocks, so an exception thrown in at a
 * suspension point reaches the user's {@code catch} and {@code finally}.
 */
public final class StateMachine {
    private static final String OBJECT_OF_FRAME = "()Ljava/lang/Object;";

    private final MethodNode code;
    private final MethodKind kind;
    private final MethodAnalysis analysis;
    private final SourceIdentity location;
    private final int stateLocal;
    private final StateSlots slots;

    private StateMachine(MethodNode code, MethodKind kind, MethodAnalysis analysis, SourceIdentity location) {
        this.code = code;
        this.location = location;
        this.kind = kind;
        this.analysis = analysis;
        this.stateLocal = code.maxLocals;
        this.slots = new StateSlots(stateLocal, kind, analysis);
    }

    /**
     * Builds the body method named {@code bodyName} from {@code original}'s code, which it takes
     * over: afterwards {@code original} has no instructions of its own.
     */
    public static MethodNode build(MethodNode original, MethodKind kind, MethodAnalysis analysis, String bodyName, SourceIdentity location) {
        MethodNode body = new MethodNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                bodyName, RuntimeAbi.bodyDescriptor(kind), null, null);
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
        LabelNode start = new LabelNode();
        Map<String, Shared> saves = new LinkedHashMap<>();
        Map<String, Shared> restores = new LinkedHashMap<>();
        LabelNode[] dispatch = new LabelNode[points.size() + 1];
        dispatch[0] = start;
        for (SuspensionPoint p : points) {
            Shared save = saves.computeIfAbsent(p.marker() + " " + shape(p), key -> new Shared(p));
            Shared restore = restores.computeIfAbsent(shape(p), key -> new Shared(p));
            LabelNode resumed = new LabelNode();
            save.points.add(p);
            restore.points.add(p);
            restore.targets.add(resumed);
            dispatch[p.label()] = restore.entry;
            replaceSuspension(p, save.entry, resumed);
        }
        InsnList pro = prologue(dispatch, firstLine);
        for (Shared save : saves.values()) {
            pro.add(saveBlock(save));
        }
        for (Shared restore : restores.values()) {
            pro.add(restoreBlock(restore));
        }
        pro.add(start);
        for (SavedValue v : analysis.entry()) {
            pro.add(slots.restore(v, v.local()));
        }
        code.instructions.insert(pro);
    }

    /** What a point keeps, and where: points of one shape share their save and restore code. */
    private static String shape(SuspensionPoint p) {
        StringBuilder key = new StringBuilder();
        for (SavedValue v : p.locals()) {
            key.append(v.local()).append(':').append(v.type().getDescriptor()).append('@').append(v.index()).append(' ');
        }
        key.append('|');
        for (SavedValue v : p.stack()) {
            key.append(v.type().getDescriptor()).append('@').append(v.index()).append(' ');
        }
        return key.toString();
    }

    /** Code shared by the suspension points of one shape: its entry, the points, where each resumes. */
    private static final class Shared {
        final LabelNode entry = new LabelNode();
        final SuspensionPoint shape;
        final List<SuspensionPoint> points = new ArrayList<>();
        final List<LabelNode> targets = new ArrayList<>();

        Shared(SuspensionPoint shape) {
            this.shape = shape;
        }
    }

    /**
     * Dispatch on the label: 0 goes to the method's start, k to the restore code of point k's
     * shape. Any other label (the runtime asks with -1) returns the body's {@link SourceIdentity},
     * for async stack traces: it costs nothing on the way to a resume point.
     */
    private InsnList prologue(LabelNode[] dispatch, int firstLine) {
        InsnList pro = new InsnList();
        LabelNode begin = new LabelNode();
        pro.add(begin);
        if (firstLine > 0) {
            pro.add(new LineNumberNode(firstLine, begin));
        }
        pro.add(new VarInsnNode(Opcodes.ALOAD, 0));
        pro.add(new VarInsnNode(Opcodes.ASTORE, stateLocal));
        pro.add(new VarInsnNode(Opcodes.ALOAD, stateLocal));
        pro.add(new FieldInsnNode(Opcodes.GETFIELD, RuntimeAbi.FRAME, "label", "I"));
        LabelNode describe = new LabelNode();
        pro.add(new TableSwitchInsnNode(0, dispatch.length - 1, describe, dispatch));
        pro.add(describe);
        pro.add(new LdcInsnNode(location.describe(analysis.points())));
        pro.add(new InsnNode(Opcodes.ARETURN));
        return pro;
    }

    /**
     * Suspends at any point of one shape. On entry the stack holds what the point keeps beneath
     * the marker's argument, the argument, and the point's label: keep the label and the argument,
     * spill the stack, save the live values, suspend.
     */
    private InsnList saveBlock(Shared save) {
        SuspensionPoint p = save.shape;
        int label = stateLocal + 1;
        int argument = label + 1;
        int next = argument + 1;
        List<SavedValue> stack = p.stack();
        int[] spill = new int[stack.size()];
        for (int j = 0; j < stack.size(); j++) {
            spill[j] = next;
            next += stack.get(j).jvmType().getSize();
        }
        InsnList s = new InsnList();
        s.add(save.entry);
        s.add(new VarInsnNode(Opcodes.ISTORE, label));
        s.add(new VarInsnNode(Opcodes.ASTORE, argument));
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
        s.add(new VarInsnNode(Opcodes.ALOAD, stateLocal));
        s.add(new VarInsnNode(Opcodes.ILOAD, label));
        s.add(new VarInsnNode(Opcodes.ALOAD, argument));
        s.add(suspendCall(p.marker()));
        s.add(new InsnNode(Opcodes.ARETURN));
        return s;
    }

    /**
     * Resumes any point of one shape: restore the live locals and the stack beneath the marker,
     * then go to the point's resume label (by the frame's label when the shape has several points).
     */
    private InsnList restoreBlock(Shared restore) {
        SuspensionPoint p = restore.shape;
        InsnList r = new InsnList();
        r.add(restore.entry);
        for (SavedValue v : p.locals()) {
            r.add(slots.restore(v, v.local()));
        }
        for (SavedValue v : p.stack()) {
            r.add(slots.load(v));
        }
        if (restore.points.size() == 1) {
            r.add(new JumpInsnNode(Opcodes.GOTO, restore.targets.get(0)));
            return r;
        }
        int[] keys = new int[restore.points.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = restore.points.get(i).label();
        }
        r.add(new VarInsnNode(Opcodes.ALOAD, stateLocal));
        r.add(new FieldInsnNode(Opcodes.GETFIELD, RuntimeAbi.FRAME, "label", "I"));
        r.add(new LookupSwitchInsnNode(restore.targets.get(0), keys, restore.targets.toArray(new LabelNode[0])));
        return r;
    }

    /**
     * At a marker: the fast path of {@code await} when what is awaited is done; otherwise push the
     * point's label and go to the save code of its shape. The resume label follows, where the
     * resumed value is taken inside the user's try blocks, so what is thrown in reaches them.
     */
    private void replaceSuspension(SuspensionPoint p, LabelNode save, LabelNode resumed) {
        InsnList s = new InsnList();
        LabelNode join = null;
        if (p.marker().isAwait()) {
            int argument = stateLocal + 2;
            join = new LabelNode();
            s.add(new VarInsnNode(Opcodes.ASTORE, argument));
            s.add(new VarInsnNode(Opcodes.ALOAD, stateLocal));
            s.add(new VarInsnNode(Opcodes.ALOAD, argument));
            boolean joins = p.marker() == Marker.EA_AWAIT; // ea-async's await raises as join() does
            s.add(frameCall(joins ? "tryJoin" : "tryAwait", "(Ljava/lang/Object;)Ljava/lang/Object;"));
            s.add(new InsnNode(Opcodes.DUP));
            s.add(new FieldInsnNode(Opcodes.GETSTATIC, RuntimeAbi.AWAIT_FRAME, "PENDING", "Ljava/lang/Object;"));
            s.add(new JumpInsnNode(Opcodes.IF_ACMPNE, join));
            s.add(new InsnNode(Opcodes.POP));
            s.add(new VarInsnNode(Opcodes.ALOAD, argument));
        }
        s.add(StateSlots.push(p.label()));
        s.add(new JumpInsnNode(Opcodes.GOTO, save));
        s.add(resumed);
        if (p.line() > 0) {
            s.add(new LineNumberNode(p.line(), resumed));
        }
        s.add(new VarInsnNode(Opcodes.ALOAD, stateLocal));
        s.add(frameCall(p.marker() == Marker.EA_AWAIT ? "resumeJoined" : "resumeValue", OBJECT_OF_FRAME));
        if (join != null) {
            s.add(join);
        }
        if (p.marker() == Marker.YIELD_FROM_ITERABLE) {
            s.add(new InsnNode(Opcodes.POP));
        }
        code.instructions.insert(p.call(), s);
        code.instructions.remove(p.call());
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
            case EA_AWAIT:
                return frameCall("suspendAwait", "(ILjava/lang/Object;)Ljava/lang/Object;");
            default:
                throw new IllegalArgumentException(marker + " does not suspend");
        }
    }

    private MethodInsnNode frameCall(String name, String descriptor) {
        return new MethodInsnNode(Opcodes.INVOKEVIRTUAL, kind.frameClass(), name, descriptor, false);
    }
}
