package dev.weft.transform.testing;

import dev.weft.transform.report.RewriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compile, rewrite, check, load: the whole path a rewritten class takes, in one call.
 *
 * <pre>{@code
 * Woven w = Harness.build(17, """
 *     package t;
 *     import dev.weft.*;
 *     public class Nums {
 *         @Async static Generator<Integer, Void, Void> num(int x) { ... }
 *     }""");
 * Generator<?, ?, ?> g = (Generator<?, ?, ?>) w.call("t.Nums", "num", 0);
 * }</pre>
 *
 * Every class that declares an {@code @Async} method must come back rewritten; every rewritten
 * class must pass {@code CheckClassAdapter} (structure and data flow), list in its bodies' local
 * variable tables only locals that hold a value ({@link LocalTables}) and pass the JVM verifier
 * (each class is loaded and linked, so verified, not initialized, in a fresh
 * {@link MemoryClassLoader}). Failures are
 * {@link AssertionError}s naming the class, with ASM's report and a listing.
 */
public final class Harness {
    private Harness() {
    }

    /** Compiles {@code sources} (each a whole compilation unit) for {@code release}, then {@link #weave}s them. */
    public static Woven build(int release, String... sources) {
        List<JavaSource> units = new ArrayList<>();
        for (String s : sources) {
            units.add(JavaSource.of(s));
        }
        return build(release, units);
    }

    public static Woven build(int release, List<JavaSource> sources, String... javacOptions) {
        return weave(InMemoryJavac.compile(release, sources, javacOptions));
    }

    /** Rewrites, checks, defines and links {@code compiled} (binary name to class file). */
    public static Woven weave(Map<String, byte[]> compiled) {
        Map<String, RewriteResult> results = Weaver.rewriteAll(compiled);
        Map<String, byte[]> finalBytes = new TreeMap<>();
        List<String> notRewritten = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : compiled.entrySet()) {
            RewriteResult r = results.get(e.getKey());
            if (r.changed()) {
                finalBytes.put(e.getKey(), r.bytes());
            } else {
                finalBytes.put(e.getKey(), e.getValue());
                if (Weaver.hasAsyncMethod(e.getValue())) {
                    notRewritten.add(e.getKey());
                }
            }
        }
        if (!notRewritten.isEmpty()) {
            throw new AssertionError("classes with @Async methods came back unchanged from the rewrite: " + notRewritten);
        }
        MemoryClassLoader loader = new MemoryClassLoader(finalBytes);
        for (Map.Entry<String, RewriteResult> e : results.entrySet()) {
            if (e.getValue().changed()) {
                Weaver.check(e.getKey(), e.getValue().bytes(), loader);
                LocalTables.check(e.getKey(), e.getValue().bytes());
            }
        }
        Woven woven = new Woven(compiled, finalBytes, results, loader);
        woven.linkAll();
        return woven;
    }
}
