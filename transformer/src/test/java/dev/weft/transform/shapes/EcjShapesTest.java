package dev.weft.transform.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import dev.weft.transform.testing.JavaSource;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.objectweb.asm.ClassReader;

/**
 * The shape corpus compiled by the Eclipse compiler for each release this JDK offers: ECJ's
 * bytecode differs from javac's (string switches, enum switch tables as synthetic methods,
 * finally blocks, stack map frames), and the rewrite must take it all the same.
 */
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

    @Test
    void ecjReallyCompiles() {
        Map<String, byte[]> classes = Ecj.compile(11, List.of(JavaSource.of(
                "package e; public class Tiny { static String s(int k) { switch (\"\" + k) { case \"1\": return \"one\"; default: return \"?\"; } } }")));
        assertThat(classes).containsOnlyKeys("e.Tiny");
        assertThat(new ClassReader(classes.get("e.Tiny")).readUnsignedShort(6)).isEqualTo(55);
        assertThat(Ecj.compile(8, List.of(JavaSource.of("package e; public class Tiny {}"))).get("e.Tiny"))
                .satisfies(b -> assertThat(new ClassReader(b).readUnsignedShort(6)).isEqualTo(52));
    }
}
