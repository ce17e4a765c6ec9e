package dev.weft.it.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ported {@code test_asyncgen.py} cases ({@code AsyncGenTest} of the runtime, which the plugin
 * rewrites in its build) under the agent: its source compiled again without the rewrite, in a
 * package of its own (the agent passes over Weft's own top-level {@code dev.weft} classes), and run
 * with JUnit in a JVM started with {@code -javaagent}. Every case must pass there too.
 */
class AsyncGenUnderTheAgentIT {
    private static final Path AGENT = Jvm.path("weft.transformer.jar");
    private static final Path RUNTIME = Jvm.path("weft.runtime.jar");
    private static final Path RUNTIME_TESTS = Jvm.path("weft.runtime.test.sources");
    private static final String PACKAGE = "dev.weft.agentcheck";

    @TempDir
    Path tmp;

    @Test
    void theAsyncGenCasesPassUnderTheAgent() throws Exception {
        String source = Files.readString(RUNTIME_TESTS.resolve("dev/weft/AsyncGenTest.java"));
        int cases = count(Pattern.compile("^\\s*@Test\\s*$", Pattern.MULTILINE), source);
        assertThat(cases).as("@Test methods in AsyncGenTest").isGreaterThanOrEqualTo(32);

        Path classes = compileWithoutTheRewrite(source.replaceFirst("(?m)^package dev\\.weft;",
                "package " + PACKAGE + "; import dev.weft.*;"));
        Jvm.Result run = Jvm.java(tmp, "-javaagent:" + AGENT + "=verbose",
                "-cp", classes + File.pathSeparator + RUNTIME + File.pathSeparator + testClassPath(),
                RunJupiter.class.getName(), PACKAGE + ".AsyncGenTest");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("tests found " + cases + ", succeeded " + cases + ", failed 0");
        assertThat(run.err).contains("weft: rewrote " + PACKAGE + ".AsyncGenTest.");
    }

    /** javac as Maven runs it ({@code -g --release N}), into class files nothing rewrote. */
    private Path compileWithoutTheRewrite(String source) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src/" + PACKAGE.replace('.', '/'))).resolve("AsyncGenTest.java");
        Files.writeString(src, source);
        Path out = Files.createDirectories(tmp.resolve("unrewritten"));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "--release",
                System.getProperty("weft.release"), "-cp", RUNTIME + File.pathSeparator + testClassPath(),
                "-d", out.toString(), src.toString());
        assertThat(status).as("javac AsyncGenTest").isZero();
        return out;
    }

    /** This test's class path (JUnit, AssertJ, RunJupiter), as the Maven plugin running it tells. */
    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null ? cp : System.getProperty("java.class.path");
    }

    private static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
