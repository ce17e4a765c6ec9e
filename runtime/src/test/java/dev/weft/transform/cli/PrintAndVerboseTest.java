package dev.weft.transform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.transform.testing.InMemoryJavac;
import dev.weft.transform.testing.JavaSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --print CLASS#METHOD} (the rewritten bytecode of one method, nothing written) and {@code --verbose}. */
class PrintAndVerboseTest {
    static final String SOURCE = String.join("\n",
            "package t;",
            "import dev.weft.*;",
            "import static dev.weft.Weft.*;",
            "public class Foo {",
            "    @Async",
            "    static Generator<Integer, Void, Void> bar(int n) {",
            "        long total = 0;",
            "        for (int i = 0; i < n; i++) {",
            "            Generator.yield(i);",
            "            total += i;",
            "        }",
            "        Generator.yield((int) total); // LAST",
            "        return Generator.done();",
            "    }",
            "    @Async",
            "    static Generator<Integer, Void, Void> bar(String s) {",
            "        Generator.yield(s.length());",
            "        return Generator.done();",
            "    }",
            "    @Async",
            "    static Coroutine<String> other() {",
            "        await(sleep(0));",
            "        return Coroutine.returning(\"x\");",
            "    }",
            "    static int plain() { return 1; }",
            "}");

    static int lineOf(String tag) {
        String[] lines = SOURCE.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(tag)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(tag);
    }

    @TempDir
    Path tmp;
    Path classes;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void compile() throws Exception {
        classes = tmp.resolve("classes");
        Map<String, byte[]> compiled = InMemoryJavac.compile(11, List.of(JavaSource.of(SOURCE)));
        for (Map.Entry<String, byte[]> e : compiled.entrySet()) {
            Path file = classes.resolve(e.getKey().replace('.', '/') + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String runtime() throws Exception {
        return Path.of(dev.weft.Generator.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private Map<Path, Long> snapshot() throws Exception {
        try (Stream<Path> files = Files.walk(tmp)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toMap(p -> p, p -> p.toFile().lastModified() ^ p.toFile().length()));
        }
    }

    @Test
    void printShowsTheFactoryAndTheBodyOfEveryOverloadAndWritesNothing() throws Exception {
        byte[] before = Files.readAllBytes(classes.resolve("t/Foo.class"));
        Map<Path, Long> files = snapshot();
        assertThat(run("--print", "t.Foo#bar", "--classpath", runtime(), classes.toString())).as(err()).isZero();
        String text = out();
        assertThat(text).contains("// t.Foo.bar(I)Ldev/weft/Generator;: 2 suspension points, saves")
                .contains("// t.Foo.bar(Ljava/lang/String;)Ldev/weft/Generator;: 1 suspension points")
                .contains("// factory: bar(I)Ldev/weft/Generator;")
                .contains("// factory: bar(Ljava/lang/String;)Ldev/weft/Generator;")
                .contains("// body: bar(Ldev/weft/internal/GeneratorFrame;)Ljava/lang/Object;")
                .contains("// body: bar$1(Ldev/weft/internal/GeneratorFrame;)Ljava/lang/Object;")
                .contains("TABLESWITCH")
                .contains("INVOKEVIRTUAL dev/weft/internal/GeneratorFrame.yieldValue")
                .contains("INVOKEDYNAMIC resume")
                .contains("LINENUMBER " + lineOf("// LAST"))
                .contains("LOCALVARIABLE total J")
                .doesNotContain("other(")
                .doesNotContain("plain(");
        assertThat(Files.readAllBytes(classes.resolve("t/Foo.class"))).isEqualTo(before);
        assertThat(snapshot()).isEqualTo(files);
        assertThat(err()).isEmpty();
    }

    @Test
    void printReadsJarsToo() throws Exception {
        Path jar = tmp.resolve("app.jar");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
            j.putNextEntry(new JarEntry("t/Foo.class"));
            j.write(Files.readAllBytes(classes.resolve("t/Foo.class")));
            j.closeEntry();
        }
        assertThat(run("--print", "t.Foo#other", "-cp", runtime(), jar.toString())).as(err()).isZero();
        assertThat(out()).contains("// factory: other()Ldev/weft/Coroutine;")
                .contains("// body: other(Ldev/weft/internal/CoroutineFrame;)Ljava/lang/Object;")
                .contains("tryAwait")
                .doesNotContain("bar(");
    }

    @Test
    void printNamesWhatItCannotFind() throws Exception {
        assertThat(run("--print", "t.Foo#plain", "-cp", runtime(), classes.toString())).isEqualTo(1);
        assertThat(err()).contains("t.Foo has no @Async method plain; its @Async methods: [bar, bar, other]");
        assertThat(out()).isEmpty();
        err.reset();
        assertThat(run("--print", "t.Nope#bar", classes.toString())).isEqualTo(1);
        assertThat(err()).contains("no class t.Nope (t/Nope.class)");
        err.reset();
        assertThat(run("--print", "t.Foo", classes.toString())).isEqualTo(2);
        assertThat(err()).contains("--print takes CLASS#METHOD");
    }

    @Test
    void verboseListsEachMethodWithItsPointsAndSavedState() throws Exception {
        assertThat(run("--verbose", "-cp", runtime(), "-d", tmp.resolve("out").toString(), classes.toString())).as(err()).isZero();
        assertThat(out()).contains("Weft: rewrote t.Foo.bar(I)Ldev/weft/Generator;: 2 suspension points, saves 0 references and 3 primitives")
                .contains("Weft: rewrote t.Foo.bar(Ljava/lang/String;)Ldev/weft/Generator;: 1 suspension points")
                .contains("Weft: rewrote t.Foo.other()Ldev/weft/Coroutine;: 1 suspension points")
                .contains("Weft: rewrote 3 methods in 1 classes");
        assertThat(tmp.resolve("out/t/Foo.class")).exists();
    }
}
