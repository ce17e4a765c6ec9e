package dev.weft.it.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Async lambdas and the await chain in an exception's trace, the same through every door: the
 * plugin-built {@code AsyncChain}, and the same source compiled without the rewrite, run under the
 * agent or rewritten by the command line, print the same lines and define the same bytes.
 */
class AsyncChainIT {
    private static final String CHAIN = "dev.weft.it.sample.AsyncChain";
    private static final String CHAIN_CLASS = "dev/weft/it/sample/AsyncChain.class";
    private static final Path AGENT = Jvm.path("weft.transformer.jar");
    private static final Path RUNTIME = Jvm.path("weft.runtime.jar");
    private static final Path PLUGIN_BUILT = Jvm.path("weft.test.classes");
    private static final Path SOURCES = Jvm.path("weft.test.sources");

    @TempDir
    static Path tmp;
    private static Path unrewritten;

    @BeforeAll
    static void compileWithoutTheRewrite() throws Exception {
        unrewritten = Files.createDirectories(tmp.resolve("unrewritten"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-g", "--release", System.getProperty("weft.release"),
                "-cp", RUNTIME.toString(), "-d", unrewritten.toString(),
                SOURCES.resolve("dev/weft/it/sample/AsyncChain.java").toString());
        assertThat(status).as("javac").isZero();
    }

    /** "page b", then level3, level2, level1 at the lines the source marks {@code // chain: NAME}. */
    private static String expected() throws Exception {
        List<String> lines = Files.readAllLines(SOURCES.resolve("dev/weft/it/sample/AsyncChain.java"));
        List<String> out = new ArrayList<>(List.of("page b"));
        for (String name : List.of("level3", "level2", "level1")) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).endsWith("// chain: " + name)) {
                    out.add(name + ":" + (i + 1));
                }
            }
        }
        return String.join(System.lineSeparator(), out) + System.lineSeparator();
    }

    @Test
    void thePluginTheAgentAndTheCommandLineGiveTheSameChain() throws Exception {
        Jvm.Result plugin = Jvm.java(tmp, "-cp", Jvm.classpath(PLUGIN_BUILT, RUNTIME), CHAIN);
        assertThat(plugin.out).as(plugin.toString()).isEqualTo(expected());

        Jvm.Result agent = Jvm.java(tmp, "-javaagent:" + AGENT, "-cp", Jvm.classpath(unrewritten, RUNTIME), CHAIN);
        assertThat(agent.out).as(agent.toString()).isEqualTo(expected());

        Path out = tmp.resolve("cli-out");
        Jvm.Result cli = Jvm.java(tmp, "-jar", AGENT.toString(), "--classpath", RUNTIME.toString(), "-d", out.toString(),
                unrewritten.toString());
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(out.resolve(CHAIN_CLASS)).hasSameBinaryContentAs(PLUGIN_BUILT.resolve(CHAIN_CLASS));
        Jvm.Result rewritten = Jvm.java(tmp, "-cp", Jvm.classpath(out, RUNTIME), CHAIN);
        assertThat(rewritten.out).as(rewritten.toString()).isEqualTo(expected());
    }
}
