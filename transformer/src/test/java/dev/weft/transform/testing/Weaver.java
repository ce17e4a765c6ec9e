package dev.weft.transform.testing;

import dev.weft.transform.analyse.ClassHierarchy;
import dev.weft.transform.api.Rewriter;
import dev.weft.transform.report.RewriteException;
import dev.weft.transform.report.RewriteResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.TreeMap;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.util.CheckClassAdapter;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceClassVisitor;

/**
 * Runs the Weft rewrite over classes held in memory and checks what it produces with ASM's
 * {@link CheckClassAdapter} (structure, with debug info, then data flow with
 * {@code SimpleVerifier}).
 */
public final class Weaver {
    private Weaver() {
    }

    /** A rewriter whose hierarchy reads {@code classes} (binary names) first, then the test class path and the JDK. */
    public static Rewriter rewriter(Map<String, byte[]> classes) {
        return new Rewriter(hierarchy(classes));
    }

    /** A class hierarchy over {@code classes} (binary names with dots), then the test class path and the JDK. */
    public static ClassHierarchy hierarchy(Map<String, byte[]> classes) {
        Map<String, byte[]> byInternal = new TreeMap<>();
        classes.forEach((name, bytes) -> byInternal.put(name.replace('.', '/'), bytes));
        ClassLoader fallback = Weaver.class.getClassLoader();
        return new ClassHierarchy(internal -> {
            byte[] bytes = byInternal.get(internal);
            return bytes != null ? bytes : resource(fallback, internal + ".class");
        });
    }

    /**
     * Rewrites every class of {@code classes}, returning the resulting set (rewritten bytes where
     * changed, the input where not). Fails if a class with an {@code @Async} method comes back
     * unchanged and {@code requireRewrite} is set.
     */
    public static Map<String, RewriteResult> rewriteAll(Map<String, byte[]> classes) {
        Rewriter rewriter = rewriter(classes);
        Map<String, RewriteResult> out = new TreeMap<>();
        classes.forEach((name, bytes) -> out.put(name, rewrite(rewriter, name, bytes)));
        return out;
    }

    /** Rewrites one class, turning a {@link RewriteException} into an {@link AssertionError} that names it. */
    public static RewriteResult rewrite(Rewriter rewriter, String name, byte[] bytes) {
        try {
            return rewriter.rewrite(bytes);
        } catch (RewriteException e) {
            throw new AssertionError("the rewrite refused " + name + ":\n" + e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            throw new AssertionError("the rewrite crashed on " + name + ": " + e, e);
        }
    }

    /** Whether the class declares a method annotated {@code @dev.weft.Async}. */
    public static boolean hasAsyncMethod(byte[] classFile) {
        boolean[] found = {false};
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
                        if (desc.equals("Ldev/weft/Async;")) {
                            found[0] = true;
                        }
                        return null;
                    }
                };
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found[0];
    }

    /**
     * Checks {@code classFile} with {@link CheckClassAdapter}: its structure (debug info included)
     * and, with {@code SimpleVerifier} resolving types through {@code loader}, the data flow of
     * every method. Throws an {@link AssertionError} with ASM's report and a listing of the class.
     */
    public static void check(String name, byte[] classFile, ClassLoader loader) {
        String problem = null;
        try {
            new ClassReader(classFile).accept(new CheckClassAdapter(new ClassNode(), false), 0);
        } catch (RuntimeException e) {
            problem = "CheckClassAdapter (structure): " + e;
        }
        if (problem == null) {
            StringWriter report = new StringWriter();
            try {
                CheckClassAdapter.verify(new ClassReader(classFile), loader, false, new PrintWriter(report));
            } catch (RuntimeException | LinkageError e) {
                report.append("CheckClassAdapter.verify crashed: ").append(e.toString());
            }
            if (report.getBuffer().length() > 0) {
                problem = "CheckClassAdapter.verify:\n" + report;
            }
        }
        if (problem != null) {
            throw new AssertionError(name + " does not pass " + problem + "\n--- the class ---\n" + listing(classFile));
        }
    }

    /** The class as ASM's Textifier prints it, for failure messages. */
    public static String listing(byte[] classFile) {
        StringWriter out = new StringWriter();
        try {
            new ClassReader(classFile).accept(new TraceClassVisitor(null, new Textifier(), new PrintWriter(out)), 0);
        } catch (RuntimeException e) {
            out.append("(unreadable: ").append(e.toString()).append(')');
        }
        return out.toString();
    }

    static byte[] resource(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in != null) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            return null;
        }
        try (InputStream in = ClassLoader.getSystemResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
