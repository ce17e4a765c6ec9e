package dev.weft.transform.testing;

import dev.weft.transform.report.RewriteResult;
import java.util.Collections;
import java.util.Map;

/** Classes compiled, rewritten and loaded by {@link Harness}: their bytes and a loader that defines them. */
public final class Woven {
    private final Map<String, byte[]> compiled;
    private final Map<String, byte[]> classes;
    private final Map<String, RewriteResult> results;
    private final MemoryClassLoader loader;

    Woven(Map<String, byte[]> compiled, Map<String, byte[]> classes, Map<String, RewriteResult> results,
            MemoryClassLoader loader) {
        this.compiled = Collections.unmodifiableMap(compiled);
        this.classes = Collections.unmodifiableMap(classes);
        this.results = Collections.unmodifiableMap(results);
        this.loader = loader;
    }

    /** What javac produced, by binary name. */
    public Map<String, byte[]> compiled() {
        return compiled;
    }

    /** What was loaded: the rewritten bytes where the rewrite changed a class, javac's otherwise. */
    public Map<String, byte[]> classes() {
        return classes;
    }

    /** The rewrite's answer for each class. */
    public Map<String, RewriteResult> results() {
        return results;
    }

    public MemoryClassLoader loader() {
        return loader;
    }

    /** The loaded class {@code name} (binary name, e.g. {@code "t.Outer$Inner"}). */
    public Class<?> type(String name) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no class " + name + " among " + classes.keySet(), e);
        }
    }

    /** Calls the static method {@code method} of {@code className}; see {@link Invoke#callStatic}. */
    public Object call(String className, String method, Object... args) {
        return Invoke.callStatic(type(className), method, args);
    }

    /**
     * Loads and links (so verifies) every class without initializing it: a program's static
     * initializers must run when the program first uses the class, as they would in production
     * (the shape corpus checks when they run).
     */
    void linkAll() {
        for (String name : classes.keySet()) {
            try {
                Class.forName(name, false, loader).getDeclaredMethods(); // reflection links the class first
            } catch (VerifyError | ClassFormatError e) {
                byte[] bytes = classes.get(name);
                throw new AssertionError("the JVM rejects " + name + ": " + e + "\n--- the class ---\n"
                        + Weaver.listing(bytes), e);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new AssertionError("cannot load " + name + ": " + e, e);
            }
        }
    }
}
