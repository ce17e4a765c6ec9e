package dev.weft.transform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.transform.testing.InMemoryJavac;
import dev.weft.transform.testing.JavaSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line killed ({@code kill -9}) at random points of an in-place rewrite of a
 * directory: every class file is then the original or the rewritten one, never a part of
 * either, no partial file stays behind after the next run, and the next run finishes the job.
 */
class KilledRunTest {
    private static final int CLASSES = 200;
    private static final int KILLS = 4;

    @TempDir
    Path tmp;

    @Test
    void everyClassIsWholeAfterAKill() throws Exception {
        Map<String, byte[]> original = compile();
        Map<String, byte[]> rewritten = rewrittenInProcess(original);
        Random random = new Random(42);
        long runMillis = timedRun(original);
        for (int k = 0; k < KILLS; k++) {
            Path dir = tmp.resolve("run" + k);
            write(dir, original);
            Process child = cli(dir);
            Thread.sleep((long) (runMillis * random.nextDouble()));
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            for (Map.Entry<String, byte[]> e : original.entrySet()) {
                byte[] now = Files.readAllBytes(dir.resolve(e.getKey()));
                assertThat(Arrays.equals(now, e.getValue()) || Arrays.equals(now, rewritten.get(e.getKey())))
                        .as("%s after a kill at run %d: %d bytes, the original has %d, the rewritten %d",
                                e.getKey(), k, now.length, e.getValue().length, rewritten.get(e.getKey()).length)
                        .isTrue();
            }
            assertThat(cli(dir).waitFor()).as("the run after the kill").isZero();
            assertThat(read(dir)).as("the run after the kill rewrote every class").isEqualTo(rewritten.keySet().stream()
                    .collect(Collectors.toMap(n -> n, n -> Arrays.toString(rewritten.get(n)), (a, b) -> a, TreeMap::new)));
        }
    }

    /** Compiles {@link #CLASSES} classes, each with a generator, by path relative to the classes directory. */
    private static Map<String, byte[]> compile() {
        List<JavaSource> sources = new ArrayList<>();
        for (int i = 0; i < CLASSES; i++) {
            StringBuilder code = new StringBuilder("package killed; import dev.weft.*; public class C" + i + " {\n");
            for (int m = 0; m < 2; m++) {
                code.append("  @Async static Generator<Integer, Void, Void> g").append(m)
                        .append("(int x) { for (int i = 0; i < x; i++) { String s = \"v\" + i; Generator.yield(s.length() + i); }"
                                + " Generator.yield(x); return Generator.done(); }\n");
            }
            sources.add(JavaSource.of(code.append("}\n").toString()));
        }
        Map<String, byte[]> byPath = new TreeMap<>();
        InMemoryJavac.compile(11, sources).forEach((name, bytes) -> byPath.put(name.replace('.', '/') + ".class", bytes));
        return byPath;
    }

    private Map<String, byte[]> rewrittenInProcess(Map<String, byte[]> original) throws IOException {
        Path dir = tmp.resolve("reference");
        write(dir, original);
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(Main.run(new String[] {dir.toString()}, sink, sink)).isZero();
        Map<String, byte[]> rewritten = new TreeMap<>();
        for (String rel : original.keySet()) {
            rewritten.put(rel, Files.readAllBytes(dir.resolve(rel)));
            assertThat(rewritten.get(rel)).as(rel).isNotEqualTo(original.get(rel));
        }
        return rewritten;
    }

    /** How long a whole run in a child JVM takes, from its start. */
    private long timedRun(Map<String, byte[]> original) throws Exception {
        Path dir = tmp.resolve("timed");
        write(dir, original);
        long start = System.nanoTime();
        assertThat(cli(dir).waitFor()).isZero();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static Process cli(Path dir) throws IOException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", InMemoryJavac.testClassPath(), Main.class.getName(), dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void write(Path dir, Map<String, byte[]> classes) throws IOException {
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
    }

    /** Every file under {@code dir} (partial ones included), by relative path, with its bytes. */
    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
                files.put(dir.relativize(f).toString().replace('\\', '/'), Arrays.toString(Files.readAllBytes(f)));
            }
        }
        return files;
    }
}
