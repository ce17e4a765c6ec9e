package dev.weft.benchmarks;

import dev.weft.benchmarks.rewrite.BenchJars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
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
 * What the agent adds to the start of a real application: one operation launches a child JVM
 * (the same {@code java} as this one) that runs a real application to completion,
 * {@code agent=none} without the agent and {@code agent=weft} with
 * {@code -javaagent:weft-transformer.jar}. The applications come from Maven Central and have no
 * {@code @Async}, so the difference is the agent's own start (opening its jar, {@code premain},
 * loading the transformer) plus its pass over every class the application loads:
 *
 * <ul>
 *   <li>{@code app=ecj}: the Eclipse compiler compiles eight small source files (it loads about
 *       500 classes of its own);</li>
 *   <li>{@code app=groovy}: Groovy runs a small script (about 1,300 classes of Groovy's, plus the
 *       classes Groovy compiles from the script and defines as it runs).</li>
 * </ul>
 *
 * <p>The set-up prints the child's command and how many classes it loads, and from the
 * application's jar.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 20)
@State(Scope.Benchmark)
public class StartupBenchmark {
    /** How many source files the compiler compiles. */
    static final int SOURCES = 8;

    @Param({"ecj", "groovy"})
    public String app;

    @Param({"none", "weft"})
    public String agent;

    private Path dir;
    private Path log;
    private List<String> command;

    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("weft-startup-bench");
        log = dir.resolve("child.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> jvm = new ArrayList<>(List.of(java.toString()));
        if (agent.equals("weft")) {
            Path jar = BenchJars.agent();
            try (JarFile j = new JarFile(jar.toFile())) {
                if (j.getManifest() == null || j.getManifest().getMainAttributes().getValue("Premain-Class") == null) {
                    throw new IllegalStateException(jar + " has no Premain-Class: not the agent");
                }
            }
            jvm.add("-javaagent:" + jar);
        } else if (!agent.equals("none")) {
            throw new IllegalArgumentException("agent: none or weft, not " + agent);
        }
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
        command = new ArrayList<>(jvm);
        command.addAll(appArgs);

        // once, to say what the child does: how many classes it loads, and from where
        Path classLog = dir.resolve("classes.log");
        List<String> counting = new ArrayList<>(jvm);
        counting.add("-Xlog:class+load=info:file=" + classLog);
        counting.addAll(appArgs);
        launch(counting);
        long all;
        long fromApp;
        try (Stream<String> lines = Files.lines(classLog)) {
            List<String> loads = lines.filter(l -> l.contains("source:")).toList();
            all = loads.size();
            fromApp = loads.stream().filter(l -> l.contains(appJar)).count();
        }
        System.out.printf("%nStartupBenchmark: app=%s agent=%s: the child loads %d classes, %d of them from %s%n%s%n",
                app, agent, all, fromApp, appJar, String.join(" ", command));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** Starts the application and waits for it to finish. */
    @Benchmark
    public int launch() throws IOException, InterruptedException {
        return launch(command);
    }

    private int launch(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("the child exited with " + exit + ": " + Files.readString(log));
        }
        return exit;
    }

    /** A Groovy script with closures, a class, collections and string templates. */
    private static final String SCRIPT = String.join("\n",
            "class Point { int x; int y; int dist() { Math.abs(x) + Math.abs(y) }; String toString() { \"($x, $y)\" } }",
            "def points = (0..<100).collect { new Point(x: it * 2, y: -it) }",
            "def byDist = points.groupBy { it.dist() }.collectEntries { k, v -> [k, v.size()] }",
            "def words = 'the quick brown fox jumps over the lazy dog'.split(' ').toList()",
            "def counts = words.countBy { it }.sort { a, b -> b.value <=> a.value ?: a.key <=> b.key }",
            "println \"${byDist.size()} ${counts.take(3)} ${points.max { it.dist() }}\"",
            "");

    /** A small class with generics, lambdas, a record and a switch: enough to wake most of the compiler. */
    private static String source(int i) {
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
