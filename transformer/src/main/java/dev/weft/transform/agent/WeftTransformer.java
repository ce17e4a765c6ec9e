package dev.weft.transform.agent;

import dev.weft.transform.analyse.ClassHierarchy;
import dev.weft.transform.api.Rewriter;
import dev.weft.transform.find.WeftMentions;
import dev.weft.transform.report.Problem;
import dev.weft.transform.report.RewriteException;
import dev.weft.transform.report.RewriteResult;
import dev.weft.transform.report.RewrittenMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.ref.WeakReference;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.WeakHashMap;
import org.objectweb.asm.ClassReader;

/**
 * The agent's {@link ClassFileTransformer}: rewrites the {@code @Async} methods of each class as
 * it loads, with the same {@link Rewriter} as the Maven plugin and the command line.
 *
 * <p>It never touches the JDK ({@code java/}, {@code javax/}, {@code jdk/}, {@code sun/},
 * {@code com/sun/}) nor Weft itself (the runtime's top-level {@code dev/weft/*} classes,
 * {@code dev/weft/internal/}, {@code dev/weft/transform/}, {@code dev/weft/shaded/}); other
 * packages under {@code dev/weft/}, such as examples and tests, are user code. A class whose
 * bytes do not contain {@code dev/weft/} (so its constant pool names nothing of Weft) is passed
 * over without being parsed.
 *
 * <p>A class the rewrite refuses is left as it was, and each problem is printed on the error
 * stream as {@code weft: File.java:LINE: error: in Class.method(..): message}; so is any other
 * failure. Nothing is ever thrown out of {@link #transform}.
 */
public final class WeftTransformer implements ClassFileTransformer {
    private static final String[] JDK = {"java/", "javax/", "jdk/", "sun/", "com/sun/"};
    private static final String[] WEFT_ITSELF = {"dev/weft/internal/", "dev/weft/transform/", "dev/weft/shaded/"};

    private final boolean verbose;
    private final PrintStream err;
    private final Map<ClassLoader, Rewriter> rewriters = new WeakHashMap<>();
    private Rewriter bootRewriter;

    /**
     * A transformer that reports on {@code err}.
     *
     * @param verbose also print each rewritten method
     */
    public WeftTransformer(boolean verbose, PrintStream err) {
        this.verbose = verbose;
        this.err = err;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className != null && !eligible(className) && !verbose) {
            return null; // the JDK's and Weft's own classes: not even their bytes are read
        }
        if (!WeftMentions.in(classfileBuffer)) {
            return null;
        }
        if (className == null) {
            className = nameIn(classfileBuffer); // defineClass(null, bytes, ...): the name is in the bytes
            if (className == null) {
                skipped("a class defined without a name", "its bytes name no class");
                return null;
            }
        }
        if (!eligible(className)) {
            skipped(className.replace('/', '.'), "a class of the JDK or of Weft itself");
            return null;
        }
        try {
            RewriteResult result = rewriterFor(loader).rewrite(classfileBuffer);
            if (verbose) { // warnings are the build's business: the agent mentions them only when asked to talk
                for (Problem p : result.warnings()) {
                    err.println("weft: " + p);
                }
            }
            if (!result.changed()) {
                return null;
            }
            if (verbose) {
                for (RewrittenMethod m : result.methods()) {
                    err.println("weft: rewrote " + result.className() + "." + m);
                }
            }
            return result.bytes();
        } catch (RewriteException e) {
            for (Problem p : e.problems()) {
                if (!p.isWarning() || verbose) {
                    err.println("weft: " + p);
                }
            }
            err.println("weft: " + className.replace('/', '.') + " left as it was: its Weft markers will throw NotRewrittenError");
            return null;
        } catch (Throwable t) {
            err.println("weft: could not rewrite " + className.replace('/', '.') + ", left as it was: " + t);
            t.printStackTrace(err);
            return null;
        }
    }

    /** The internal name that a class file gives itself, or {@code null} if it cannot be read. */
    static String nameIn(byte[] classFile) {
        try {
            return new ClassReader(classFile).getClassName();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void skipped(String what, String why) {
        if (verbose) {
            err.println("weft: skipped " + what + ": " + why);
        }
    }

    /** Whether a class of this internal name may be rewritten: not the JDK, not Weft itself. */
    static boolean eligible(String className) {
        if (className == null) {
            return false;
        }
        for (String prefix : JDK) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        if (!className.startsWith("dev/weft/")) {
            return true;
        }
        for (String prefix : WEFT_ITSELF) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        return className.indexOf('/', "dev/weft/".length()) >= 0; // the runtime's own top-level classes are not
    }

    private synchronized Rewriter rewriterFor(ClassLoader loader) {
        if (loader == null) {
            if (bootRewriter == null) {
                bootRewriter = new Rewriter(ClassHierarchy.of((ClassLoader) null));
            }
            return bootRewriter;
        }
        return rewriters.computeIfAbsent(loader, l -> new Rewriter(hierarchyOf(new WeakReference<>(l))));
    }

    /**
     * The hierarchy of a loader's classes, read as its resources. It holds the loader weakly:
     * the map's value must not keep its own key alive, or no loader would ever be collected.
     */
    private static ClassHierarchy hierarchyOf(WeakReference<ClassLoader> ref) {
        return new ClassHierarchy(name -> {
            ClassLoader l = ref.get();
            String resource = name + ".class";
            try (InputStream in = l != null ? l.getResourceAsStream(resource) : null) {
                if (in != null) {
                    return in.readAllBytes();
                }
            } catch (IOException e) {
                return null;
            }
            try (InputStream in = ClassLoader.getSystemResourceAsStream(resource)) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                return null;
            }
        });
    }
}
