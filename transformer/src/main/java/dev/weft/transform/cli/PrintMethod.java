package dev.weft.transform.cli;

import dev.weft.transform.analyse.ClassHierarchy;
import dev.weft.transform.api.Rewriter;
import dev.weft.transform.report.RewriteException;
import dev.weft.transform.report.RewriteResult;
import dev.weft.transform.report.RewrittenMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/**
 * {@code --print com.x.Foo#bar}: the rewritten bytecode of one {@code @Async} method, for bug
 * reports. Finds the class in the inputs, rewrites it in memory (nothing is written), and prints
 * ASM's Textifier listing of the factory (the method the user wrote, now making the frame) and of
 * the body (the static state machine that keeps the user's name, {@code bar} or {@code bar$1}
 * for an overload), every overload of {@code bar} included.
 */
final class PrintMethod {
    private PrintMethod() {
    }

    /**
     * Prints the methods of {@code target} ({@code binary.Name#method}) found in {@code inputs}.
     *
     * @return the exit status: 0 printed, 1 not found or refused (said on {@code err})
     */
    static int run(String target, List<Path> inputs, List<Path> classpath, PrintStream out, PrintStream err) throws IOException {
        int hash = target.indexOf('#');
        if (hash <= 0 || hash == target.length() - 1) {
            throw new IllegalArgumentException("--print takes CLASS#METHOD, such as com.example.Foo#bar, not " + target);
        }
        String className = target.substring(0, hash);
        String method = target.substring(hash + 1);
        String entry = className.replace('.', '/') + ".class";
        byte[] classFile = null;
        for (Path in : inputs) {
            classFile = read(in, entry);
            if (classFile != null) {
                break;
            }
        }
        if (classFile == null) {
            err.println("weft: no class " + className + " (" + entry + ") in " + inputs);
            return 1;
        }
        List<Path> hierarchy = new ArrayList<>(inputs);
        hierarchy.addAll(classpath);
        RewriteResult result;
        try {
            result = new Rewriter(ClassHierarchy.of(hierarchy)).rewrite(classFile);
        } catch (RewriteException e) {
            err.println(e.getMessage());
            return 1;
        }
        if (!result.changed()) {
            err.println("weft: " + className + " has no @Async method to rewrite (or was rewritten already)");
            return 1;
        }
        List<RewrittenMethod> rewritten = new ArrayList<>();
        for (RewrittenMethod m : result.methods()) {
            if (m.name().equals(method)) {
                rewritten.add(m);
            }
        }
        if (rewritten.isEmpty()) {
            List<String> names = new ArrayList<>();
            result.methods().forEach(m -> names.add(m.name()));
            err.println("weft: " + className + " has no @Async method " + method + "; its @Async methods: " + names);
            return 1;
        }
        ClassNode cls = new ClassNode();
        new ClassReader(result.bytes()).accept(cls, 0);
        Pattern body = Pattern.compile(Pattern.quote(method) + "(\\$\\d+)?");
        for (RewrittenMethod m : rewritten) {
            out.println("// " + className + "." + m);
        }
        for (MethodNode m : cls.methods) {
            boolean factory = m.name.equals(method) && rewritten.stream().anyMatch(r -> r.descriptor().equals(m.desc));
            boolean isBody = body.matcher(m.name).matches() && m.desc.startsWith("(Ldev/weft/internal/")
                    && (m.access & org.objectweb.asm.Opcodes.ACC_SYNTHETIC) != 0;
            if (factory || isBody) {
                out.println();
                out.println("// " + (factory ? "factory" : "body") + ": " + m.name + m.desc);
                print(m, out);
            }
        }
        out.flush();
        return 0;
    }

    private static void print(MethodNode m, PrintStream out) {
        Textifier text = new Textifier();
        m.accept(new TraceMethodVisitor(text));
        PrintWriter w = new PrintWriter(out);
        text.print(w);
        w.flush();
    }

    private static byte[] read(Path in, String entry) throws IOException {
        if (Files.isDirectory(in)) {
            Path file = in.resolve(entry);
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        }
        if (!Files.isRegularFile(in)) {
            throw new NoSuchFileException(in.toString(), null, "no such directory or jar");
        }
        try (ZipFile zip = new ZipFile(in.toFile())) {
            ZipEntry e = zip.getEntry(entry);
            if (e == null) {
                return null;
            }
            try (InputStream s = zip.getInputStream(e)) {
                return s.readAllBytes();
            }
        }
    }
}
