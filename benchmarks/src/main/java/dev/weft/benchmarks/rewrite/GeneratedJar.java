package dev.weft.benchmarks.rewrite;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

/**
 * A jar full of {@code @Async} methods, made by cloning the classes of
 * {@code dev.weft.benchmarks.rewrite.templates} (as javac compiled them; the build does not
 * rewrite them) under new names, one package per clone. Cloning bytes takes well under a second
 * for thousands of classes, where compiling them would take minutes.
 */
public final class GeneratedJar {
    private static final String TEMPLATES = "dev/weft/benchmarks/rewrite/templates/";

    /** The template classes, by simple name; each clone is one of them. */
    public static final List<String> TEMPLATE_NAMES = List.of("Pipeline", "Service", "Parser");

    /** How many {@code @Async} methods each template has, in the order of {@link #TEMPLATE_NAMES}. */
    public static final List<Integer> ASYNC_METHODS = List.of(5, 5, 3);

    private GeneratedJar() {
    }

    /**
     * Writes a jar of {@code count} classes, the templates taken in turn, as {@code
     * gen/c<i>/<Template>} for i = 0..count-1, compressed like an ordinary jar.
     */
    public static void write(Path jar, int count) throws IOException {
        byte[][] templates = new byte[TEMPLATE_NAMES.size()][];
        for (int t = 0; t < templates.length; t++) {
            templates[t] = template(TEMPLATE_NAMES.get(t));
        }
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(jar), 1 << 16);
                JarOutputStream out = new JarOutputStream(file)) {
            for (int i = 0; i < count; i++) {
                int t = i % templates.length;
                String name = "gen/c" + i + "/" + TEMPLATE_NAMES.get(t);
                out.putNextEntry(new JarEntry(name + ".class"));
                out.write(renamed(templates[t], TEMPLATES + TEMPLATE_NAMES.get(t), name));
                out.closeEntry();
            }
        }
    }

    /** How many {@code @Async} methods a jar of {@code count} classes holds. */
    public static int asyncMethods(int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += ASYNC_METHODS.get(i % ASYNC_METHODS.size());
        }
        return sum;
    }

    private static byte[] template(String simpleName) throws IOException {
        String resource = TEMPLATES + simpleName + ".class";
        try (InputStream in = GeneratedJar.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path");
            }
            return in.readAllBytes();
        }
    }

    private static byte[] renamed(byte[] template, String from, String to) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(template).accept(new ClassRemapper(writer, new SimpleRemapper(from, to)), 0);
        return writer.toByteArray();
    }
}
