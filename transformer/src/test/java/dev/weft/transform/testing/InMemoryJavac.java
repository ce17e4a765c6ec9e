package dev.weft.transform.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java source strings in this JVM with {@code javax.tools}, into class files held in
 * memory. The class path is the test class path (so {@code weft-runtime} and the test classes
 * are visible); every unit is compiled with {@code -g} so line numbers and local variable tables
 * are present for the rewrite to preserve.
 */
public final class InMemoryJavac {
    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
    private static volatile String classPath;

    private InMemoryJavac() {
    }

    /** The releases this JDK's javac can target among {@code candidates} (e.g. 8, 11, 17, 21, 25). */
    public static List<Integer> supportedReleases(int... candidates) {
        int latest = SourceVersion.latestSupported().ordinal();
        List<Integer> out = new ArrayList<>();
        for (int r : candidates) {
            if (r <= latest) {
                out.add(r);
            }
        }
        return out;
    }

    /** The newest release this JDK's javac targets. */
    public static int latestRelease() {
        return SourceVersion.latestSupported().ordinal();
    }

    /**
     * Compiles {@code sources} with {@code --release release -g} and any {@code extraOptions}.
     *
     * @return every class produced, by binary name (dots, {@code $} for nested), in name order
     * @throws AssertionError with javac's diagnostics if compilation fails
     */
    public static Map<String, byte[]> compile(int release, List<JavaSource> sources, String... extraOptions) {
        if (JAVAC == null) {
            throw new IllegalStateException("no system Java compiler: the tests need a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = JAVAC.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
        Map<String, ByteArrayOutputStream> outputs = new LinkedHashMap<>();
        ForwardingJavaFileManager<StandardJavaFileManager> files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(uri("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        outputs.put(className, out);
                        return out;
                    }
                };
            }
        };
        List<JavaFileObject> units = new ArrayList<>();
        for (JavaSource source : sources) {
            units.add(new SimpleJavaFileObject(uri("string:///" + source.path()), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source.code();
                }
            });
        }
        List<String> options = new ArrayList<>(List.of(
                "--release", Integer.toString(release), "-g", "-proc:none", "-Xlint:-options",
                "-classpath", testClassPath()));
        options.addAll(List.of(extraOptions));
        StringWriter out = new StringWriter();
        boolean ok = JAVAC.getTask(out, files, diagnostics, options, null, units).call();
        try {
            files.close();
        } catch (IOException e) {
            // nothing to release in memory
        }
        if (!ok) {
            StringBuilder message = new StringBuilder("javac --release " + release + " failed:\n").append(out);
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    message.append(d.getSource() == null ? "" : d.getSource().getName())
                            .append(':').append(d.getLineNumber()).append(": ")
                            .append(d.getMessage(null)).append('\n');
                    if (d.getSource() != null) {
                        message.append("    ").append(line(d)).append('\n');
                    }
                }
            }
            throw new AssertionError(message.toString());
        }
        Map<String, byte[]> classes = new TreeMap<>();
        outputs.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }

    private static String line(Diagnostic<? extends JavaFileObject> d) {
        try {
            String[] lines = d.getSource().getCharContent(true).toString().split("\n", -1);
            long n = d.getLineNumber();
            return n >= 1 && n <= lines.length ? lines[(int) n - 1].trim() : "";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The class path of the running tests, with manifest-only jars (as surefire may use) expanded,
     * and the code sources of {@code weft-runtime} added in case neither lists them.
     */
    public static String testClassPath() {
        String cp = classPath;
        if (cp == null) {
            Set<String> entries = new LinkedHashSet<>();
            for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    entries.add(entry);
                    entries.addAll(manifestClassPath(Paths.get(entry)));
                }
            }
            entries.add(codeSource(dev.weft.Generator.class));
            entries.add(codeSource(InMemoryJavac.class));
            cp = String.join(File.pathSeparator, entries);
            classPath = cp;
        }
        return cp;
    }

    private static List<String> manifestClassPath(Path jar) {
        List<String> out = new ArrayList<>();
        if (!jar.toString().endsWith(".jar") || !jar.toFile().isFile()) {
            return out;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String attr = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (attr != null) {
                for (String url : attr.trim().split("\\s+")) {
                    try {
                        out.add(Paths.get(jar.toUri().resolve(url)).toString());
                    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                        // not a file entry
                    }
                }
            }
        } catch (IOException e) {
            // not a readable jar: keep the entry as it is
        }
        return out;
    }

    private static String codeSource(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(String s) {
        return URI.create(s);
    }
}
