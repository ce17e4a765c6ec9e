package dev.weft.transform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Generator;
import dev.weft.transform.testing.InMemoryJavac;
import dev.weft.transform.testing.JavaSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed jars and symbolic links given to the command line: a signed jar whose signed classes
 * would change is refused, naming them, unless {@code --strip-signatures}; a link to a class file
 * or a jar is neither written through nor replaced in place, and is read into {@code -d OUT}.
 */
class JarsAndLinksTest {
    private static final String CLASS = "g/Gen.class";

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aSignedJarWhoseSignedClassesWouldChangeIsRefusedAndLeftAsItIs() throws Exception {
        Path jar = signedJar();
        byte[] before = Files.readAllBytes(jar);
        assertThat(run(jar.toString())).isEqualTo(1);
        assertThat(err()).contains(jar.toString()).contains("signed").contains(CLASS).contains("re-signing is yours to do")
                .contains("--strip-signatures");
        assertThat(Files.readAllBytes(jar)).isEqualTo(before);
    }

    @Test
    void aSignedJarLosesItsSignatureWhenAskedAndItsClassesLoad() throws Exception {
        Path jar = signedJar();
        assertThat(run("--strip-signatures", jar.toString())).as(err()).isZero();
        try (JarFile j = new JarFile(jar.toFile())) {
            List<String> names = Collections.list(j.entries()).stream().map(JarEntry::getName).collect(Collectors.toList());
            assertThat(names).contains(CLASS).noneMatch(n -> n.endsWith(".SF") || n.endsWith(".RSA"));
            Manifest m = j.getManifest();
            assertThat(m.getEntries()).doesNotContainKey(CLASS);
            assertThat(m.getMainAttributes().getValue("Created-By")).isEqualTo("weft-test");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Generator<?, ?, ?> g = (Generator<?, ?, ?>) loader.loadClass("g.Gen").getDeclaredMethod("gen").invoke(null);
            List<Object> values = new ArrayList<>();
            g.forEach(values::add);
            assertThat(values).containsExactly(1, 2);
        }
    }

    @Test
    void aSymlinkedClassFileIsNeitherWrittenThroughNorReplacedInPlace() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside")).resolve("Gen.class");
        Files.write(outside, compiled());
        Path link = Files.createDirectories(tmp.resolve("classes/g")).resolve("Gen.class");
        Files.createSymbolicLink(link, outside);
        assertThat(run(tmp.resolve("classes").toString())).isEqualTo(1);
        assertThat(err()).contains(link.toString()).contains("symbolic link").contains(outside.toString());
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readAllBytes(outside)).isEqualTo(compiled());
    }

    @Test
    void aSymlinkedClassFileIsReadIntoAnOutputDirectory() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside")).resolve("Gen.class");
        Files.write(outside, compiled());
        Path link = Files.createDirectories(tmp.resolve("classes/g")).resolve("Gen.class");
        Files.createSymbolicLink(link, outside);
        assertThat(run("-d", tmp.resolve("out").toString(), tmp.resolve("classes").toString())).as(err()).isZero();
        Path written = tmp.resolve("out").resolve(CLASS);
        assertThat(Files.isSymbolicLink(written)).isFalse();
        assertThat(Files.readAllBytes(written)).isNotEqualTo(compiled());
        assertThat(Files.readAllBytes(outside)).isEqualTo(compiled());
    }

    @Test
    void aSymlinkedJarIsNotReplacedInPlace() throws Exception {
        Path target = jar(tmp.resolve("real.jar"), new Manifest());
        byte[] before = Files.readAllBytes(target);
        Path link = Files.createSymbolicLink(tmp.resolve("link.jar"), target);
        assertThat(run(link.toString())).isEqualTo(1);
        assertThat(err()).contains(link.toString()).contains("symbolic link").contains(target.toString());
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readAllBytes(target)).isEqualTo(before);
    }

    // ---- the inputs

    private static byte[] compiled() {
        return InMemoryJavac.compile(11, List.of(JavaSource.of("package g; import dev.weft.*; public class Gen {\n"
                + "  @Async public static Generator<Integer, Void, Void> gen() { Generator.yield(1); Generator.yield(2);"
                + " return Generator.done(); }\n}\n"))).get("g.Gen");
    }

    private static Path jar(Path file, Manifest manifest) throws IOException {
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Created-By", "weft-test");
        try (OutputStream o = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(o, manifest)) {
            jar.putNextEntry(new JarEntry(CLASS));
            jar.write(compiled());
            jar.closeEntry();
        }
        return file;
    }

    /** A jar of {@code g.Gen} signed by the JDK's {@code jarsigner} with a key made by its {@code keytool}. */
    private Path signedJar() throws Exception {
        Path jar = jar(tmp.resolve("signed.jar"), new Manifest());
        Path keystore = tmp.resolve("keys.p12");
        tool("keytool", "-genkeypair", "-keystore", keystore.toString(), "-storepass", "secret1", "-keypass", "secret1",
                "-alias", "weft", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=weft", "-validity", "2");
        tool("jarsigner", "-keystore", keystore.toString(), "-storepass", "secret1", jar.toString(), "weft");
        try (JarFile j = new JarFile(jar.toFile())) {
            assertThat(j.getManifest().getAttributes(CLASS)).as("jarsigner signed the class").isNotNull();
        }
        return jar;
    }

    private void tool(String name, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", name).toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(name + ": " + output).isZero();
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
