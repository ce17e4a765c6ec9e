package dev.weft.transform.prepare;

import dev.weft.transform.find.AsyncMethods;
import dev.weft.transform.find.AsyncTests;
import dev.weft.transform.find.Marker;
import dev.weft.transform.report.Problem;
import dev.weft.transform.report.Refusal;
import dev.weft.transform.report.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Splits each {@code @AsyncTest} method in two, before anything else looks at the class: its body
 * moves to a private {@code @Async} method returning {@code Coroutine<Void>} (named by
 * {@link AsyncTests#bodyName}, with the test's parameters), which the rest of the rewrite turns
 * into a state machine as any other; the test keeps its name, annotations and descriptor, so that
 * JUnit finds it, and a body that throws if anything but weft-junit's extension calls it.
 */
public final class AsyncTestBodies {
    private static final String COROUTINE = "Ldev/weft/Coroutine;";

    private AsyncTestBodies() {
    }

    /**
     * Splits the {@code @AsyncTest} methods of {@code cls}.
     *
     * @return the {@code @AsyncTest} methods that cannot be split, each with what to do instead (nothing is split then)
     */
    public static List<Problem> apply(ClassNode cls) {
        List<Problem> problems = new ArrayList<>();
        List<MethodNode> tests = new ArrayList<>();
        for (MethodNode m : cls.methods) {
            if (AsyncTests.isAsyncTest(m)) {
                String refusal = refusal(m);
                if (refusal == null) {
                    tests.add(m);
                } else {
                    problems.add(Refusal.at(cls, m, SourceLocation.firstLine(m), refusal));
                }
            }
        }
        if (problems.isEmpty()) {
            for (MethodNode test : tests) {
                cls.methods.add(split(cls, test));
            }
        }
        return problems;
    }

    private static String refusal(MethodNode m) {
        if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return "@AsyncTest cannot be used on an abstract or native method: it has no body to run";
        }
        if ((m.access & Opcodes.ACC_STATIC) != 0) {
            return "an @AsyncTest method cannot be static: JUnit runs only instance test methods";
        }
        if (Type.getReturnType(m.desc).getSort() != Type.VOID) {
            return "an @AsyncTest method must return void, as every JUnit test does; its body may await";
        }
        if (AsyncMethods.isAsync(m)) {
            return "@AsyncTest already makes the method's body a coroutine: remove @Async";
        }
        if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            return "an @AsyncTest method cannot be synchronized: the monitor would be held across suspensions";
        }
        return null;
    }

    /** Moves the code of {@code test} into its coroutine method, returned, and gives {@code test} the throwing stub. */
    private static MethodNode split(ClassNode cls, MethodNode test) {
        String desc = test.desc.substring(0, test.desc.indexOf(')') + 1) + COROUTINE;
        String[] exceptions = test.exceptions == null ? null : test.exceptions.toArray(new String[0]);
        MethodNode body = new MethodNode(Opcodes.ASM9, Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC,
                AsyncTests.bodyName(test.name), desc, null, exceptions);
        body.instructions = test.instructions;
        for (AbstractInsnNode insn : body.instructions.toArray()) {
            if (insn.getOpcode() == Opcodes.RETURN) { // return; ends the coroutine with null, as Coroutine.done() would
                body.instructions.insertBefore(insn, new InsnNode(Opcodes.ACONST_NULL));
                body.instructions.set(insn, new InsnNode(Opcodes.ARETURN));
            }
        }
        body.tryCatchBlocks = test.tryCatchBlocks;
        body.localVariables = test.localVariables;
        body.visibleLocalVariableAnnotations = test.visibleLocalVariableAnnotations;
        body.invisibleLocalVariableAnnotations = test.invisibleLocalVariableAnnotations;
        body.parameters = test.parameters;
        body.maxStack = Math.max(1, test.maxStack);
        body.maxLocals = test.maxLocals;
        body.invisibleAnnotations = new ArrayList<>(List.of(new AnnotationNode(Marker.ASYNC_DESCRIPTOR)));

        test.instructions = stub(cls, test);
        test.tryCatchBlocks = new ArrayList<>();
        test.localVariables = null;
        test.visibleLocalVariableAnnotations = null;
        test.invisibleLocalVariableAnnotations = null;
        test.maxStack = 3;
        test.maxLocals = Type.getArgumentsAndReturnSizes(test.desc) >> 2; // the parameters and this
        return body;
    }

    private static InsnList stub(ClassNode cls, MethodNode test) {
        InsnList code = new InsnList();
        code.add(new TypeInsnNode(Opcodes.NEW, "java/lang/IllegalStateException"));
        code.add(new InsnNode(Opcodes.DUP));
        code.add(new LdcInsnNode("@AsyncTest " + cls.name.replace('/', '.') + "." + test.name
                + " runs only through weft-junit's AsyncTestExtension (JUnit calls it so): its body is the coroutine "
                + AsyncTests.bodyName(test.name)));
        code.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "(Ljava/lang/String;)V", false));
        code.add(new InsnNode(Opcodes.ATHROW));
        return code;
    }
}
