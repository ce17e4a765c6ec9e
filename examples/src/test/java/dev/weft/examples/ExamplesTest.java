package dev.weft.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example prints, byte for byte, what its Python original ({@code src/main/python/NAME.py})
 * prints, as recorded by python3 in {@code src/test/resources/expected/NAME.txt}.
 */
class ExamplesTest {

    private static final Path PYTHON = Path.of("src/main/python");

    @TestFactory
    Stream<DynamicTest> eachExamplePrintsWhatItsPythonOriginalPrints() {
        return RunAll.EXAMPLES.stream().map(example -> dynamicTest(example.name(), () -> {
            byte[] expected = expected(example.name());
            byte[] actual = stdoutOf(example);
            assertEquals(new String(expected, UTF_8), new String(actual, UTF_8));
            assertArrayEquals(expected, actual);
        }));
    }

    @Test
    void everyPythonOriginalHasItsPort() throws IOException {
        Set<String> ported = RunAll.EXAMPLES.stream().map(RunAll.Example::name).collect(toSet());
        try (Stream<Path> files = Files.list(PYTHON)) {
            Set<String> originals = files.map(f -> f.getFileName().toString().replaceFirst("\\.py$", ""))
                    .collect(toSet());
            assertEquals(originals, ported);
        }
    }

    /** The recorded outputs are still what python3 prints, where python3 is installed. */
    @TestFactory
    Stream<DynamicTest> expectedOutputIsWhatPython3Prints() throws InterruptedException {
        assumeTrue(python3Installed(), "python3 is not installed");
        return RunAll.EXAMPLES.stream().map(example -> dynamicTest(example.name(), () -> {
            Process python = new ProcessBuilder("python3", PYTHON.resolve(example.name() + ".py").toString())
                    .redirectErrorStream(true).start();
            byte[] printed = python.getInputStream().readAllBytes();
            assertEquals(0, python.waitFor());
            assertEquals(new String(expected(example.name()), UTF_8), new String(printed, UTF_8));
        }));
    }

    private static byte[] stdoutOf(RunAll.Example example) {
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

    private static byte[] expected(String name) throws IOException {
        try (InputStream in = ExamplesTest.class.getResourceAsStream("/expected/" + name + ".txt")) {
            if (in == null) {
                throw new IOException("no expected/" + name + ".txt");
            }
            return in.readAllBytes();
        }
    }

    private static boolean python3Installed() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException notFound) {
            return false;
        }
    }
}
