package dev.weft.transform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The harness itself: compiles, loads, calls, and catches a broken class. */
class HarnessSelfTest {

    @Test
    void compilesLoadsAndCallsPlainCode() {
        Woven w = Harness.build(8,
                "package h; public class Plain { static int twice(int x) { return 2 * x; } "
                        + "static String boom() { throw new IllegalArgumentException(\"b\"); } }");
        assertThat(w.call("h.Plain", "twice", 21)).isEqualTo(42);
        assertThatThrownBy(() -> w.call("h.Plain", "boom")).isInstanceOf(IllegalArgumentException.class).hasMessage("b");
        assertThat(w.type("h.Plain").getClassLoader()).isSameAs(w.loader());
    }

    @Test
    void seesTheRuntimeAndKeepsDebugInfo() {
        Map<String, byte[]> classes = InMemoryJavac.compile(11, List.of(JavaSource.of(
                "package h; import dev.weft.*; public class UsesRuntime { static Generator.State s() { return Generator.State.CREATED; } }")));
        assertThat(classes).containsOnlyKeys("h.UsesRuntime");
        assertThat(Weaver.listing(classes.get("h.UsesRuntime"))).contains("LINENUMBER").contains("LOCALVARIABLE this");
    }

    @Test
    void reportsCompileErrorsWithTheLine() {
        assertThatThrownBy(() -> InMemoryJavac.compile(17, List.of(JavaSource.of("package h; class Bad { int f() { return \"x\"; } }"))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Bad.java:1");
    }

    @Test
    void rejectsABrokenClassWithCheckClassAdapter() {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, "h/Broken", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "f", "()I", null, null);
        mv.visitCode();
        mv.visitInsn(Opcodes.LCONST_0); // a long where an int is returned
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(2, 0);
        mv.visitEnd();
        cw.visitEnd();
        byte[] bytes = cw.toByteArray();
        assertThatThrownBy(() -> Weaver.check("h.Broken", bytes, getClass().getClassLoader()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("h.Broken does not pass");
    }
}
