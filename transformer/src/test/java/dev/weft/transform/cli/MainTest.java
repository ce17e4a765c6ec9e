package dev.weft.transform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noInputIsBadUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("weft: no directory or jar to rewrite").contains("usage: java -jar weft-transformer.jar");
    }

    @Test
    void anUnknownOptionIsBadUsage() {
        assertThat(run("--frobnicate", tmp.toString())).isEqualTo(2);
        assertThat(err()).contains("unknown option --frobnicate").contains("usage:");
    }

    @Test
    void aMissingValueIsBadUsage() {
        assertThat(run(tmp.toString(), "-d")).isEqualTo(2);
        assertThat(err()).contains("-d needs a value");
    }

    @Test
    void aMissingInputIsBadUsage() {
        assertThat(run(tmp.resolve("nope").toString())).isEqualTo(2);
        assertThat(err()).contains("no such directory or jar: " + tmp.resolve("nope"));
    }

    @Test
    void anOutputInsideTheInputIsBadUsage() {
        assertThat(run("-d", tmp.resolve("out").toString(), tmp.toString())).isEqualTo(2);
        assertThat(err()).contains("inside the input");
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage:").contains("--classpath");
    }

    @Test
    void aDirectoryWithoutWeftIsFineAndSummedUp() throws Exception {
        Path dir = tmp.resolve("classes");
        Files.createDirectories(dir);
        Files.copy(MainTest.class.getResourceAsStream("MainTest.class"), dir.resolve("MainTest.class"));
        byte[] before = Files.readAllBytes(dir.resolve("MainTest.class"));
        assertThat(run("--classpath", tmp.resolve("missing.jar").toString(), dir.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).trim())
                .isEqualTo("Weft: rewrote 0 methods in 0 classes (1 classes scanned)");
        assertThat(Files.readAllBytes(dir.resolve("MainTest.class"))).isEqualTo(before);
        assertThat(err()).isEmpty();
    }

    @Test
    void aFileThatIsNotAJarFailsWithItsName() throws Exception {
        Path notJar = Files.write(tmp.resolve("notes.jar"), "not a zip".getBytes(StandardCharsets.UTF_8));
        assertThat(run(notJar.toString())).isEqualTo(1);
        assertThat(err()).startsWith(notJar + ": error: not a jar (");
    }

    @Test
    void aForgottenAwaitIsAWarningAndFailsOnlyWithFailOnWarning() throws Exception {
        String source = String.join("\n",
                "package app;",
                "import dev.weft.*;",
                "public class Forgot {",
                "    @Async static Coroutine<String> coro() { return Coroutine.returning(\"x\"); }",
                "    @Async static Coroutine<Void> main() {",
                "        coro();",
                "        return Coroutine.done();",
                "    }",
                "}");
        java.util.Map<String, byte[]> classes = dev.weft.transform.testing.InMemoryJavac.compile(11,
                java.util.List.of(dev.weft.transform.testing.JavaSource.of(source)));
        Path dir = tmp.resolve("classes");
        for (java.util.Map.Entry<String, byte[]> c : classes.entrySet()) {
            Path file = dir.resolve(c.getKey().replace('.', '/') + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, c.getValue());
        }
        String warning = "app/Forgot.java:6: warning: in app.Forgot.main(): the Coroutine that Forgot.coro(...) returns is discarded";
        assertThat(run("-d", tmp.resolve("out").toString(), dir.toString())).isZero();
        assertThat(err()).startsWith(warning);
        assertThat(tmp.resolve("out/app/Forgot.class")).exists();
        err.reset();
        assertThat(run("--fail-on-warning", "-d", tmp.resolve("out2").toString(), dir.toString())).isEqualTo(1);
        assertThat(err()).startsWith(warning);
    }
}
