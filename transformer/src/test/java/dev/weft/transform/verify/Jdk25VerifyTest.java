package dev.weft.transform.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import dev.weft.transform.report.RewriteResult;
import dev.weft.transform.testing.InMemoryJavac;
import dev.weft.transform.testing.Weaver;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;
import org.objectweb.asm.ClassReader;

/**
 * Java 25 class files (major version 69), when the tests run on JDK 25
 * ({@code JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64}): the whole corpus, Java 25 syntax
 * included, rewritten, verified and run, and the rewrite keeps the class file version.
 */
@EnabledIf("onJdk25")
class Jdk25VerifyTest {
    static boolean onJdk25() {
        return Runtime.version().feature() >= 25;
    }

    @Test
    void javacTargets25AndTheCorpusHasJava25Programs() {
        assertThat(InMemoryJavac.latestRelease()).isGreaterThanOrEqualTo(25);
        assertThat(Corpus.forRelease(25)).anyMatch(c -> c.since == 25);
    }

    @Test
    void theRewriteKeepsVersion69() {
        Map<String, byte[]> compiled = InMemoryJavac.compile(25,
                Corpus.forRelease(25).stream().map(Corpus.Case::source).collect(Collectors.toList()));
        Map<String, RewriteResult> results = Weaver.rewriteAll(compiled);
        long rewritten = results.values().stream().filter(RewriteResult::changed).count();
        assertThat(rewritten).isGreaterThan(15);
        results.forEach((name, r) -> {
            assertThat(major(compiled.get(name))).as(name).isEqualTo(69);
            if (r.changed()) {
                assertThat(major(r.bytes())).as("%s rewritten", name).isEqualTo(69);
            }
        });
    }

    @TestFactory
    Stream<DynamicNode> corpusOnRelease25() {
        return Stream.of(dynamicContainer("--release 25", Stream.of(25).flatMap(CorpusVerifyTest::release)));
    }

    static int major(byte[] classFile) {
        return new ClassReader(classFile).readUnsignedShort(6);
    }
}
