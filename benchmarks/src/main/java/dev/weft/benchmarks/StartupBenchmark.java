package dev.weft.benchmarks;

import dev.weft.benchmarks.rewrite.BenchJars;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the agent adds to the start of a real application: one launch starts a child JVM (the
 * same {@code java} as this one) that runs a real application to completion, without the agent
 * and with {@code -javaagent:weft-transformer.jar}. The applications come from Maven Central
 * and have no {@code @Async}, so the difference is the agent's own start (opening its jar,
 * {@code premain}, loading the transformer) plus its pass over every class the application
 * loads:
 *
 * <ul>
 *   <li>{@code app=ecj}: the Eclipse compiler compiles eight small source files (it loads about
 *       500 classes of its own);</li>
 *   <li>{@code app=groovy}: Groovy runs a small script (about 1,300 classes of Groovy's, plus the
 *       classes Groovy compiles from the script and defines as it runs).</li>
 * </ul>
 *
 * <p>{@code launch} times one launch, {@code agent=none} or {@code weft}. {@code pairedLaunch}
 * launches both in turns in every operation (which goes first alternates) and reports each
 * launch and their difference as counters, so that both see the same load on a shared machine;
 * it also reports the CPU time of each child (all its threads, on Linux), which other work on
 * the machine barely changes. In the same turns it launches the control, {@link IdleAgent} (an
 * agent that leaves every class as it is), and reports it too: {@code idleAgentCpuMs} minus
 * {@code withoutAgentCpuMs} is what any agent costs the JVM, {@code weftOverIdleCpuMs} what
 * Weft's own code adds to that.
 * JMH sums such counters over the iterations in its summary: divide by the iteration count (or
 * read each iteration's values). The set-up prints the child's command and how many classes it
 * loads, and how many of them from the application's jar.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 20)
public class StartupBenchmark {
    /** How many source files the compiler compiles. */
    static final int SOURCES = 8;

    /** The application and its two command lines. */
    @State(Scope.Benchmark)
    public static class App {
        @Param({"ecj", "groovy"})
        public String app;

        List<String> withAgent;
        List<String> withoutAgent;
        List<String> withIdleAgent;
        private Path dir;
        private Path log;

        @Setup(Level.Trial)
        public void setUp() throws IOException, InterruptedException {
            dir = Files.createTempDirectory("weft-startup-bench");
            log = dir.resolve("child.log");
            List<String> appArgs = new ArrayList<>();
            String appJar;
            switch (app) {
                case "ecj":
                    appJar = "ecj.jar";
                    appArgs.addAll(List.of("-cp", BenchJars.ecj().toString(), "org.eclipse.jdt.internal.compiler.batch.Main",
                            "--release", "17", "-proc:none", "-nowarn", "-d", dir.resolve("out").toString()));
                    for (int i = 0; i < SOURCES; i++) {
                        Path file = dir.resolve("src/demo/Unit" + i + ".java");
                        Files.createDirectories(file.getParent());
                        Files.writeString(file, source(i), StandardCharsets.UTF_8);
                        appArgs.add(file.toString());
                    }
                    break;
                case "groovy":
                    appJar = "groovy.jar";
                    Path script = dir.resolve("script.groovy");
                    Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
                    appArgs.addAll(List.of("-cp", BenchJars.groovy().toString(), "groovy.ui.GroovyMain", script.toString()));
                    break;
                default:
                    throw new IllegalArgumentException("app: ecj or groovy, not " + app);
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            withoutAgent = new ArrayList<>(List.of(java));
            withoutAgent.addAll(appArgs);
            withAgent = new ArrayList<>(List.of(java, "-javaagent:" + agentJar()));
            withAgent.addAll(appArgs);
            withIdleAgent = new ArrayList<>(List.of(java, "-javaagent:" + idleAgentJar(dir)));
            withIdleAgent.addAll(appArgs);
            System.out.printf("%nStartupBenchmark: %s%n", String.join(" ", withAgent));
            countClasses(withoutAgent, appJar, "without the agent");
            countClasses(withAgent, appJar, "with the agent");
        }

        /** Runs the command once with class loading logged, and says how many classes it loads. */
        private void countClasses(List<String> command, String appJar, String what) throws IOException, InterruptedException {
            Path classLog = dir.resolve("classes.log");
            List<String> counting = new ArrayList<>(command);
            counting.add(1, "-Xlog:class+load=info:file=" + classLog);
            launch(counting);
            try (Stream<String> lines = Files.lines(classLog)) {
                List<String> loads = lines.filter(l -> l.contains("source:")).toList();
                long fromApp = loads.stream().filter(l -> l.contains(appJar)).count();
                System.out.printf("StartupBenchmark: app=%s, %s: the child loads %d classes, %d of them from %s%n",
                        app, what, loads.size(), fromApp, appJar);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }

        /** Starts a child and waits for it to finish; fails unless it succeeds. */
        int launch(List<String> cmd) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int exit = p.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("the child exited with " + exit + ": " + Files.readString(log));
            }
            return exit;
        }

        /** Nanoseconds of one launch. */
        long timed(List<String> cmd) throws IOException, InterruptedException {
            long start = System.nanoTime();
            launch(cmd);
            return System.nanoTime() - start;
        }
    }

    /** With or without the agent, for {@link #launch} (or {@code idle}, the control {@link IdleAgent}, when named). */
    @State(Scope.Benchmark)
    public static class Agent {
        @Param({"none", "weft"})
        public String agent;
    }

    /** The counters of {@link #pairedLaunch}, one iteration's values. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Pair {
        /** Milliseconds of the launch without the agent. */
        public double withoutAgentMs;
        /** Milliseconds of the launch with the control, {@link IdleAgent}. */
        public double idleAgentMs;
        /** CPU milliseconds of the launch with the control. */
        public double idleAgentCpuMs;
        /** CPU milliseconds that Weft's agent adds over the control: Weft's own share. */
        public double weftOverIdleCpuMs;
        /** Milliseconds of the launch with the agent. */
        public double withAgentMs;
        /** The difference: what the agent added. */
        public double addedMs;
        /** CPU milliseconds (user and system, all the child's threads) of the launch without the agent. */
        public double withoutAgentCpuMs;
        /** CPU milliseconds of the launch with the agent. */
        public double withAgentCpuMs;
        /** The difference in CPU time: what the agent added, whatever else runs on the machine. */
        public double addedCpuMs;
        private int round;

        @Setup(Level.Iteration)
        public void clear() {
            withoutAgentMs = 0;
            withAgentMs = 0;
            addedMs = 0;
            withoutAgentCpuMs = 0;
            withAgentCpuMs = 0;
            addedCpuMs = 0;
            idleAgentMs = 0;
            idleAgentCpuMs = 0;
            weftOverIdleCpuMs = 0;
        }
    }

    /** One launch, without or with the agent. */
    @Benchmark
    public int launch(App app, Agent agent) throws IOException, InterruptedException {
        switch (agent.agent) {
            case "none":
                return app.launch(app.withoutAgent);
            case "weft":
                return app.launch(app.withAgent);
            case "idle": // the control, only when asked for: -p agent=idle
                return app.launch(app.withIdleAgent);
            default:
                throw new IllegalArgumentException("agent: none, weft or idle, not " + agent.agent);
        }
    }

    /**
     * A launch without the agent, one with it and one with the control, in turns (which goes first
     * rotates); the time per operation is all three.
     */
    @Benchmark
    public void pairedLaunch(App app, Pair pair) throws IOException, InterruptedException {
        List<List<String>> commands = List.of(app.withAgent, app.withoutAgent, app.withIdleAgent);
        long[] wall = new long[3];
        long[] cpu = new long[3];
        int first = pair.round++ % 3;
        for (int k = 0; k < 3; k++) {
            int which = (first + k) % 3;
            long cpu0 = ChildCpu.millis();
            wall[which] = app.timed(commands.get(which));
            cpu[which] = ChildCpu.millis() - cpu0;
        }
        pair.withAgentMs = wall[0] / 1e6;
        pair.withoutAgentMs = wall[1] / 1e6;
        pair.idleAgentMs = wall[2] / 1e6;
        pair.addedMs = (wall[0] - wall[1]) / 1e6;
        pair.withAgentCpuMs = cpu[0];
        pair.withoutAgentCpuMs = cpu[1];
        pair.idleAgentCpuMs = cpu[2];
        pair.addedCpuMs = cpu[0] - cpu[1];
        pair.weftOverIdleCpuMs = cpu[0] - cpu[2];
    }

    /**
     * The CPU time of this JVM's finished children, from {@code /proc/self/stat} (Linux): a child's
     * user and system time is added to its parent's {@code cutime} and {@code cstime} when it is
     * reaped, which {@link Process#waitFor()} waits for. In clock ticks of 10 ms, so one launch
     * reads to 10 ms and a mean over many launches finer; 0 where there is no {@code /proc}.
     */
    static final class ChildCpu {
        private static final Path STAT = Path.of("/proc/self/stat");
        private static final long MS_PER_TICK = 10; // USER_HZ, 100 on Linux

        private ChildCpu() {
        }

        static long millis() throws IOException {
            if (!Files.isReadable(STAT)) {
                return 0;
            }
            String stat = Files.readString(STAT);
            // the fields after the command name, which is in parentheses and may hold spaces: state is field 3
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long cutime = Long.parseLong(f[16 - 3]);
            long cstime = Long.parseLong(f[17 - 3]);
            return (cutime + cstime) * MS_PER_TICK;
        }
    }

    /** The transformer's shaded jar, checked to be an agent. */
    static Path agentJar() throws IOException {
        Path jar = BenchJars.agent();
        try (JarFile j = new JarFile(jar.toFile())) {
            if (j.getManifest() == null || j.getManifest().getMainAttributes().getValue("Premain-Class") == null) {
                throw new IllegalStateException(jar + " has no Premain-Class: not the agent");
            }
        }
        return jar;
    }

    /** A jar in {@code dir} whose agent is {@link IdleAgent}, the control: its class and a manifest. */
    static Path idleAgentJar(Path dir) throws IOException {
        Path jar = dir.resolve("idle-agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), IdleAgent.class.getName());
        String entry = IdleAgent.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest);
                InputStream in = IdleAgent.class.getClassLoader().getResourceAsStream(entry)) {
            j.putNextEntry(new JarEntry(entry));
            in.transferTo(j);
            j.closeEntry();
        }
        return jar;
    }

    /** A Groovy script with closures, a class, collections and string templates. */
    static final String SCRIPT = String.join("\n",
            "class Point { int x; int y; int dist() { Math.abs(x) + Math.abs(y) }; String toString() { \"($x, $y)\" } }",
            "def points = (0..<100).collect { new Point(x: it * 2, y: -it) }",
            "def byDist = points.groupBy { it.dist() }.collectEntries { k, v -> [k, v.size()] }",
            "def words = 'the quick brown fox jumps over the lazy dog'.split(' ').toList()",
            "def counts = words.countBy { it }.sort { a, b -> b.value <=> a.value ?: a.key <=> b.key }",
            "println \"${byDist.size()} ${counts.take(3)} ${points.max { it.dist() }}\"",
            "");

    /** A small class with generics, lambdas, a record and a switch: enough to wake most of the compiler. */
    static String source(int i) {
        return "package demo;\n"
                + "import java.util.*;\n"
                + "import java.util.function.*;\n"
                + "import java.util.stream.*;\n"
                + "public class Unit" + i + " {\n"
                + "    record Point(int x, int y) { int dist() { return Math.abs(x) + Math.abs(y); } }\n"
                + "    sealed interface Shape permits Circle, Square {}\n"
                + "    record Circle(double r) implements Shape {}\n"
                + "    record Square(double side) implements Shape {}\n"
                + "    static double area(Shape s) {\n"
                + "        if (s instanceof Circle c) return Math.PI * c.r() * c.r();\n"
                + "        if (s instanceof Square q) return q.side() * q.side();\n"
                + "        throw new IllegalArgumentException();\n"
                + "    }\n"
                + "    static <T extends Comparable<T>> List<T> top(Collection<T> items, int n) {\n"
                + "        return items.stream().sorted(Comparator.reverseOrder()).limit(n).collect(Collectors.toList());\n"
                + "    }\n"
                + "    static Map<Integer, List<Point>> byDistance(List<Point> points) {\n"
                + "        return points.stream().collect(Collectors.groupingBy(Point::dist, TreeMap::new, Collectors.toList()));\n"
                + "    }\n"
                + "    static String describe(Object o) {\n"
                + "        return switch (o.hashCode() % 3) {\n"
                + "            case 0 -> \"zero \" + o;\n"
                + "            case 1 -> { String s = String.valueOf(o); yield s.toUpperCase(); }\n"
                + "            default -> Optional.ofNullable(o).map(Object::toString).orElse(\"none\");\n"
                + "        };\n"
                + "    }\n"
                + "    public static void main(String[] args) {\n"
                + "        Function<Integer, Integer> twice = x -> x * 2;\n"
                + "        BiFunction<Integer, Integer, Point> make = Point::new;\n"
                + "        List<Point> points = IntStream.range(0, 100).mapToObj(k -> make.apply(twice.apply(k), -k)).toList();\n"
                + "        System.out.println(byDistance(points).size() + \" \" + top(List.of(3, 1, 2), 2)"
                + " + describe(area(new Circle(" + i + "))));\n"
                + "    }\n"
                + "}\n";
    }
}
