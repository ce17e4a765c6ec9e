package dev.weft.transform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that cannot be read as classes or jars: each is reported by name, the rest is rewritten, the exit status is 1. */
class UnreadableFilesTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static byte[] aClass() throws IOException {
        return UnreadableFilesTest.class.getResourceAsStream("MainTest.class").readAllBytes();
    }

    @Test
    void unreadableClassesAreReportedAndTheRestIsRead() throws IOException {
        Path dir = tmp.resolve("classes");
        Files.createDirectories(dir.resolve("Dir.class"));
        byte[] good = aClass();
        Files.write(dir.resolve("A.class"), new byte[0]);
        Files.write(dir.resolve("B.class"), Arrays.copyOf(good, good.length / 2));
        Files.write(dir.resolve("C.class"), "garbage".getBytes(StandardCharsets.UTF_8));
        byte[] future = good.clone();
        future[6] = 0;
        future[7] = 99;
        Files.write(dir.resolve("D.class"), future);
        Files.write(dir.resolve("E.class"), good);

        assertThat(run(dir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                dir.resolve("A.class") + ": error: empty class file",
                dir.resolve("B.class") + ": error: truncated class file",
                dir.resolve("C.class") + ": error: not a class file (it does not start with 0xCAFEBABE)",
                dir.resolve("D.class") + ": error: class file version 99 (Java 55) is newer than this Weft reads");
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(dir.resolve("Dir.class") + " is a directory, not a class file: skipped")
                .contains("(5 classes scanned)");
    }

    @Test
    void jarsThatCannotBeReadAreNamedWithTheirEntry() throws IOException {
        Path empty = Files.write(tmp.resolve("empty.jar"), new byte[0]);
        Path notZip = Files.write(tmp.resolve("notes.jar"), "not a zip".getBytes(StandardCharsets.UTF_8));
        Path noEntries = tmp.resolve("none.jar");
        new ZipOutputStream(Files.newOutputStream(noEntries)).close();
        Path corrupt = tmp.resolve("corrupt.jar");
        try (OutputStream file = Files.newOutputStream(corrupt); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("a/A.class"));
            zip.write(aClass());
        }
        byte[] bytes = Files.readAllBytes(corrupt);
        for (int i = 60; i < 200; i++) {
            bytes[i] ^= 0x5a; // inside the deflated data of the entry
        }
        Files.write(corrupt, bytes);

        assertThat(run(empty.toString(), notZip.toString(), noEntries.toString(), corrupt.toString())).isEqualTo(1);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors).contains(empty + ": error: empty file, not a jar")
                .contains(notZip + ": error: not a jar (")
                .contains(corrupt + "!/a/A.class: error: corrupt jar entry (");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(noEntries + " is an empty jar: nothing to rewrite");
    }
}
