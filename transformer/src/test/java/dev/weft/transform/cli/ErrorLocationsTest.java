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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Build errors located as the compiler locates its own: the source file's path under
 * {@code --sourcepath} (absolute, so a terminal or an IDE opens it), and a refused declaration
 * ({@code synchronized}, a wrong return type) at the declaration's line, not the body's first.
 */
class ErrorLocationsTest {
    private static final String SOURCE = String.join("\n",
            "package loc;",                                                   // 1
            "import dev.weft.*;",                                             // 2
            "public class Bad {",                                             // 3
            "    static Object locked(Object o) { return o; }",               // 4: a method of the name, above
            "    @Async",                                                     // 5
            "    static synchronized Generator<Integer, Void, Void> locked(", // 6
            "            int x) {",                                           // 7
            "        Object unused = locked((Object) \"call\");",              // 8
            "        Generator.yield(x);",                                    // 9
            "        return Generator.done();",                               // 10
            "    }",                                                          // 11
            "    @Async",                                                     // 12
            "    static String wrong() {",                                    // 13
            "        return String.valueOf(wrong2());",                      // 14
            "    }",                                                          // 15
            "    static int wrong2() { return 2; }",                          // 16
            "}",
            "");

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void problemsNameTheSourceFileUnderTheSourcePathAndTheDeclarationsLine() throws Exception {
        Path source = write();
        assertThat(run("--sourcepath", tmp.resolve("src").toString(), tmp.resolve("classes").toString())).isEqualTo(1);
        String abs = source.toAbsolutePath().normalize().toString();
        assertThat(err()).contains(abs + ":6: error: in loc.Bad.locked(int): an @Async method cannot be synchronized")
                .contains(abs + ":13: error: in loc.Bad.wrong(): an @Async method must return");
    }

    @Test
    void withoutTheSourcesProblemsKeepThePackagePathAndTheBodysLine() throws Exception {
        write();
        assertThat(run(tmp.resolve("classes").toString())).isEqualTo(1);
        assertThat(err()).contains("loc/Bad.java:8: error: in loc.Bad.locked(int)")
                .contains("loc/Bad.java:14: error: in loc.Bad.wrong()");
    }

    private Path write() throws Exception {
        Path source = Files.createDirectories(tmp.resolve("src/loc")).resolve("Bad.java");
        Files.writeString(source, SOURCE);
        byte[] compiled = InMemoryJavac.compile(11, List.of(JavaSource.of(SOURCE))).get("loc.Bad");
        Files.write(Files.createDirectories(tmp.resolve("classes/loc")).resolve("Bad.class"), compiled);
        return source;
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
