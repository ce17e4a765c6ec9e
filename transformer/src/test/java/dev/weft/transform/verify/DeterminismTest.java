package dev.weft.transform.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.transform.api.Rewriter;
import dev.weft.transform.report.RewriteResult;
import dev.weft.transform.testing.InMemoryJavac;
import dev.weft.transform.testing.Weaver;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rewrite is deterministic (the same input gives the same bytes, from a fresh rewriter, and
 * when many classes are rewritten at once by one rewriter) and idempotent (a rewritten class comes
 * back unchanged), on the whole corpus, for every release.
 */
class DeterminismTest {
    static List<Integer> releases() {
        return InMemoryJavac.supportedReleases(CorpusVerifyTest.RELEASES);
    }

    static Map<String, byte[]> asyncClasses(int release) {
        List<Corpus.Case> cases = Corpus.forRelease(release);
        Map<String, byte[]> compiled = InMemoryJavac.compile(release, cases.stream().map(Corpus.Case::source).collect(Collectors.toList()));
        Map<String, byte[]> withAsync = new TreeMap<>();
        compiled.forEach((name, bytes) -> {
            if (Weaver.hasAsyncMethod(bytes)) {
                withAsync.put(name, bytes);
            }
        });
        assertThat(withAsync).hasSizeGreaterThan(15);
        return compiled;
    }

    @ParameterizedTest(name = "--release {0}")
    @MethodSource("releases")
    void sameInputSameBytes(int release) {
        Map<String, byte[]> compiled = asyncClasses(release);
        Map<String, byte[]> first = new TreeMap<>();
        Rewriter one = Weaver.rewriter(compiled);
        Rewriter other = Weaver.rewriter(compiled);
        compiled.forEach((name, bytes) -> {
            RewriteResult a = Weaver.rewrite(one, name, bytes);
            RewriteResult b = Weaver.rewrite(other, name, bytes);
            assertThat(a.changed()).as(name).isEqualTo(b.changed()).isEqualTo(Weaver.hasAsyncMethod(bytes));
            if (a.changed()) {
                assertThat(b.bytes()).as("%s rewritten twice", name).isEqualTo(a.bytes());
                first.put(name, a.bytes());
            }
        });
        // one rewriter, all classes at once, shuffled by the common pool: still the same bytes
        Map<String, byte[]> parallel = new ConcurrentHashMap<>();
        Rewriter shared = Weaver.rewriter(compiled);
        compiled.entrySet().parallelStream().forEach(e -> {
            RewriteResult r = Weaver.rewrite(shared, e.getKey(), e.getValue());
            if (r.changed()) {
                parallel.put(e.getKey(), r.bytes());
            }
        });
        assertThat(parallel.keySet()).isEqualTo(first.keySet());
        first.forEach((name, bytes) -> assertThat(parallel.get(name)).as("%s rewritten concurrently", name).isEqualTo(bytes));
    }

    @ParameterizedTest(name = "--release {0}")
    @MethodSource("releases")
    void rewrittenClassesAreLeftAlone(int release) {
        Map<String, byte[]> compiled = asyncClasses(release);
        Rewriter rewriter = Weaver.rewriter(compiled);
        compiled.forEach((name, bytes) -> {
            RewriteResult once = Weaver.rewrite(rewriter, name, bytes);
            if (once.changed()) {
                RewriteResult twice = Weaver.rewrite(rewriter, name, once.bytes());
                assertThat(twice.changed()).as("%s rewritten a second time", name).isFalse();
            }
        });
    }
}
