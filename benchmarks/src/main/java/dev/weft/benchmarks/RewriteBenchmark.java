package dev.weft.benchmarks;

import dev.weft.benchmarks.rewrite.BenchJars;
import dev.weft.benchmarks.rewrite.GeneratedJar;
import dev.weft.transform.agent.WeftTransformer;
import dev.weft.transform.analyse.ClassHierarchy;
import dev.weft.transform.api.BatchResult;
import dev.weft.transform.api.BatchRewriter;
import dev.weft.transform.api.Rewriter;
import dev.weft.transform.report.RewriteException;
import dev.weft.transform.report.RewriteResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The throughput of the rewrite over a whole jar, on one thread: one operation is one jar.
 * DESIGN.md asks for at least 5,000 classes/s on one core; divide the jar's classes (printed at
 * set-up) by the time per operation.
 *
 * <p>{@code jar}: {@code groovy}, Groovy 4.0.31 from Maven Central (4,570 classes, no
 * {@code @Async}: the cost of passing over classes), or {@code generated}, 5,000 clones of the
 * template classes (13 {@code @Async} generators and coroutines per 3 classes, with loops,
 * try/catch/finally and 1 to 4 suspension points each, 23 in all: the cost of rewriting).
 *
 * <ul>
 *   <li>{@code batch}: {@link BatchRewriter} from the jar to an output jar, as the command line
 *       and the Maven plugin use it (reading, rewriting, writing);</li>
 *   <li>{@code rewriteEach}: {@link Rewriter#rewrite} on each class file, already in memory,
 *       with a fresh hierarchy as each batch has: the rewrite alone;</li>
 *   <li>{@code agentHook}: the agent's {@link WeftTransformer#transform} on each class file, as
 *       the JVM calls it while loading the jar's classes (a fresh transformer each time, as a
 *       fresh JVM has).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class RewriteBenchmark {
    /** The size of the generated jar. */
    static final int GENERATED_CLASSES = 5_000;

    @Param({"groovy", "generated"})
    public String jar;

    private Path dir;
    private Path input;
    private Path output;
    private List<Path> classpath;
    private final List<byte[]> classFiles = new ArrayList<>();
    private final List<String> classNames = new ArrayList<>();
    private URLClassLoader loader;
    private final PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());

    @Setup(Level.Trial)
    public void setUp() throws IOException, RewriteException {
        dir = Files.createTempDirectory("weft-rewrite-bench");
        long start = System.nanoTime();
        switch (jar) {
            case "groovy":
                input = BenchJars.groovy();
                break;
            case "generated":
                input = dir.resolve("generated.jar");
                GeneratedJar.write(input, GENERATED_CLASSES);
                break;
            default:
                throw new IllegalArgumentException("jar: groovy or generated, not " + jar);
        }
        long made = System.nanoTime() - start;
        output = dir.resolve("out").resolve("rewritten.jar");
        // what the plugin passes: the compile class path, here the Weft runtime (inside this jar)
        classpath = List.of(BenchJars.benchmarksJar());
        try (ZipFile zip = new ZipFile(input.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.isDirectory() && e.getName().endsWith(".class")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        byte[] bytes = in.readAllBytes();
                        classFiles.add(bytes);
                        classNames.add(new ClassReader(bytes).getClassName());
                    }
                }
            }
        }
        loader = new URLClassLoader(new URL[] {input.toUri().toURL()}, RewriteBenchmark.class.getClassLoader());
        checkOnce();
        System.out.printf("%nRewriteBenchmark: %s: %d classes, %d bytes of jar (%s), made in %d ms%n", jar,
                classFiles.size(), Files.size(input), input, TimeUnit.NANOSECONDS.toMillis(made));
    }

    /** Fails the trial unless each variant does what it is meant to: rewrite every clone, and nothing of Groovy. */
    private void checkOnce() throws IOException, RewriteException {
        boolean generated = jar.equals("generated");
        int expectedClasses = generated ? classFiles.size() : 0;
        BatchResult result = batch();
        if (result.hasProblems() || result.classes() != expectedClasses || result.scanned() != classFiles.size()
                || (generated && result.methods() != GeneratedJar.asyncMethods(GENERATED_CLASSES))) {
            throw new IllegalStateException("unexpected batch result: " + result.summary() + " " + result.problems());
        }
        if (rewriteEach() != expectedClasses || agentHook() != expectedClasses) {
            throw new IllegalStateException("the rewrite and the agent do not rewrite " + expectedClasses + " classes");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        loader.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /**
     * The CPU time of the benchmark's thread per operation, beside JMH's wall-clock time: on a
     * machine shared with other work the wall clock also counts the time the thread waited for
     * a core. {@code cpuMsPerOp} is the mean over one iteration's operations; JMH sums such
     * counters over the iterations in its summary, so divide that by the iteration count.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        /** Milliseconds of this thread's CPU time per operation, over this iteration. */
        public double cpuMsPerOp;
        private long ops;
        private long nanos;
        private long start;

        @Setup(Level.Iteration)
        public void clear() {
            cpuMsPerOp = 0;
            ops = 0;
            nanos = 0;
        }

        @Setup(Level.Invocation)
        public void begin() {
            start = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Invocation)
        public void end() {
            nanos += THREADS.getCurrentThreadCpuTime() - start;
            ops++;
            cpuMsPerOp = nanos / 1e6 / ops;
        }
    }

    /** The batch from the jar to another jar: reads, rewrites, writes (or copies, when nothing changed). */
    @Benchmark
    public BatchResult batch(Cpu cpu) throws IOException {
        return batch();
    }

    private BatchResult batch() throws IOException {
        return BatchRewriter.builder().input(input).output(output).classpath(classpath).build().run();
    }

    /** The rewrite of each class file in memory; returns how many changed. */
    @Benchmark
    public int rewriteEach(Cpu cpu) throws RewriteException {
        return rewriteEach();
    }

    private int rewriteEach() throws RewriteException {
        List<Path> hierarchyPath = new ArrayList<>(classpath);
        hierarchyPath.add(0, input);
        Rewriter rewriter = new Rewriter(ClassHierarchy.of(hierarchyPath));
        int changed = 0;
        for (byte[] classFile : classFiles) {
            RewriteResult r = rewriter.rewrite(classFile);
            changed += r.changed() ? 1 : 0;
        }
        return changed;
    }

    /** The agent's hook on each class file; returns how many it rewrote. */
    @Benchmark
    public int agentHook(Cpu cpu) {
        return agentHook();
    }

    private int agentHook() {
        WeftTransformer transformer = new WeftTransformer(false, nowhere);
        int changed = 0;
        for (int i = 0; i < classFiles.size(); i++) {
            byte[] out = transformer.transform(loader, classNames.get(i), null, null, classFiles.get(i));
            changed += out != null ? 1 : 0;
        }
        return changed;
    }
}
