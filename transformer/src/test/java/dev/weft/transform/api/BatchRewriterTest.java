package dev.weft.transform.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.transform.report.Problem;
import dev.weft.transform.report.RewriteException;
import dev.weft.transform.report.RewriteResult;
import dev.weft.transform.report.RewrittenMethod;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch over a stand-in rewrite, so that these tests say what the batch does with files
 * whatever the rewrite does: a "class file" whose text starts with {@code async} is rewritten
 * (to its text upper-cased, with one method), one that starts with {@code bad} is refused with
 * one problem, anything else is left alone.
 */
class BatchRewriterTest {
    @TempDir
    Path tmp;

    private final AtomicInteger reads = new AtomicInteger();
    private final List<String> log = new ArrayList<>();

    private BatchRewriter.RewriteFunction fake() {
        return classFile -> {
            reads.incrementAndGet();
            String text = new String(classFile, UTF_8);
            String name = text.split(" ")[text.split(" ").length - 1];
            if (text.startsWith("async")) {
                return RewriteResult.rewritten(name, text.toUpperCase().getBytes(UTF_8),
                        List.of(new RewrittenMethod("gen", "()Ldev/weft/Generator;", 2, 1, 1)));
            }
            if (text.startsWith("bad")) {
                throw new RewriteException(List.of(new Problem(name, "Bad.java", "m()", 7, "misuse")));
            }
            return RewriteResult.unchanged(name);
        };
    }

    private BatchRewriter.Builder batch() {
        return BatchRewriter.builder().rewriteWith(fake()).log(log::add);
    }

    private Path file(Path root, String rel, String text) throws IOException {
        Path f = root.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.write(f, text.getBytes(UTF_8));
        return f;
    }

    private static String read(Path f) throws IOException {
        return new String(Files.readAllBytes(f), UTF_8);
    }

    private Path classes() throws IOException {
        Path dir = tmp.resolve("classes");
        file(dir, "a/Gen.class", "async a.Gen");
        file(dir, "a/Plain.class", "plain a.Plain");
        file(dir, "b/Other.class", "async b.Other");
        file(dir, "b/data.txt", "async resource, not a class");
        return dir;
    }

    @Test
    void rewritesADirectoryInPlaceAndSumsUp() throws IOException {
        Path dir = classes();
        BatchResult r = batch().input(dir).verbose(true).build().run();

        assertThat(read(dir.resolve("a/Gen.class"))).isEqualTo("ASYNC A.GEN");
        assertThat(read(dir.resolve("b/Other.class"))).isEqualTo("ASYNC B.OTHER");
        assertThat(read(dir.resolve("a/Plain.class"))).isEqualTo("plain a.Plain");
        assertThat(read(dir.resolve("b/data.txt"))).isEqualTo("async resource, not a class");
        assertThat(r.methods()).isEqualTo(2);
        assertThat(r.classes()).isEqualTo(2);
        assertThat(r.scanned()).isEqualTo(3);
        assertThat(r.summary()).isEqualTo("Weft: rewrote 2 methods in 2 classes (3 classes scanned)");
        assertThat(log).containsExactly(
                "Weft: rewrote a.Gen.gen()Ldev/weft/Generator;: 2 suspension points, saves 1 references and 1 primitives",
                "Weft: rewrote b.Other.gen()Ldev/weft/Generator;: 2 suspension points, saves 1 references and 1 primitives",
                r.summary());
    }

    @Test
    void quietUnlessVerbose() throws IOException {
        BatchResult r = batch().input(classes()).build().run();
        assertThat(log).containsExactly(r.summary());
    }

    @Test
    void includesAndExcludesChooseTheClasses() throws IOException {
        Path dir = classes();
        BatchResult r = batch().input(dir).includes(List.of("a/**", "b/**")).excludes(List.of("b/")).build().run();
        assertThat(read(dir.resolve("a/Gen.class"))).isEqualTo("ASYNC A.GEN");
        assertThat(read(dir.resolve("b/Other.class"))).isEqualTo("async b.Other");
        assertThat(r.scanned()).isEqualTo(2);
    }

    @Test
    void mirrorsADirectoryIntoTheOutputLeavingTheInputAlone() throws IOException {
        Path dir = classes();
        Path out = tmp.resolve("out");
        batch().input(dir).output(out).build().run();
        assertThat(read(dir.resolve("a/Gen.class"))).isEqualTo("async a.Gen");
        assertThat(read(out.resolve("a/Gen.class"))).isEqualTo("ASYNC A.GEN");
        assertThat(read(out.resolve("a/Plain.class"))).isEqualTo("plain a.Plain");
        assertThat(read(out.resolve("b/data.txt"))).isEqualTo("async resource, not a class");
    }

    @Test
    void collectsTheProblemsOfEveryClassAndRewritesTheRest() throws IOException {
        Path dir = classes();
        file(dir, "c/Bad1.class", "bad c.Bad1");
        file(dir, "c/Bad2.class", "bad c.Bad2");
        Path stamp = tmp.resolve("weft.stamp");
        BatchResult r = batch().input(dir).stampFile(stamp).build().run();

        assertThat(r.problems()).extracting(Problem::className).containsExactly("c.Bad1", "c.Bad2");
        assertThat(r.problems().get(0)).hasToString("c/Bad.java:7: error: in c.Bad1.m(): misuse");
        assertThat(read(dir.resolve("c/Bad1.class"))).isEqualTo("bad c.Bad1");
        assertThat(read(dir.resolve("a/Gen.class"))).isEqualTo("ASYNC A.GEN");
        assertThat(stamp).as("no stamp after problems, so that the next run reports them again").doesNotExist();
    }

    @Test
    void incrementalRunsReadOnlyWhatChanged() throws IOException {
        Path dir = classes();
        Path stamp = tmp.resolve("target/weft.stamp");
        batch().input(dir).stampFile(stamp).build().run();
        assertThat(reads).hasValue(3);
        assertThat(stamp).exists();

        BatchResult second = batch().input(dir).stampFile(stamp).build().run();
        assertThat(reads).as("nothing read again").hasValue(3);
        assertThat(second.summary()).isEqualTo(
                "Weft: rewrote 0 methods in 0 classes (0 classes scanned, 3 unchanged since the last run)");

        file(dir, "a/Gen.class", "async a.Gen"); // recompiled: same size, another time
        Files.setLastModifiedTime(dir.resolve("a/Gen.class"), FileTime.from(Instant.now().plusSeconds(60)));
        BatchResult third = batch().input(dir).stampFile(stamp).build().run();
        assertThat(third.scanned()).isEqualTo(1);
        assertThat(third.upToDate()).isEqualTo(2);
        assertThat(read(dir.resolve("a/Gen.class"))).isEqualTo("ASYNC A.GEN");
    }

    @Test
    void anOutputThatIsGoneIsWrittenAgain() throws IOException {
        Path dir = classes();
        Path out = tmp.resolve("out");
        Path stamp = tmp.resolve("weft.stamp");
        batch().input(dir).output(out).stampFile(stamp).build().run();
        Files.delete(out.resolve("a/Gen.class"));
        BatchResult again = batch().input(dir).output(out).stampFile(stamp).build().run();
        assertThat(again.scanned()).isEqualTo(1);
        assertThat(read(out.resolve("a/Gen.class"))).isEqualTo("ASYNC A.GEN");
    }

    @Test
    void anotherConfigurationReadsEverythingAgain() throws IOException {
        Path dir = classes();
        Path stamp = tmp.resolve("weft.stamp");
        batch().input(dir).stampFile(stamp).build().run();
        BatchResult other = batch().input(dir).stampFile(stamp).excludes(List.of("b/**")).build().run();
        assertThat(other.scanned()).isEqualTo(2);
        assertThat(other.upToDate()).isZero();
    }

    private Path jar(String name, String... entries) throws IOException {
        Path jar = tmp.resolve(name);
        try (OutputStream f = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(f)) {
            long time = 1_500_000_000_000L;
            for (String e : entries) {
                String[] nameAndText = e.split("=", 2);
                byte[] data = nameAndText[1].getBytes(UTF_8);
                ZipEntry entry = new ZipEntry(nameAndText[0]);
                entry.setTime(time += 60_000);
                if (nameAndText[0].endsWith(".txt")) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(data.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(data);
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static List<String> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> out = new ArrayList<>();
            for (ZipEntry e : Collections.list(zip.entries())) {
                String text = new String(zip.getInputStream(e).readAllBytes(), UTF_8);
                out.add(e.getName() + "=" + text + "@" + e.getTime() + (e.getMethod() == ZipEntry.STORED ? " stored" : ""));
            }
            return out;
        }
    }

    @Test
    void rewritesAJarKeepingOrderTimesAndCompression() throws IOException {
        Path jar = jar("app.jar", "z/Last.class=async z.Last", "META-INF/notes.txt=hello", "a/First.class=plain a.First",
                "META-INF/versions/11/m/Gen.class=async m.Gen");
        List<String> before = entries(jar);
        batch().input(jar).excludes(List.of("m/**")).build().run();
        List<String> after = entries(jar);
        assertThat(after).containsExactly(
                before.get(0).replace("async z.Last", "ASYNC Z.LAST"), before.get(1), before.get(2), before.get(3));
        assertThat(after.get(1)).endsWith(" stored");
    }

    @Test
    void leavesAJarWithNothingToRewriteUntouched() throws IOException {
        Path jar = jar("plain.jar", "a/Plain.class=plain a.Plain");
        FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(jar, old);
        byte[] bytes = Files.readAllBytes(jar);
        batch().input(jar).build().run();
        assertThat(Files.getLastModifiedTime(jar)).isEqualTo(old);
        assertThat(Files.readAllBytes(jar)).isEqualTo(bytes);
    }

    @Test
    void writesTheSameBytesForTheSameJar() throws IOException {
        Path jar = jar("app.jar", "a/Gen.class=async a.Gen", "a/Plain.class=plain a.Plain");
        batch().input(jar).output(tmp.resolve("one.jar")).build().run();
        batch().input(jar).output(tmp.resolve("two")).build().run();
        assertThat(tmp.resolve("one.jar")).hasSameBinaryContentAs(tmp.resolve("two/app.jar"));
        assertThat(entries(jar)).first().asString().contains("async a.Gen");
    }

    @Test
    void refusesAnOutputInsideAnInput() {
        Path dir = tmp.resolve("classes");
        assertThatThrownBy(() -> batch().input(dir).output(dir.resolve("out")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inside the input");
    }

    @Test
    void anOutputJarTakesASingleJar() throws IOException {
        Path dir = classes();
        Path jar = jar("app.jar", "a/Gen.class=async a.Gen");
        for (BatchRewriter.Builder b : List.of(batch().input(dir), batch().input(jar).input(jar("other.jar", "b/B.class=plain b.B")))) {
            assertThatThrownBy(() -> b.output(tmp.resolve("out.jar")).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("takes exactly one jar");
        }
    }

    @Test
    void namesAMissingInput() {
        assertThatThrownBy(() -> batch().input(tmp.resolve("nope")).build().run())
                .isInstanceOf(java.nio.file.NoSuchFileException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void refusesTwoInputsWritingTheSameFile() throws IOException {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        file(one, "a/Gen.class", "async a.Gen");
        file(two, "a/Gen.class", "async a.Gen");
        assertThatThrownBy(() -> batch().input(one).input(two).output(tmp.resolve("out")).build().run())
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class)
                .hasMessageContaining("a/Gen.class");
    }
}
