package dev.weft.transform.verify;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The generator programs of {@code verify/corpus/*.java.txt}, with the runs and answers their headers give. */
final class Corpus {
    private static final Pattern SINCE = Pattern.compile("^//\\s*since:\\s*(\\d+)\\s*$", Pattern.MULTILINE);
    private static final Pattern RUN = Pattern.compile("^//>\\s*(\\w+):\\s?(.*)$", Pattern.MULTILINE);

    /** One program: its class (package {@code corpus}), the oldest release it compiles for, its runs. */
    static final class Case {
        final String name;
        final int since;
        final String code;
        final Map<String, String> runs;

        Case(String name, int since, String code, Map<String, String> runs) {
            this.name = name;
            this.since = since;
            this.code = code;
            this.runs = Collections.unmodifiableMap(runs);
        }

        String className() {
            return "corpus." + name;
        }

        JavaSource source() {
            return JavaSource.of(className(), code);
        }

        /** Whether {@code binaryName} is this case's class or one nested in it. */
        boolean owns(String binaryName) {
            return binaryName.equals(className()) || binaryName.startsWith(className() + "$");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private Corpus() {
    }

    static Path directory() {
        Path base = Paths.get(System.getProperty("basedir", "."));
        Path dir = base.resolve("src/test/java/dev/weft/transform/verify/corpus");
        if (!Files.isDirectory(dir)) {
            dir = base.resolve("transformer/src/test/java/dev/weft/transform/verify/corpus");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("corpus not found under " + base.toAbsolutePath());
        }
        return dir;
    }

    /** Every case, in name order. */
    static List<Case> all() {
        try (Stream<Path> files = Files.list(directory())) {
            List<Case> cases = new ArrayList<>();
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".java.txt")).sorted().collect(Collectors.toList())) {
                cases.add(parse(p));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cases that compile for {@code release}. */
    static List<Case> forRelease(int release) {
        return all().stream().filter(c -> c.since <= release).collect(Collectors.toList());
    }

    private static Case parse(Path file) throws IOException {
        String name = file.getFileName().toString().replace(".java.txt", "");
        String code = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        Matcher since = SINCE.matcher(code);
        int release = since.find() ? Integer.parseInt(since.group(1)) : 8;
        Map<String, String> runs = new LinkedHashMap<>();
        Matcher run = RUN.matcher(code);
        while (run.find()) {
            runs.put(run.group(1), run.group(2));
        }
        if (runs.isEmpty()) {
            throw new IllegalStateException(file + " has no '//> method: expected' line");
        }
        return new Case(name, release, code, runs);
    }
}
