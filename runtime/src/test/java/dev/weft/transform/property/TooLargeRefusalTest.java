package dev.weft.transform.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.transform.property.Ast.Program;
import dev.weft.transform.testing.InMemoryJavac;
import dev.weft.transform.testing.JavaSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The property accepts the rewrite's 64 KB refusal only for a method with very many suspension
 * points (javac's copies of finally blocks full of markers, as the property found at 374 and 424): with
 * fewer, a refusal means the rewrite grew the method too much, and fails.
 */
class TooLargeRefusalTest {
    private static final String REFUSAL = "gen/Batch.java:14: error: in gen.W0.main(List, int, int): once rewritten this method is "
            + Runner.TOO_LARGE + " (67384 bytes): split it into smaller @Async methods joined with yieldFrom/await";

    private static Runner.Outcome refused(int points) {
        Program p = new Program(List.of(), List.of(), 0, 0, List.of());
        Runner.Outcome o = new Runner.Outcome(Runner.GENERATORS, 8, 0, p, null, List.of(), REFUSAL);
        o.suspensionPoints = points;
        return o;
    }

    @Test
    void aRefusalOfAMethodWithVeryManySuspensionPointsIsNoFailure() {
        assertThat(refused(374).failed()).isFalse();
    }

    @Test
    void aRefusalOfAMethodWithFewerSuspensionPointsIsAFailure() {
        assertThat(refused(Runner.MANY_SUSPENSION_POINTS - 1).failed()).isTrue();
    }

    @Test
    void otherErrorsAreFailuresWhateverTheSuspensionPoints() {
        Runner.Outcome o = new Runner.Outcome(Runner.GENERATORS, 8, 0, new Program(List.of(), List.of(), 0, 0, List.of()), null, List.of(), "the JVM rejects gen.W0");
        o.suspensionPoints = 1000;
        assertThat(o.failed()).isTrue();
    }

    @Test
    void suspensionPointsCountsTheMarkersOfTheBusiestMethodAsJavacCompiledThem() {
        String source = "package gen;\nimport dev.weft.*;\nimport java.util.*;\nfinal class W0 {\n"
                + "    @Async static Generator<Object, Object, Object> one() {\n"
                + "        Generator.yield(1);\n"
                + "        return Generator.done();\n"
                + "    }\n"
                + "    @Async static Generator<Object, Object, Object> main(List<String> t) {\n"
                + "        try {\n"
                + "            Generator.yield(1);\n"
                + "        } finally {\n"
                + "            Generator.yieldFrom(Arrays.asList(2, 3));\n" // javac copies it: normal exit and exception
                + "        }\n"
                + "        return Generator.done();\n"
                + "    }\n"
                + "}\n";
        byte[] bytes = InMemoryJavac.compile(17, List.of(JavaSource.of("gen.W0", source))).get("gen.W0");
        assertThat(Runner.suspensionPoints(bytes)).isEqualTo(3);
    }
}
