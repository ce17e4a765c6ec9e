package dev.weft.transform.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Generator;
import dev.weft.transform.report.Problem;
import dev.weft.transform.report.RewriteException;
import dev.weft.transform.testing.Harness;
import dev.weft.transform.testing.InMemoryJavac;
import dev.weft.transform.testing.JavaSource;
import dev.weft.transform.testing.Weaver;
import dev.weft.transform.testing.Woven;
import dev.weft.transform.verify.Drive;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Legal bytecode javac does not emit, written with ASM: the unfinished object of a {@code new}
 * kept across a {@code Generator.yield} in a local, in three or more copies, or moved with
 * {@code swap} and {@code dup_x*}. Each is rewritten, passes {@code CheckClassAdapter} and the
 * JVM's verifier, and runs as the original would; the shapes still refused are build errors at
 * the allocation's line.
 */
class UnfinishedObjectsTest {
    static final String BOX = "u/Odd$Box";
    private static final String GEN = "dev/weft/Generator";

    @Test
    void anUnfinishedObjectStoredInALocal() {
        Woven w = weave(mv -> {
            mv.visitTypeInsn(Opcodes.NEW, BOX);
            mv.visitVarInsn(Opcodes.ASTORE, 0);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            yield(mv, "a");
            construct(mv);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            yieldTop(mv);
        });
        assertThat(run(w)).isEqualTo("a Box(x) !StopIteration");
    }

    @Test
    void anUnfinishedObjectStoredInALocalAndLoadedTwice() {
        Woven w = weave(mv -> {
            mv.visitTypeInsn(Opcodes.NEW, BOX);
            mv.visitVarInsn(Opcodes.ASTORE, 0);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            yield(mv, "a");
            construct(mv);
            yieldTop(mv);
        });
        assertThat(run(w)).isEqualTo("a Box(x) !StopIteration");
    }

    @Test
    void anUnfinishedObjectCopiedThreeTimes() {
        Woven w = weave(mv -> {
            mv.visitTypeInsn(Opcodes.NEW, BOX);
            mv.visitInsn(Opcodes.DUP);
            mv.visitInsn(Opcodes.DUP);
            yield(mv, "a");
            construct(mv);
            yieldTop(mv);
            yieldTop(mv);
        });
        assertThat(run(w, "next", "x", "next", "next")).isEqualTo("a Box(x) Box(x) !StopIteration");
    }

    @Test
    void anUnfinishedObjectSwappedBeneathAnotherValue() {
        Woven w = weave(mv -> {
            mv.visitTypeInsn(Opcodes.NEW, BOX);
            mv.visitLdcInsn("tag");
            mv.visitInsn(Opcodes.SWAP); // tag, box
            mv.visitInsn(Opcodes.DUP_X1); // box, tag, box
            yield(mv, "a");
            construct(mv); // box, tag
            yieldTop(mv);
            yieldTop(mv);
        });
        assertThat(run(w, "next", "x", "next", "next")).isEqualTo("a tag Box(x) !StopIteration");
    }

    @Test
    void anUnfinishedObjectSwappedAfterTheMarker() {
        Woven w = weave(mv -> {
            mv.visitTypeInsn(Opcodes.NEW, BOX);
            yield(mv, "a"); // box, x
            mv.visitInsn(Opcodes.SWAP); // x, box
            mv.visitInsn(Opcodes.DUP_X1); // box, x, box
            mv.visitInsn(Opcodes.SWAP); // box, box, x
            construct(mv);
            yieldTop(mv);
        });
        assertThat(run(w)).isEqualTo("a Box(x) !StopIteration");
    }

    @Test
    void anUnfinishedObjectMovedAroundALongWithDupX2AndDup2X1() {
        Woven w = weave(mv -> {
            mv.visitTypeInsn(Opcodes.NEW, BOX);
            mv.visitLdcInsn(7L); // box, 7L
            mv.visitInsn(Opcodes.DUP2_X1); // 7L, box, 7L
            mv.visitInsn(Opcodes.POP2); // 7L, box
            mv.visitInsn(Opcodes.DUP_X2); // box, 7L, box
            yield(mv, "a");
            construct(mv); // box, 7L
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
            yieldTop(mv);
            yieldTop(mv);
        });
        assertThat(run(w, "next", "x", "next", "next")).isEqualTo("a 7 Box(x) !StopIteration");
    }

    @Test
    void anUnfinishedObjectKeptInALocalAndOnTheStack() {
        Woven w = weave(mv -> {
            mv.visitTypeInsn(Opcodes.NEW, BOX);
            mv.visitInsn(Opcodes.DUP);
            mv.visitVarInsn(Opcodes.ASTORE, 0);
            yield(mv, "a");
            construct(mv);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            yieldTop(mv);
        });
        assertThat(run(w)).isEqualTo("a Box(x) !StopIteration");
    }

    @Test
    void anUnfinishedObjectCarriedBackToAMarkerEarlierInTheCode() {
        Woven w = weave(mv -> {
            Label make = new Label();
            Label resume = new Label();
            Label end = new Label();
            mv.visitJumpInsn(Opcodes.GOTO, make);
            mv.visitLabel(resume); // the object was made below: in code order, the marker precedes its new
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            yield(mv, "a");
            construct(mv);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            yieldTop(mv);
            mv.visitJumpInsn(Opcodes.GOTO, end);
            mv.visitLabel(make);
            mv.visitTypeInsn(Opcodes.NEW, BOX);
            mv.visitVarInsn(Opcodes.ASTORE, 0);
            mv.visitJumpInsn(Opcodes.GOTO, resume);
            mv.visitLabel(end);
        });
        assertThat(run(w)).isEqualTo("a Box(x) !StopIteration");
    }

    @Test
    void anUnfinishedObjectMixedWithAnotherValueIsABuildErrorAtItsLine() {
        byte[] odd = odd(mv -> {
            Label other = new Label();
            Label join = new Label();
            mv.visitInsn(Opcodes.ICONST_1);
            mv.visitJumpInsn(Opcodes.IFEQ, other);
            Label line = new Label();
            mv.visitLabel(line);
            mv.visitLineNumber(42, line);
            mv.visitTypeInsn(Opcodes.NEW, BOX);
            mv.visitJumpInsn(Opcodes.GOTO, join);
            mv.visitLabel(other);
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitLabel(join);
            yield(mv, "a");
            construct(mv);
            mv.visitInsn(Opcodes.ACONST_NULL);
            yieldTop(mv);
        });
        Map<String, byte[]> classes = withOdd(odd);
        assertThatThrownBy(() -> Weaver.rewriter(classes).rewrite(odd))
                .isInstanceOfSatisfying(RewriteException.class, e -> {
                    Problem p = e.problems().get(0);
                    assertThat(p.line()).isEqualTo(42);
                    assertThat(p.message()).contains("new u.Odd$Box").contains("mixed with other values");
                });
    }

    @Test
    void anUnfinishedObjectComparedAcrossAMarkerIsABuildErrorAtItsLine() {
        byte[] odd = odd(mv -> {
            mv.visitTypeInsn(Opcodes.NEW, BOX);
            mv.visitInsn(Opcodes.DUP);
            mv.visitInsn(Opcodes.DUP);
            yield(mv, "a");
            mv.visitInsn(Opcodes.POP);
            Label line = new Label();
            mv.visitLabel(line);
            mv.visitLineNumber(43, line);
            Label skip = new Label();
            mv.visitJumpInsn(Opcodes.IFNULL, skip);
            mv.visitLabel(skip);
            mv.visitLdcInsn("b");
            construct(mv);
        });
        Map<String, byte[]> classes = withOdd(odd);
        assertThatThrownBy(() -> Weaver.rewriter(classes).rewrite(odd))
                .isInstanceOfSatisfying(RewriteException.class, e -> {
                    Problem p = e.problems().get(0);
                    assertThat(p.line()).isEqualTo(43);
                    assertThat(p.message()).contains("new u.Odd$Box").contains("compared, locked or stored");
                });
    }

    // --- the class under test: javac's Odd with one @Async generator whose body is written here

    private static final String SOURCE = "package u;\n"
            + "import dev.weft.*;\n"
            + "public class Odd {\n"
            + "    public static final class Box {\n"
            + "        final Object v;\n"
            + "        public Box(Object v) { this.v = v; }\n"
            + "        @Override public String toString() { return \"Box(\" + v + \")\"; }\n"
            + "    }\n"
            + "    @Async public static Generator<Object, Object, Void> shape() { return Generator.done(); }\n"
            + "}\n";

    private static Map<String, byte[]> compiled;

    private static synchronized Map<String, byte[]> compiled() {
        if (compiled == null) {
            compiled = InMemoryJavac.compile(17, List.of(JavaSource.of(SOURCE)));
        }
        return compiled;
    }

    /** Odd, its {@code shape()} body written by {@code body} and ended by {@code return Generator.done()}. */
    static byte[] odd(Consumer<MethodVisitor> body) {
        ClassNode cls = new ClassNode();
        new ClassReader(compiled().get("u.Odd")).accept(cls, ClassReader.SKIP_FRAMES);
        for (MethodNode m : cls.methods) {
            if (m.name.equals("shape")) {
                m.instructions.clear();
                m.tryCatchBlocks.clear();
                m.localVariables = null;
                body.accept(m);
                m.visitMethodInsn(Opcodes.INVOKESTATIC, GEN, "done", "()L" + GEN + ";", true);
                m.visitInsn(Opcodes.ARETURN);
                m.maxLocals = 1;
            }
        }
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cls.accept(cw);
        return cw.toByteArray();
    }

    private static Map<String, byte[]> withOdd(byte[] odd) {
        Map<String, byte[]> classes = new TreeMap<>(compiled());
        classes.put("u.Odd", odd);
        return classes;
    }

    static Woven weave(Consumer<MethodVisitor> body) {
        return Harness.weave(withOdd(odd(body)));
    }

    static String run(Woven w, Object... script) {
        Object[] ops = script.length == 0 ? new Object[] {"next", "x", "next"} : script;
        return Drive.script((Generator<?, ?, ?>) w.call("u.Odd", "shape"), ops);
    }

    /** Pushes what {@code Generator.yield(value)} is sent. */
    static void yield(MethodVisitor mv, String value) {
        mv.visitLdcInsn(value);
        yieldTopKeep(mv);
    }

    private static void yieldTopKeep(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, GEN, "yield", "(Ljava/lang/Object;)Ljava/lang/Object;", true);
    }

    /** Yields the top of the stack and drops what is sent. */
    static void yieldTop(MethodVisitor mv) {
        yieldTopKeep(mv);
        mv.visitInsn(Opcodes.POP);
    }

    static void construct(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, BOX, "<init>", "(Ljava/lang/Object;)V", false);
    }
}
