package dev.weft.transform.verify;

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
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program of the corpus, compiled with {@code --release 8, 11, 17} and, when this JDK's
 * javac targets them, {@code 21} and {@code 25}: rewritten, checked with
 * {@code CheckClassAdapter}, loaded and initialized under the JVM verifier, then run, each run
 * compared with the answer its header gives.
 */
class CorpusVerifyTest {
    static final int[] RELEASES = {8, 11, 17, 21, 25};

    @TestFactory
    Stream<DynamicNode> corpusOnEveryRelease() {
        return InMemoryJavac.supportedReleases(RELEASES).stream()
                .map(release -> dynamicContainer("--release " + release, Stream.of(release).flatMap(CorpusVerifyTest::release)));
    }

    /** The tests of one release: the corpus compiled in one javac call, then each case woven and run on its own. */
    static Stream<DynamicNode> release(int release) {
        List<Corpus.Case> cases = Corpus.forRelease(release);
        Map<String, byte[]> compiled;
        try {
            compiled = InMemoryJavac.compile(release, cases.stream().map(Corpus.Case::source).collect(Collectors.toList()));
        } catch (AssertionError e) {
            return Stream.of(dynamicTest("compile", () -> {
                throw e;
            }));
        }
        return cases.stream().map(c -> dynamicContainer(c.name, caseTests(c, classesOf(c, compiled))));
    }

    static Map<String, byte[]> classesOf(Corpus.Case c, Map<String, byte[]> compiled) {
        Map<String, byte[]> own = new TreeMap<>();
        compiled.forEach((name, bytes) -> {
            if (c.owns(name)) {
                own.put(name, bytes);
            }
        });
        return own;
    }

    static Stream<DynamicNode> caseTests(Corpus.Case c, Map<String, byte[]> classes) {
        Supplier<Woven> woven = memo(() -> Harness.weave(classes));
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(dynamicTest("rewrite, CheckClassAdapter, JVM verifier", woven::get));
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
            if (failure[0] != null) {
                if (failure[0] instanceof Error) {
                    throw (Error) failure[0];
                }
                throw (RuntimeException) failure[0];
            }
            @SuppressWarnings("unchecked")
            T t = (T) box[0];
            return t;
        };
    }
}
