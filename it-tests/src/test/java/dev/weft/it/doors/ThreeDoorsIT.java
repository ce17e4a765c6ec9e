package dev.weft.it.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent and the command line on real JVMs, against the plugin. {@code Seeds} is rewritten by
 * the plugin in this build (in {@code target/test-classes}); the tests compile its source again,
 * the way Maven does, into class files that nothing rewrote, and hand those to the other doors:
 * all three must print Python's answer and define the very same bytes.
 */
class ThreeDoorsIT {
    private static final String SEEDS = "dev.weft.it.sample.Seeds";
    private static final String SEEDS_CLASS = "dev/weft/it/sample/Seeds.class";
    private static final String MISUSED = "dev.weft.it.misuse.Misused";
    private static final String MISUSED_CLASS = "dev/weft/it/misuse/Misused.class";
    /** What the seeds print in Python, and so in Weft. */
    private static final String PYTHONS_ANSWER = String.join(System.lineSeparator(),
            "1", "4", "9", "16", "25", "36", "49", "64", "81", // num(1)
            "1", "3", "4", "2", // func1(), with yield from func2()
            "10.0", "15.0", "30.0", "count 3", "false",
            "ticks closed", "ticks 3", ""); // sum_ticks(), over the async generator ticks(3)

    private static final Path AGENT = Jvm.path("weft.transformer.jar");
    private static final Path RUNTIME = Jvm.path("weft.runtime.jar");
    private static final Path PLUGIN_BUILT = Jvm.path("weft.test.classes");
    private static final Path SOURCES = Jvm.path("weft.test.sources");

    @TempDir
    static Path tmp;
    private static Path unrewritten;

    /** Compiles Seeds.java as Maven did ({@code -g --release N}), without the rewrite. */
    @BeforeAll
    static void compileWithoutTheRewrite() throws IOException {
        unrewritten = tmp.resolve("unrewritten");
        Files.createDirectories(unrewritten);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-g", "--release", System.getProperty("weft.release"),
                "-cp", RUNTIME.toString(), "-d", unrewritten.toString(),
                SOURCES.resolve("dev/weft/it/sample/Seeds.java").toString());
        assertThat(status).as("javac").isZero();
    }

    private static Path jarOf(Path jar, Path classes, String... entries) throws IOException {
        try (OutputStream f = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(f)) {
            for (String entry : entries) {
                out.putNextEntry(new JarEntry(entry));
                out.write(Files.readAllBytes(classes.resolve(entry)));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** The lines of Misused.java marked {@code weft-error}, as the javac-style locations the rewrite must report. */
    private static List<String> expectedProblemLocations() throws IOException {
        List<String> lines = Files.readAllLines(SOURCES.resolve("dev/weft/it/misuse/Misused.java"));
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("// weft-error")) {
                locations.add("dev/weft/it/misuse/Misused.java:" + (i + 1) + ": error: in " + MISUSED + ".");
            }
        }
        assertThat(locations).hasSize(2);
        return locations;
    }

    @Test
    void thePluginBuiltSeedsPrintPythonsAnswer() throws Exception {
        Jvm.Result run = Jvm.java(tmp, "-cp", Jvm.classpath(PLUGIN_BUILT, RUNTIME), SEEDS);
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo(PYTHONS_ANSWER);
    }

    @Test
    void withoutAnyDoorTheMarkersSayHowToEnableTheRewrite() throws Exception {
        Jvm.Result run = Jvm.java(tmp, "-cp", Jvm.classpath(unrewritten, RUNTIME), SEEDS);
        assertThat(run.exitCode).as(run.toString()).isNotZero();
        assertThat(run.err).contains("NotRewrittenError").contains("-javaagent");
    }

    @Test
    void theAgentRewritesAsClassesLoadAndGivesThePluginsResult() throws Exception {
        Jvm.Result plugin = Jvm.java(tmp, "-cp", Jvm.classpath(PLUGIN_BUILT, RUNTIME), SEEDS);
        Jvm.Result agent = Jvm.java(tmp, "-javaagent:" + AGENT + "=verbose", "-cp", Jvm.classpath(unrewritten, RUNTIME), SEEDS);
        assertThat(agent.exitCode).as(agent.toString()).isZero();
        assertThat(agent.out).isEqualTo(plugin.out).isEqualTo(PYTHONS_ANSWER);
        assertThat(agent.err).contains("weft: rewrote " + SEEDS + ".num(I)Ldev/weft/Generator;");
    }

    /**
     * A second agent, registered after Weft's, sees the bytes Weft's transformer returned: it
     * writes those of the sample classes into the directory given as its option.
     */
    private static Path dumpAgent() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("dump-agent-src"));
        Path classes = Files.createDirectories(tmp.resolve("dump-agent-classes"));
        Files.writeString(src.resolve("DumpAgent.java"), String.join("\n",
                "import java.lang.instrument.*;",
                "import java.nio.file.*;",
                "public class DumpAgent {",
                "  public static void premain(String dir, Instrumentation inst) {",
                "    inst.addTransformer(new ClassFileTransformer() {",
                "      @Override public byte[] transform(ClassLoader l, String name, Class<?> c,",
                "          java.security.ProtectionDomain d, byte[] bytes) {",
                "        if (name != null && name.startsWith(\"dev/weft/it/sample/\")) {",
                "          try {",
                "            Path f = Paths.get(dir, name + \".class\");",
                "            Files.createDirectories(f.getParent());",
                "            Files.write(f, bytes);",
                "          } catch (java.io.IOException e) {",
                "            throw new java.io.UncheckedIOException(e);",
                "          }",
                "        }",
                "        return null;",
                "      }",
                "    });",
                "  }",
                "}"));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                src.resolve("DumpAgent.java").toString());
        assertThat(status).as("javac DumpAgent").isZero();
        Path jar = tmp.resolve("dump-agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", "DumpAgent");
        try (OutputStream f = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(f, manifest)) {
            try (Stream<Path> files = Files.list(classes)) {
                for (Path c : files.sorted().collect(Collectors.toList())) {
                    out.putNextEntry(new JarEntry(c.getFileName().toString()));
                    out.write(Files.readAllBytes(c));
                    out.closeEntry();
                }
            }
        }
        return jar;
    }

    @Test
    void theAgentDefinesTheBytesThePluginWrote() throws Exception {
        Path dumped = tmp.resolve("agent-defined");
        Jvm.Result run = Jvm.java(tmp, "-javaagent:" + AGENT, "-javaagent:" + dumpAgent() + "=" + dumped,
                "-cp", Jvm.classpath(unrewritten, RUNTIME), SEEDS);
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(dumped.resolve(SEEDS_CLASS)).hasSameBinaryContentAs(PLUGIN_BUILT.resolve(SEEDS_CLASS));
    }

    @Test
    void theAgentLeavesAMisusedClassAsItWasAndSaysWhy() throws Exception {
        Jvm.Result run = Jvm.java(tmp, "-javaagent:" + AGENT, "-cp", Jvm.classpath(PLUGIN_BUILT, RUNTIME), MISUSED);
        assertThat(run.out).as(run.toString()).isEqualTo("Misused loaded" + System.lineSeparator());
        for (String location : expectedProblemLocations()) {
            assertThat(run.err).as(run.toString()).contains("weft: " + location);
        }
        assertThat(run.err).contains("weft: " + MISUSED + " left as it was");
        assertThat(run.err).as("the class loaded unchanged, so its marker was not rewritten").contains("NotRewrittenError");
    }

    @Test
    void theCommandLineRewritesAJarThatThenRunsAndIsIdempotent() throws Exception {
        Path jar = jarOf(tmp.resolve("seeds.jar"), unrewritten, SEEDS_CLASS);
        Jvm.Result cli = Jvm.java(tmp, "-jar", AGENT.toString(), "--classpath", RUNTIME.toString(), jar.toString());
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(cli.out.trim()).isEqualTo("Weft: rewrote 7 methods in 1 classes (1 classes scanned)");

        Jvm.Result run = Jvm.java(tmp, "-cp", Jvm.classpath(jar, RUNTIME), SEEDS);
        assertThat(run.out).as(run.toString()).isEqualTo(PYTHONS_ANSWER);

        byte[] once = Files.readAllBytes(jar);
        Jvm.Result again = Jvm.java(tmp, "-jar", AGENT.toString(), "--classpath", RUNTIME.toString(), jar.toString());
        assertThat(again.out.trim()).isEqualTo("Weft: rewrote 0 methods in 0 classes (1 classes scanned)");
        assertThat(Files.readAllBytes(jar)).as("a rewritten class is never rewritten twice").isEqualTo(once);
    }

    @Test
    void theCommandLineWritesTheBytesThePluginWrote() throws Exception {
        Path out = tmp.resolve("cli-out");
        Jvm.Result cli = Jvm.java(tmp, "-jar", AGENT.toString(), "--classpath", RUNTIME.toString(), "-d", out.toString(),
                unrewritten.toString());
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(out.resolve(SEEDS_CLASS)).hasSameBinaryContentAs(PLUGIN_BUILT.resolve(SEEDS_CLASS));
        assertThat(Files.readAllBytes(unrewritten.resolve(SEEDS_CLASS)))
                .as("-d leaves the input alone").isNotEqualTo(Files.readAllBytes(out.resolve(SEEDS_CLASS)));
    }

    @Test
    void theCommandLineReportsEveryProblemOnALineAndExitsOne() throws Exception {
        Path jar = jarOf(tmp.resolve("misused.jar"), PLUGIN_BUILT, MISUSED_CLASS);
        byte[] before = Files.readAllBytes(jar);
        Jvm.Result cli = Jvm.java(tmp, "-jar", AGENT.toString(), "--classpath", RUNTIME.toString(), jar.toString());
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(1);
        List<String> errLines = Stream.of(cli.err.split("\\R")).filter(l -> !l.isEmpty()).collect(Collectors.toList());
        List<String> locations = expectedProblemLocations();
        assertThat(errLines).hasSize(locations.size());
        for (int i = 0; i < locations.size(); i++) {
            assertThat(errLines.get(i)).startsWith(locations.get(i));
        }
        assertThat(Files.readAllBytes(jar)).as("a refused class is left as it was").isEqualTo(before);
    }

    @Test
    void theCommandLineExplainsBadUsage() throws Exception {
        Jvm.Result cli = Jvm.java(tmp, "-jar", AGENT.toString());
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("usage: java -jar weft-transformer.jar");
    }

    @Test
    void theTransformerJarIsAnAgentAndAToolWithItsOwnAsm() throws Exception {
        try (JarFile jar = new JarFile(AGENT.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Premain-Class")).isEqualTo("dev.weft.transform.agent.WeftAgent");
            assertThat(main.getValue("Agent-Class")).isEqualTo("dev.weft.transform.agent.WeftAgent");
            assertThat(main.getValue("Main-Class")).isEqualTo("dev.weft.transform.cli.Main");
            assertThat(jar.getEntry("dev/weft/shaded/asm/ClassReader.class")).isNotNull();
            assertThat(jar.stream().map(JarEntry::getName)).noneMatch(name -> name.startsWith("org/objectweb/"));
        }
    }
}
