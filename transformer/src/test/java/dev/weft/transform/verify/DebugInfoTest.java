package dev.weft.transform.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.Generator;
import dev.weft.transform.testing.Harness;
import dev.weft.transform.testing.InMemoryJavac;
import dev.weft.transform.testing.Woven;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

/** Line numbers and local variables survive the rewrite: stack traces and debuggers show the user's code. */
class DebugInfoTest {
    static final String SOURCE = String.join("\n",
            "package dbg;",
            "import dev.weft.*;",
            "public class Lines {",
            "    @Async",
            "    static Generator<Integer, Void, Void> gen(int n) {",
            "        int total = 0;",
            "        long big = 1L << 33;",
            "        Generator.yield(1);",
            "        total += n;",
            "        Generator.yield(total);",
            "        if (total + big > 0) throw new IllegalStateException(\"here\"); // THROW",
            "        return Generator.done();",
            "    }",
            "}");

    static List<Integer> releases() {
        return InMemoryJavac.supportedReleases(CorpusVerifyTest.RELEASES);
    }

    static int lineOf(String marker) {
        String[] lines = SOURCE.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(marker);
    }

    @ParameterizedTest(name = "--release {0}")
    @MethodSource("releases")
    void aStackTraceAfterResumingShowsTheUsersLine(int release) {
        Woven w = Harness.build(release, SOURCE);
        Generator<?, ?, ?> g = (Generator<?, ?, ?>) w.call("dbg.Lines", "gen", 5);
        assertThat(g.next()).isEqualTo(1);
        assertThat(g.next()).isEqualTo(5);
        Throwable t = catchThrowable(g::next);
        assertThat(t).isInstanceOf(IllegalStateException.class).hasMessage("here");
        StackTraceElement top = t.getStackTrace()[0];
        assertThat(top.getClassName()).isEqualTo("dbg.Lines");
        assertThat(top.getFileName()).isEqualTo("Lines.java");
        assertThat(top.getLineNumber()).isEqualTo(lineOf("// THROW"));
        assertThat(top.getMethodName()).isEqualTo("gen");
        // the user's frame is called straight from Weft's driver: no frame named after the rewrite between
        assertThat(t.getStackTrace()[1].getClassName()).isEqualTo("dev.weft.internal.GeneratorFrame");
    }

    @ParameterizedTest(name = "--release {0}")
    @MethodSource("releases")
    void everyLineAndLocalOfTheBodySurvives(int release) {
        Woven w = Harness.build(release, SOURCE);
        ClassNode before = node(w.compiled().get("dbg.Lines"));
        ClassNode after = node(w.classes().get("dbg.Lines"));
        MethodNode original = before.methods.stream().filter(m -> m.name.equals("gen")).findFirst().orElseThrow();
        assertThat(lines(after.methods)).containsAll(lines(List.of(original)));
        List<String> locals = new ArrayList<>();
        for (MethodNode m : after.methods) {
            if (m.localVariables != null) {
                for (LocalVariableNode v : m.localVariables) {
                    locals.add(v.name + ":" + v.desc);
                }
            }
        }
        assertThat(locals).contains("n:I", "total:I", "big:J");
    }

    static Set<Integer> lines(List<MethodNode> methods) {
        Set<Integer> out = new TreeSet<>();
        for (MethodNode m : methods) {
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof LineNumberNode) {
                    out.add(((LineNumberNode) insn).line);
                }
            }
        }
        return out;
    }

    static ClassNode node(byte[] bytes) {
        ClassNode n = new ClassNode();
        new ClassReader(bytes).accept(n, 0);
        return n;
    }
}
