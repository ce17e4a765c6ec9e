package dev.weft.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.weft.examples.redis.RedisServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example prints what its Python original ({@code src/main/python/NAME.py}) prints, as
 * recorded by python3 in {@code src/test/resources/expected/NAME.txt}: byte for byte, in the same
 * order, except where the output depends on the clock, randomness or thread timing, where both are
 * compared through the example's normalizer in {@link Shapes}.
 */
class ExamplesTest {

    private static final Path PYTHON = Path.of("src/main/python");

    @TestFactory
    Stream<DynamicTest> eachExamplePrintsWhatItsPythonOriginalPrints() {
        return RunAll.EXAMPLES.stream().map(example -> dynamicTest(example.name(), () -> {
            assumeRedisIfNeeded(example);
            byte[] expected = expected(example.name());
            byte[] actual = stdoutOf(example);
            UnaryOperator<String> shape = Shapes.NORMALIZERS.get(example.name());
            if (shape == null) {
                assertEquals(new String(expected, UTF_8), new String(actual, UTF_8));
                assertArrayEquals(expected, actual);
            } else {
                assertEquals(shape.apply(new String(expected, UTF_8)), shape.apply(new String(actual, UTF_8)));
            }
        }));
    }

    @Test
    void everyPythonOriginalHasItsPort() throws IOException {
        Set<String> ported = RunAll.EXAMPLES.stream().map(RunAll.Example::name).collect(toSet());
        try (Stream<Path> files = Files.walk(PYTHON)) {
            // lower-case modules (local_server.py, miniaiohttp.py) are helpers the originals import
            Set<String> originals = files.filter(f -> f.toString().endsWith(".py"))
                    .filter(f -> Character.isUpperCase(f.getFileName().toString().charAt(0)))
                    .map(f -> PYTHON.relativize(f).toString().replace('\\', '/').replaceFirst("\\.py$", ""))
                    .collect(toSet());
            assertEquals(originals, ported);
        }
    }

    /** The recorded outputs are still what python3 prints, where python3 is installed (all started at once). */
    @TestFactory
    Stream<DynamicTest> expectedOutputIsWhatPython3Prints() throws InterruptedException {
        assumeTrue(python3Installed(), "python3 is not installed");
        Map<String, CompletableFuture<byte[]>> printed = new LinkedHashMap<>();
        // most originals sleep: run four at a time (the pool's threads are daemons, left to the JVM's exit)
        ExecutorService pythons = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "python3");
            t.setDaemon(true);
            return t;
        });
        for (RunAll.Example example : RunAll.EXAMPLES) {
            if (example.name().startsWith("redis/") && RedisServer.executable().isEmpty()) {
                continue;
            }
            Optional<String> python = pythonFor(example.name());
            if (python.isEmpty()) {
                continue;
            }
            printed.put(example.name(), CompletableFuture.supplyAsync(() -> python3(python.get(), example.name()), pythons));
        }
        return RunAll.EXAMPLES.stream().map(example -> dynamicTest(example.name(), () -> {
            assumeRedisIfNeeded(example);
            assumeTrue(printed.containsKey(example.name()), "no python3 with the greenlet package: install it (Debian:"
                    + " apt-get install python3-greenlet) to compare " + example.name() + " with Python");
            String expected = new String(expected(example.name()), UTF_8);
            String python = new String(printed.get(example.name()).get(2, TimeUnit.MINUTES), UTF_8);
            UnaryOperator<String> shape = Shapes.NORMALIZERS.getOrDefault(example.name(), s -> s);
            assertEquals(shape.apply(expected), shape.apply(python));
        }));
    }

    /** The Redis example needs a redis-server on the PATH (.ci/run installs one): without it, the test is skipped, saying why. */
    static void assumeRedisIfNeeded(RunAll.Example example) {
        if (example.name().startsWith("redis/")) {
            assumeTrue(RedisServer.executable().isPresent(),
                    "no redis-server on the PATH: install it (Debian: apt-get install redis-server) to run the Redis example's test");
        }
    }

    /**
     * The python3 to run an original with: the one on the PATH, except for the greenlet originals,
     * which need the greenlet package: the first of the PATH's python3 and Debian's
     * {@code /usr/bin/python3} (where {@code apt-get install python3-greenlet} puts it) that has it.
     */
    static Optional<String> pythonFor(String name) throws InterruptedException {
        if (!name.contains("Greenlet")) {
            return Optional.of("python3");
        }
        for (String python : List.of("python3", "/usr/bin/python3")) {
            if (succeeds(python, "-c", "import greenlet")) {
                return Optional.of(python);
            }
        }
        return Optional.empty();
    }

    /** What {@code PYTHON NAME.py} prints on stdout; its stderr (warnings) goes to the test's. */
    static byte[] python3(String interpreter, String name) {
        try {
            Process python = new ProcessBuilder(interpreter, PYTHON.resolve(name + ".py").toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] out = python.getInputStream().readAllBytes();
            if (python.waitFor() != 0) {
                throw new AssertionError("python3 " + name + ".py exited with " + python.exitValue());
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static byte[] stdoutOf(RunAll.Example example) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(buffer, true, UTF_8));
        try {
            example.main().accept(new String[0]);
        } finally {
            System.out.flush();
            System.setOut(stdout);
        }
        return buffer.toByteArray();
    }

    static byte[] expected(String name) throws IOException {
        try (InputStream in = ExamplesTest.class.getResourceAsStream("/expected/" + name + ".txt")) {
            if (in == null) {
                throw new IOException("no expected/" + name + ".txt");
            }
            return in.readAllBytes();
        }
    }

    static boolean python3Installed() throws InterruptedException {
        return succeeds("python3", "--version");
    }

    static boolean succeeds(String... command) throws InterruptedException {
        try {
            Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException notFound) {
            return false;
        }
    }
}
