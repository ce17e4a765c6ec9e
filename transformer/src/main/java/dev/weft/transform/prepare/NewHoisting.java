package dev.weft.transform.prepare;

import dev.weft.transform.find.Marker;
import dev.weft.transform.report.Problem;
import dev.weft.transform.report.Refusal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Moves {@code new C; dup} down to just before its constructor call when a marker runs in
 * between ({@code new Foo(a, Generator.yield(x), b)}): an uninitialized object cannot be saved
 * in a frame, so the arguments are evaluated first, kept in fresh locals, and handed to the
 * constructor of an object made after the suspension. Runs before the analysis.
 *
 * <p>{@code new Foo} also initializes {@code Foo} (JVMS 5.5), before the arguments run: its static
 * initializer, or the error it throws, comes before the suspension in Java. So the original site
 * keeps {@code new Foo; pop}: the verifier lets an uninitialized object be popped (JVMS 4.10.1.9,
 * {@code pop} takes any category 1 type). The object, never constructed, is garbage at once
 * (HotSpot registers finalizers in {@code Object.<init>}, which it never reaches), and C2's
 * escape analysis removes the allocation in compiled code. The owner's own {@code new} is left
 * out: see {@link #hoist}.
 */
public final class NewHoisting {
    private NewHoisting() {
    }

    /** A {@code new} whose object is on the stack across a marker, and its constructor call. */
    private static final class Pending {
        final TypeInsnNode allocation;
        boolean spansMarker;
        MethodInsnNode constructor;

        Pending(TypeInsnNode allocation) {
            this.allocation = allocation;
        }
    }

    /**
     * Rewrites every {@code new} of {@code method}, a method of class {@code cls}, that spans a
     * suspending marker.
     *
     * @return the refusal of a {@code new} that cannot be moved past its marker, else null
     */
    public static Problem apply(ClassNode cls, MethodNode method) {
        List<Pending> spanning = new ArrayList<>();
        Deque<Pending> open = new ArrayDeque<>();
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            int op = insn.getOpcode();
            if (op == Opcodes.NEW) {
                open.push(new Pending((TypeInsnNode) insn));
            } else if (op == Opcodes.INVOKESPECIAL && ((MethodInsnNode) insn).name.equals("<init>") && !open.isEmpty()) {
                Pending p = open.pop();
                p.constructor = (MethodInsnNode) insn;
                if (p.spansMarker) {
                    spanning.add(p);
                }
            } else {
                Marker m = Marker.of(insn);
                if (m != null && m.suspends()) {
                    for (Pending p : open) {
                        p.spansMarker = true;
                    }
                }
            }
        }
        Problem spilled = unspill(cls, method, spanning);
        if (spilled != null) {
            return spilled;
        }
        for (Pending p : spanning) {
            if (!p.constructor.owner.equals(p.allocation.desc)) {
                return Refusal.near(cls, method, p.allocation, "a marker inside the arguments of 'new "
                        + p.allocation.desc.replace('/', '.')
                        + "(...)' in a shape no Java compiler produces: assign the marker's result to a local first");
            }
            AbstractInsnNode next = nextReal(p.allocation);
            hoist(cls.name, method, p.allocation, next != null && next.getOpcode() == Opcodes.DUP ? next : null, p.constructor);
        }
        return null;
    }

    /**
     * Moves {@code allocation} (and its {@code dup}, null when the object is only made for its
     * constructor's effect: ECJ's {@code new Foo(..);} as a statement) down to {@code constructor}.
     */
    private static void hoist(String owner, MethodNode method, TypeInsnNode allocation, AbstractInsnNode dup,
                              MethodInsnNode constructor) {
        InsnList code = method.instructions;
        TypeInsnNode hoisted = new TypeInsnNode(Opcodes.NEW, allocation.desc);
        if (allocation.desc.equals(owner)) {
            // The body is a static method of the owner, so the owner is initialized (or being
            // initialized by this very thread) whenever it runs: 'new' would not initialize it again.
            code.remove(allocation);
            if (dup != null) {
                code.remove(dup);
            }
        } else if (dup != null) {
            code.set(dup, new InsnNode(Opcodes.POP));
        } else {
            code.insert(allocation, new InsnNode(Opcodes.POP));
        }
        Type[] args = Type.getArgumentTypes(constructor.desc);
        int[] slots = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            slots[i] = method.maxLocals;
            method.maxLocals += args[i].getSize();
        }
        InsnList before = new InsnList();
        for (int i = args.length - 1; i >= 0; i--) {
            before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), slots[i]));
        }
        before.add(hoisted);
        if (dup != null) {
            before.add(new InsnNode(Opcodes.DUP));
        }
        for (int i = 0; i < args.length; i++) {
            before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), slots[i]));
        }
        code.insertBefore(constructor, before);
    }

    /**
     * javac (17+) and ECJ keep the whole operand stack in locals around a switch expression that
     * contains a {@code try} (a handler starts with an empty stack), unfinished objects included:
     * {@code new P(k, switch (k) { case 1 -> { try { yield Generator.yield(x); } ... } ... })}
     * stores {@code P} and its {@code dup} before the switch and loads them back in each arm. As
     * the hoisting makes the object after the marker, those stores and loads go: the rest of the
     * kept stack stays in its locals. A value that is an unfinished object on some paths only is
     * refused at the allocation's line (the JVM's verifier rejects such code anyway).
     */
    private static Problem unspill(ClassNode cls, MethodNode method, List<Pending> spanning) {
        if (spanning.isEmpty()) {
            return null;
        }
        Map<AbstractInsnNode, Pending> unfinished = new HashMap<>();
        for (Pending p : spanning) {
            unfinished.put(p.allocation, p);
            AbstractInsnNode dup = nextReal(p.allocation);
            if (dup != null && dup.getOpcode() == Opcodes.DUP) {
                unfinished.put(dup, p);
            }
        }
        Frame<SourceValue>[] frames;
        try {
            frames = new Analyzer<>(new SourceInterpreter()).analyze("Owner", method);
        } catch (AnalyzerException e) {
            return null; // the analysis that follows reports it
        }
        AbstractInsnNode[] insns = method.instructions.toArray();
        Set<AbstractInsnNode> stores = new HashSet<>();
        for (int i = 0; i < insns.length; i++) {
            if (insns[i].getOpcode() != Opcodes.ASTORE || frames[i] == null) {
                continue;
            }
            Set<AbstractInsnNode> sources = frames[i].getStack(frames[i].getStackSize() - 1).insns;
            Pending kept = keptObject(method, i, sources, unfinished);
            if (kept == null) {
                continue;
            }
            for (AbstractInsnNode source : sources) {
                if (keptObject(method, i, Set.of(source), unfinished) == null) {
                    return mixed(cls, method, kept);
                }
            }
            stores.add(insns[i]);
        }
        if (stores.isEmpty()) {
            return null;
        }
        List<AbstractInsnNode> loads = new ArrayList<>();
        for (int i = 0; i < insns.length; i++) {
            if (insns[i].getOpcode() != Opcodes.ALOAD || frames[i] == null) {
                continue;
            }
            Set<AbstractInsnNode> sources = frames[i].getLocal(((VarInsnNode) insns[i]).var).insns;
            boolean fromStore = false;
            boolean fromElsewhere = false;
            for (AbstractInsnNode source : sources) {
                if (stores.contains(source)) {
                    fromStore = true;
                } else {
                    fromElsewhere = true;
                }
            }
            if (fromStore && fromElsewhere) {
                for (AbstractInsnNode source : sources) {
                    if (stores.contains(source)) {
                        int at = method.instructions.indexOf(source);
                        Set<AbstractInsnNode> stored = frames[at].getStack(frames[at].getStackSize() - 1).insns;
                        return mixed(cls, method, keptObject(method, at, stored, unfinished));
                    }
                }
            }
            if (fromStore) {
                loads.add(insns[i]);
            }
        }
        for (AbstractInsnNode store : stores) {
            method.instructions.remove(store);
        }
        for (AbstractInsnNode load : loads) {
            method.instructions.remove(load);
        }
        return null;
    }

    /**
     * The object among {@code sources} that is still unfinished at instruction {@code at}: made,
     * its constructor not yet called (after it, the same value is a finished object: {@code Foo f
     * = new Foo(...)}, or an inner {@code new} among an outer one's arguments).
     */
    private static Pending keptObject(MethodNode method, int at, Set<AbstractInsnNode> sources,
                                      Map<AbstractInsnNode, Pending> unfinished) {
        for (AbstractInsnNode source : sources) {
            Pending p = unfinished.get(source);
            if (p != null && method.instructions.indexOf(p.allocation) < at && at < method.instructions.indexOf(p.constructor)) {
                return p;
            }
        }
        return null;
    }

    private static Problem mixed(ClassNode cls, MethodNode method, Pending p) {
        return Refusal.near(cls, method, p.allocation, "a marker inside the arguments of 'new "
                + p.allocation.desc.replace('/', '.')
                + "(...)' where the unfinished object is mixed with other values on other paths (code the JVM's"
                + " verifier rejects): assign the arguments to locals first");
    }

    private static AbstractInsnNode nextReal(AbstractInsnNode insn) {
        for (AbstractInsnNode i = insn.getNext(); i != null; i = i.getNext()) {
            if (i.getOpcode() >= 0) {
                return i;
            }
        }
        return null;
    }
}
