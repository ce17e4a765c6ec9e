package dev.weft.transform.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jdt.internal.compiler.batch.Main;

/**
 * The Eclipse compiler (ECJ, {@code org.eclipse.jdt:ecj}) through its batch {@link Main}: the
 * sources are written to a scratch directory, compiled with {@code --release N -g -proc:none}
 * against the test class path, and the class files read back by binary name.
 */
public final class Ecj {
    private Ecj() {
    }

    /** The releases ECJ can target on this JDK (it reads the JDK's own {@code ct.sym}, so no newer than the JDK). */
    public static List<Integer> supportedReleases(int... candidates) {
        return InMemoryJavac.supportedReleases(candidates);
    }

    /** The ECJ version, for test names. */
    public static String version() {
        Package p = Main.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "ECJ" : "ECJ " + v;
    }

    public static Map<String, byte[]> compile(int release, List<JavaSource> sources) {
        return compile(release, sources, "-g");
    }

    /** Compiles with {@code debug} as the debug option ({@code -g}, {@code -g:none}, ...). */
    public static Map<String, byte[]> compile(int release, List<JavaSource> sources, String debug) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("weft-ecj");
            Path src = Files.createDirectories(dir.resolve("src"));
            Path out = Files.createDirectories(dir.resolve("out"));
            List<String> args = new ArrayList<>(List.of("--release", Integer.toString(release), debug, "-proc:none",
                    "-nowarn", "-encoding", "UTF-8", "-classpath", InMemoryJavac.testClassPath(), "-d", out.toString()));
            for (JavaSource s : sources) {
                Path file = src.resolve(s.path());
                Files.createDirectories(file.getParent());
                Files.write(file, s.code().getBytes(StandardCharsets.UTF_8));
                args.add(file.toString());
            }
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            boolean ok = new Main(new PrintWriter(stdout), new PrintWriter(stderr), false, null, null)
                    .compile(args.toArray(new String[0]));
            if (!ok) {
                throw new AssertionError("ECJ --release " + release + " failed:\n" + stdout + stderr);
            }
            Map<String, byte[]> classes = new TreeMap<>();
            try (Stream<Path> files = Files.walk(out)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList())) {
                    String rel = out.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                    classes.put(rel.substring(0, rel.length() - ".class".length()).replace('/', '.'), Files.readAllBytes(f));
                }
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a scratch directory left behind in the temp dir
        }
    }
}
