package dev.weft.transform.shapes;

import dev.weft.transform.testing.Ecj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import dev.weft.transform.testing.InMemoryJavac;
import dev.weft.transform.testing.JavaSource;
import dev.weft.transform.testing.Weaver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.objectweb.asm.ClassReader;

/**
 * The shape corpus compiled by the Eclipse compiler for each release this JDK offers: ECJ's
 * bytecode differs from javac's (string switches, enum switch tables as synthetic methods,
 * finally blocks, stack map frames), and the rewrite must take it all the same.
 */
// A timeout interrupts ECJ mid-compile, after which every later ECJ compile in the JVM failed
// ("java.lang.Object cannot be resolved", seen on a loaded machine). The corpus takes seconds of a
// quiet core and more than the 30 s default of a shared one, so the class gets five minutes.
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EcjShapesTest {
    @TestFactory
    Stream<DynamicNode> shapesCompiledByEcj() {
        return Ecj.supportedReleases(ShapesTest.RELEASES).stream().map(release -> dynamicContainer(
                Ecj.version() + " --release " + release,
                ShapesTest.release(Shapes.all(), release, cases -> Ecj.compile(release, cases.stream().map(Shapes.Case::source)
                        .collect(Collectors.toList())))));
    }

    /** The generator corpus of {@code verify/} (try/catch/finally, resources, delegation...), compiled by ECJ. */
    @TestFactory
    Stream<DynamicNode> verifyCorpusCompiledByEcj() {
        return Ecj.supportedReleases(ShapesTest.RELEASES).stream().map(release -> dynamicContainer(
                Ecj.version() + " --release " + release + " (verify corpus)",
                ShapesTest.release(Shapes.verifyCorpus(), release, cases -> Ecj.compile(release, cases.stream()
                        .map(Shapes.Case::source).collect(Collectors.toList())))));
    }

    /** Without line numbers or local variable tables ({@code -g:none}), from ECJ and from javac. */
    @TestFactory
    Stream<DynamicNode> shapesWithoutDebugInfo() {
        return Stream.of(dynamicContainer("ECJ -g:none --release 11", ShapesTest.release(Shapes.all(), 11,
                        cases -> Ecj.compile(11, cases.stream().map(Shapes.Case::source).collect(Collectors.toList()), "-g:none"))),
                dynamicContainer("javac -g:none --release 11", ShapesTest.release(Shapes.all(), 11,
                        cases -> noDebugInfo(InMemoryJavac.compile(11, cases.stream().map(Shapes.Case::source)
                                .collect(Collectors.toList()), "-g:none")))));
    }

    /** The classes, after checking that they really have no line numbers or local variables. */
    static Map<String, byte[]> noDebugInfo(Map<String, byte[]> classes) {
        classes.forEach((name, bytes) -> assertThat(Weaver.listing(bytes)).as(name).doesNotContain("LINENUMBER")
                .doesNotContain("LOCALVARIABLE"));
        return classes;
    }

    @Test
    void ecjReallyCompiles() {
        Map<String, byte[]> classes = Ecj.compile(11, List.of(JavaSource.of(
                "package e; public class Tiny { static String s(int k) { switch (\"\" + k) { case \"1\": return \"one\"; default: return \"?\"; } } }")));
        assertThat(classes).containsOnlyKeys("e.Tiny");
        assertThat(new ClassReader(classes.get("e.Tiny")).readUnsignedShort(6)).isEqualTo(55);
        assertThat(Weaver.listing(classes.get("e.Tiny"))).contains("LINENUMBER").contains("LOCALVARIABLE k I");
        noDebugInfo(Ecj.compile(11, List.of(JavaSource.of("package e; public class Tiny { static int f(int k) { return k; } }")), "-g:none"));
        assertThat(Ecj.compile(8, List.of(JavaSource.of("package e; public class Tiny {}"))).get("e.Tiny"))
                .satisfies(b -> assertThat(new ClassReader(b).readUnsignedShort(6)).isEqualTo(52));
    }
}
