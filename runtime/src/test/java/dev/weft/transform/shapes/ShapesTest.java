package dev.weft.transform.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.weft.transform.testing.Harness;
import dev.weft.transform.testing.InMemoryJavac;
import dev.weft.transform.testing.Woven;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shape program, compiled by javac with each {@code --release} among 8, 11, 17, 21 and 25
 * that this JDK targets: rewritten, checked with {@code CheckClassAdapter}, loaded under the
 * JVM verifier, then each run compared with the answer its header gives.
 */
class ShapesTest {
    static final int[] RELEASES = {8, 11, 17, 21, 25};

    @TestFactory
    Stream<DynamicNode> shapesOnEveryRelease() {
        return InMemoryJavac.supportedReleases(RELEASES).stream().map(release -> dynamicContainer("javac --release " + release,
                release(Shapes.all(), release, cases -> InMemoryJavac.compile(release, cases.stream().map(Shapes.Case::source)
                        .collect(Collectors.toList())))));
    }

    @Test
    void theCorpusCoversEveryShapeForYieldAndAwait() {
        List<String> runs = Shapes.all().stream().flatMap(c -> c.runs.keySet().stream()).collect(Collectors.toList());
        assertThat(runs).contains("nullsGen", "nullsCo", "typeAcrossBranchesGen", "typeAcrossBranchesCo", "slotReuseGen",
                "slotReuseCo", "forEachGen", "forEachCo", "forEverGen", "forEverCo", "labelledGen", "labelledCo",
                "stringSwitchGen", "stringSwitchCo", "enumSwitchGen", "enumSwitchCo", "markerInSelectorGen", "markerInSelectorCo", "patternSwitchGen", "patternSwitchCo",
                "doneFuturesDoNotSuspend", "realSuspensionsInterleave", "ternaryGen", "ternaryCo", "andOrGen", "andOrCo", "lambdasGen", "lambdasCo", "newGen", "newCo", "initOrderGen", "initOrderCo", "spilledGen", "spilledCo",
                "finallyGen", "finallyCo", "taskGroupBody", "asyncLambdasCo", "wideLocalsGen", "wideLocalsCo", "manyPointsGen", "manyPointsCo", "wideParametersGen", "wideParametersCo");
    }

    /** The tests of one compiler and release: the corpus compiled in one call, then each case woven and run on its own. */
    static Stream<DynamicNode> release(List<Shapes.Case> corpus, int release,
                                       Function<List<Shapes.Case>, Map<String, byte[]>> compiler) {
        List<Shapes.Case> cases = Shapes.forRelease(corpus, release);
        Map<String, byte[]> compiled;
        try {
            compiled = compiler.apply(cases);
        } catch (AssertionError e) {
            return Stream.of(dynamicTest("compile", () -> {
                throw e;
            }));
        }
        return cases.stream().map(c -> dynamicContainer(c.name, caseTests(c, classesOf(c, compiled))));
    }

    static Map<String, byte[]> classesOf(Shapes.Case c, Map<String, byte[]> compiled) {
        Map<String, byte[]> own = new TreeMap<>();
        compiled.forEach((name, bytes) -> {
            if (c.owns(name)) {
                own.put(name, bytes);
            }
        });
        return own;
    }

    static Stream<DynamicNode> caseTests(Shapes.Case c, Map<String, byte[]> classes) {
        Supplier<Woven> woven = memo(() -> Harness.weave(classes));
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(dynamicTest("rewrite, CheckClassAdapter, JVM verifier", () -> {
            assertThat(classes).as("classes of " + c.name).isNotEmpty();
            woven.get();
        }));
        c.runs.forEach((method, expected) -> tests.add(dynamicTest(method, () -> {
            Object actual = woven.get().call(c.className(), method);
            assertThat(String.valueOf(actual)).as(c.name + "." + method + "()").isEqualTo(expected);
        })));
        return tests.stream();
    }

    /** Computes once; a failure is rethrown to every later caller. */
    static <T> Supplier<T> memo(Supplier<T> supplier) {
        Object[] box = new Object[1];
        Throwable[] failure = new Throwable[1];
        return () -> {
            if (box[0] == null && failure[0] == null) {
                try {
                    box[0] = supplier.get();
                } catch (RuntimeException | Error e) {
                    failure[0] = e;
                }
            }
            if (failure[0] instanceof Error) {
                throw (Error) failure[0];
            }
            if (failure[0] != null) {
                throw (RuntimeException) failure[0];
            }
            @SuppressWarnings("unchecked")
            T t = (T) box[0];
            return t;
        };
    }
}
