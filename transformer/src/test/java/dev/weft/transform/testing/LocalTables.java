package dev.weft.transform.testing;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * A debugger can read every local it is told of: in a rewritten body, each entry of the local
 * variable table covers only code where its slot holds a value of its type on every path (what
 * the JVM's own analysis sees, so what JDI can read). A local left without a value by a resume
 * must not be listed there.
 */
public final class LocalTables {
    private LocalTables() {
    }

    /** Fails with each local listed where its slot may hold no value of its type, in the bodies of {@code classFile}. */
    public static void check(String name, byte[] classFile) {
        ClassNode cls = new ClassNode();
        new ClassReader(classFile).accept(cls, 0);
        List<String> problems = new ArrayList<>();
        for (MethodNode m : cls.methods) {
            if (!isBody(m) || m.localVariables == null) {
                continue;
            }
            Frame<BasicValue>[] frames;
            try {
                frames = new Analyzer<>(new BasicInterpreter()).analyze(cls.name, m);
            } catch (AnalyzerException e) {
                throw new AssertionError(name + "." + m.name + " cannot be analysed: " + e, e);
            }
            for (LocalVariableNode v : m.localVariables) {
                int line = 0;
                for (AbstractInsnNode insn = v.start; insn != null && insn != v.end; insn = insn.getNext()) {
                    if (insn instanceof LineNumberNode) {
                        line = ((LineNumberNode) insn).line;
                    }
                    Frame<BasicValue> f = frames[m.instructions.indexOf(insn)];
                    if (insn.getOpcode() < 0 || f == null) {
                        continue;
                    }
                    BasicValue value = f.getLocal(v.index);
                    if (!holds(value, Type.getType(v.desc))) {
                        problems.add(m.name + ": '" + v.name + "' (slot " + v.index + ") is listed at instruction "
                                + m.instructions.indexOf(insn) + (line > 0 ? " (line " + line + ")" : "") + " where it holds " + value);
                        break;
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(name + ": the local variable table lists locals that hold no value:\n  "
                    + String.join("\n  ", problems) + "\n--- the class ---\n" + Weaver.listing(classFile));
        }
    }

    /** A state machine's body: {@code static synthetic Object name(dev.weft.internal.XxxFrame)}. */
    private static boolean isBody(MethodNode m) {
        int flags = Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC;
        return (m.access & flags) == flags && m.desc.startsWith("(Ldev/weft/internal/") && m.desc.endsWith(";)Ljava/lang/Object;");
    }

    private static boolean holds(BasicValue value, Type declared) {
        if (value == null || value == BasicValue.UNINITIALIZED_VALUE || value.getType() == null) {
            return false;
        }
        return new BasicInterpreter().newValue(declared).equals(value);
    }
}
