package dev.weft.transform.shapes;

import dev.weft.transform.testing.JavaSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The shape programs: {@code shapes/corpus/*.java.txt} (package {@code shapes}; headers
 * {@code // since: N} and {@code //> method: expected}, as in the verify corpus), plus the ones
 * too big to write by hand, generated here: 255 live locals, 500 suspension points in one method,
 * parameters filling 254 slots.
 */
final class Shapes {
    private static final Pattern SINCE = Pattern.compile("^//\\s*since:\\s*(\\d+)\\s*$", Pattern.MULTILINE);
    private static final Pattern RUN = Pattern.compile("^//>\\s*(\\w+):\\s?(.*)$", Pattern.MULTILINE);

    /** One program: its class, the oldest release it compiles for, its runs (method to expected text). */
    static final class Case {
        final String pkg;
        final String name;
        final int since;
        final String code;
        final Map<String, String> runs;

        Case(String pkg, String name, int since, String code, Map<String, String> runs) {
            this.pkg = pkg;
            this.name = name;
            this.since = since;
            this.code = code;
            this.runs = Collections.unmodifiableMap(runs);
        }

        String className() {
            return pkg + "." + name;
        }

        JavaSource source() {
            return JavaSource.of(className(), code);
        }

        boolean owns(String binaryName) {
            return binaryName.equals(className()) || binaryName.startsWith(className() + "$");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private Shapes() {
    }

    /**
     * {@code dev/weft/transform/<folder>} of the test sources, from this module, the reactor root or
     * the transformer beside it (where the generator corpus of {@code verify/corpus} lives).
     */
    static Path directory(String folder) {
        Path base = Paths.get(System.getProperty("basedir", "."));
        for (String sub : new String[] {"src/test/java/dev/weft/transform/", "runtime/src/test/java/dev/weft/transform/",
                "transformer/src/test/java/dev/weft/transform/", "../transformer/src/test/java/dev/weft/transform/"}) {
            if (Files.isDirectory(base.resolve(sub + folder))) {
                return base.resolve(sub + folder);
            }
        }
        throw new IllegalStateException(folder + " not found under " + base.toAbsolutePath());
    }

    /** Every shape case, files in name order, then the generated ones. */
    static List<Case> all() {
        List<Case> cases = read("shapes", directory("shapes/corpus"));
        cases.add(parse("shapes", "WideLocals", wideLocals(255)));
        cases.add(parse("shapes", "ManyPoints", manyPoints(500)));
        cases.add(parse("shapes", "WideParameters", wideParameters(127)));
        return cases;
    }

    /** The generator corpus of {@code verify/corpus} (package {@code corpus}), for compilers other than javac. */
    static List<Case> verifyCorpus() {
        return read("corpus", directory("verify/corpus"));
    }

    private static List<Case> read(String pkg, Path dir) {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".java.txt")).sorted().collect(Collectors.toList())) {
                String name = p.getFileName().toString().replace(".java.txt", "");
                cases.add(parse(pkg, name, new String(Files.readAllBytes(p), StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    static List<Case> forRelease(List<Case> cases, int release) {
        return cases.stream().filter(c -> c.since <= release).collect(Collectors.toList());
    }

    static Case parse(String pkg, String name, String code) {
        Matcher since = SINCE.matcher(code);
        int release = since.find() ? Integer.parseInt(since.group(1)) : 8;
        Map<String, String> runs = new LinkedHashMap<>();
        Matcher run = RUN.matcher(code);
        while (run.find()) {
            runs.put(run.group(1), run.group(2));
        }
        if (runs.isEmpty()) {
            throw new IllegalStateException(name + " has no '//> method: expected' line");
        }
        return new Case(pkg, name, release, code, runs);
    }

    private static final String IMPORTS = String.join("\n",
            "package shapes;",
            "import static dev.weft.transform.verify.Drive.*;",
            "import static dev.weft.transform.shapes.Ops.*;",
            "import static dev.weft.Weft.*;",
            "import dev.weft.*;",
            "import java.util.*;",
            "");

    /**
     * {@code n} locals of four types (int, long, double, String: more than 255 slots), all live
     * across a yield and an await, each changed after the resume and summed at the end.
     */
    static String wideLocals(int n) {
        StringBuilder decl = new StringBuilder();
        StringBuilder bump = new StringBuilder();
        StringBuilder sum = new StringBuilder("0L");
        long expected = 0;
        for (int i = 0; i < n; i++) {
            switch (i % 4) {
                case 0:
                    decl.append("int v").append(i).append(" = ").append(i).append(";\n");
                    break;
                case 1:
                    decl.append("long v").append(i).append(" = ").append(i).append("L;\n");
                    break;
                case 2:
                    decl.append("double v").append(i).append(" = ").append(i).append(".0;\n");
                    break;
                default:
                    decl.append("String v").append(i).append(" = \"").append(i).append("\";\n");
            }
            bump.append(i % 4 == 3 ? "v" + i + " = v" + i + " + \"\";\n" : "v" + i + "++;\n");
            sum.append(i % 4 == 3 ? " + Long.parseLong(v" + i + ")" : " + (long) v" + i);
            expected += i % 4 == 3 ? i : i + 1;
        }
        return "//> wideLocalsGen: [first, " + expected + "]\n"
                + "//> wideLocalsCo: " + expected + "\n"
                + IMPORTS
                + "public class WideLocals {\n"
                + "@Async static Generator<Object, Void, Void> gen() {\n" + decl
                + "Generator.yield(\"first\");\n" + bump
                + "Generator.yield(" + sum + ");\n"
                + "return Generator.done();\n}\n"
                + "@Async static Coroutine<Long> coro() {\n" + decl
                + "await(later(0));\n" + bump
                + "await(sleep(0));\n"
                + "return Coroutine.returning(" + sum + ");\n}\n"
                + "static Object wideLocalsGen() { return values(gen()); }\n"
                + "static Object wideLocalsCo() { return run(coro()); }\n"
                + "}\n";
    }

    /**
     * One generator with {@code n} yields written out, a live local of each primitive kind
     * changing between them; one coroutine with {@code n} awaits written out (a real suspension
     * each, every tenth on a future another thread completes).
     */
    static String manyPoints(int n) {
        StringBuilder gen = new StringBuilder("int i = 0; long l = 0; double d = 0; String s = \"\";\n");
        StringBuilder coro = new StringBuilder("int i = 0; long l = 0;\n");
        for (int k = 0; k < n; k++) {
            gen.append("Generator.yield(i); i++; l += 2; d += 0.5; s = \"s\" + i;\n");
            coro.append(k % 10 == 0 ? "i += await(later(1));" : "await(sleep(0)); i++;").append(" l += i;\n");
        }
        long sumL = (long) n * (n + 1) / 2;
        return "//> manyPointsGen: " + n + " " + (n * (n - 1) / 2) + " " + (2L * n) + " " + (n / 2.0) + " s" + n + "\n"
                + "//> manyPointsCo: " + n + " " + sumL + "\n"
                + IMPORTS
                + "public class ManyPoints {\n"
                + "static long total; static long lastL; static double lastD; static String lastS;\n"
                + "@Async static Generator<Integer, Void, Void> gen() {\n" + gen
                + "lastL = l; lastD = d; lastS = s;\n"
                + "return Generator.done();\n}\n"
                + "@Async static Coroutine<String> coro() {\n" + coro
                + "return Coroutine.returning(i + \" \" + l);\n}\n"
                + "static Object manyPointsGen() {\n"
                + "  int count = 0; long sum = 0;\n"
                + "  for (int v : gen()) { count++; sum += v; }\n"
                + "  return count + \" \" + sum + \" \" + lastL + \" \" + lastD + \" \" + lastS;\n}\n"
                + "static Object manyPointsCo() { return run(coro()); }\n"
                + "}\n";
    }

    /** {@code n} long parameters (2n slots), all used after a suspension. */
    static String wideParameters(int n) {
        StringJoiner params = new StringJoiner(", ");
        StringJoiner args = new StringJoiner(", ");
        StringBuilder sum = new StringBuilder("0L");
        long expected = 0;
        for (int i = 0; i < n; i++) {
            params.add("long p" + i);
            args.add(i + "L");
            sum.append(" + p").append(i);
            expected += i;
        }
        return "//> wideParametersGen: [first, " + expected + "]\n"
                + "//> wideParametersCo: " + expected + "\n"
                + IMPORTS
                + "public class WideParameters {\n"
                + "@Async static Generator<Object, Void, Void> gen(" + params + ") {\n"
                + "Generator.yield(\"first\");\nGenerator.yield(" + sum + ");\nreturn Generator.done();\n}\n"
                + "@Async static Coroutine<Long> coro(" + params + ") {\n"
                + "await(later(0));\nreturn Coroutine.returning(" + sum + ");\n}\n"
                + "static Object wideParametersGen() { return values(gen(" + args + ")); }\n"
                + "static Object wideParametersCo() { return run(coro(" + args + ")); }\n"
                + "}\n";
    }
}
