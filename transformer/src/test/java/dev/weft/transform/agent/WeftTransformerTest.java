package dev.weft.transform.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WeftTransformerTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final WeftTransformer transformer = new WeftTransformer(false, new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void neverTouchesTheJdkNorWeftItself() {
        for (String name : new String[] {"java/lang/String", "javax/swing/JFrame", "jdk/internal/misc/Unsafe",
                "sun/misc/Unsafe", "com/sun/net/httpserver/HttpServer", "dev/weft/Generator", "dev/weft/NotRewrittenError",
                "dev/weft/internal/GeneratorFrame", "dev/weft/transform/api/Rewriter", "dev/weft/shaded/asm/ClassReader"}) {
            assertThat(WeftTransformer.eligible(name)).as(name).isFalse();
        }
        assertThat(WeftTransformer.eligible(null)).isFalse();
    }

    @Test
    void userCodeIsEligibleEvenUnderDevWeft() {
        for (String name : new String[] {"com/example/Main", "Main", "dev/weft/examples/Num", "dev/weft/conformance/YieldFromTest",
                "javafx/Thing", "java_like/Foo"}) {
            assertThat(WeftTransformer.eligible(name)).as(name).isTrue();
        }
    }

    @Test
    void aClassThatDoesNotMentionWeftIsNotEvenParsed() {
        byte[] garbage = "not a class file at all".getBytes(StandardCharsets.US_ASCII);
        assertThat(transformer.transform(getClass().getClassLoader(), "com/example/Garbage", null, null, garbage)).isNull();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aFailureIsPrintedWithTheClassNameAndNeverThrown() {
        byte[] broken = "CAFEBABE? no, but it names dev/weft/Async".getBytes(StandardCharsets.US_ASCII);
        assertThat(transformer.transform(null, "com/example/Broken", null, null, broken)).isNull();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("weft: could not rewrite com.example.Broken, left as it was");
    }

    @Test
    void aClassDefinedWithoutANameIsRewrittenUnderTheNameInItsBytes() {
        java.util.Map<String, byte[]> classes = dev.weft.transform.testing.InMemoryJavac.compile(11, java.util.List.of(
                dev.weft.transform.testing.JavaSource.of("package com.example; import dev.weft.*; public class Anon {"
                        + " @Async static Generator<Integer, Void, Void> g() { Generator.yield(1); return Generator.done(); } }")));
        byte[] bytes = classes.get("com.example.Anon");
        byte[] rewritten = transformer.transform(getClass().getClassLoader(), null, null, null, bytes);
        assertThat(rewritten).isNotNull().isNotEqualTo(bytes);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void verboseSaysWhatItSkippedAndWhy() {
        WeftTransformer verbose = new WeftTransformer(true, new PrintStream(err, true, StandardCharsets.UTF_8));
        byte[] unnamed = "no class file, but it names dev/weft/Async".getBytes(StandardCharsets.US_ASCII);
        assertThat(verbose.transform(null, null, null, null, unnamed)).isNull();
        assertThat(verbose.transform(null, "dev/weft/internal/Thing", null, null, unnamed)).isNull();
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "weft: skipped a class defined without a name: its bytes name no class",
                "weft: skipped dev.weft.internal.Thing: a class of the JDK or of Weft itself");
    }

    @Test
    void theOnlyAgentOptionIsVerbose() {
        assertThat(WeftAgent.verbose(null)).isFalse();
        assertThat(WeftAgent.verbose("")).isFalse();
        assertThat(WeftAgent.verbose("verbose")).isTrue();
        assertThatThrownBy(() -> WeftAgent.verbose("debug"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown agent option 'debug'");
    }
}
