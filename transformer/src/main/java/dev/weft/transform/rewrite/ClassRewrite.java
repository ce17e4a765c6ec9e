package dev.weft.transform.rewrite;

import dev.weft.transform.analyse.ClassHierarchy;
import dev.weft.transform.analyse.MissingClassException;
import dev.weft.transform.check.ForgottenAwaits;
import dev.weft.transform.check.Misuse;
import dev.weft.transform.emit.RuntimeAbi;
import dev.weft.transform.emit.StackMapComputation;
import dev.weft.transform.find.AsyncLambdas;
import dev.weft.transform.find.AsyncMethods;
import dev.weft.transform.find.AsyncTests;
import dev.weft.transform.find.MethodKind;
import dev.weft.transform.find.WeftMentions;
import dev.weft.transform.prepare.AsyncTestBodies;
import dev.weft.transform.report.Problem;
import dev.weft.transform.report.Refusal;
import dev.weft.transform.report.RewriteException;
import dev.weft.transform.report.RewriteResult;
import dev.weft.transform.report.RewrittenMethod;
import dev.weft.transform.report.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * The rewrite of one class, step by step: split each {@code @AsyncTest} method into a test and its coroutine
 * ({@link AsyncTestBodies}), find the {@code @Async} methods, the async lambdas and the methods
 * that call ea-async's {@code await} (rewritten as ea-async rewrote them), check for misuse,
 * rewrite each method ({@link MethodRewrite}), gathering every refusal; finally mark the class as
 * rewritten and write it.
 */
public final class ClassRewrite {
    private ClassRewrite() {
    }

    /** Rewrites {@code classFile}; see {@link dev.weft.transform.api.Rewriter#rewrite}. */
    public static RewriteResult of(byte[] classFile, ClassHierarchy hierarchy) throws RewriteException {
        ClassNode cls = parse(classFile);
        if (cls == null) {
            return RewriteResult.unchanged(null);
        }
        List<Problem> warnings = AsyncMethods.alreadyRewritten(cls) ? List.of() : ForgottenAwaits.in(cls);
        try {
            return rewrite(cls, hierarchy).withWarnings(warnings);
        } catch (RewriteException e) {
            List<Problem> all = new ArrayList<>(e.problems());
            all.addAll(warnings);
            throw new RewriteException(all);
        }
    }

    private static ClassNode parse(byte[] classFile) {
        if (!WeftMentions.in(classFile)) {
            return null;
        }
        ClassNode cls = new ClassNode();
        new ClassReader(classFile).accept(cls, 0);
        return cls;
    }

    private static RewriteResult rewrite(ClassNode cls, ClassHierarchy hierarchy) throws RewriteException {
        String className = cls.name.replace('/', '.');
        if (AsyncMethods.alreadyRewritten(cls)) {
            return RewriteResult.unchanged(className);
        }
        List<Problem> problems = new ArrayList<>(AsyncTestBodies.apply(cls));
        problems.addAll(Misuse.in(cls, hierarchy));
        if (!problems.isEmpty()) {
            throw new RewriteException(problems);
        }
        Map<MethodNode, MethodKind> asyncMethods = new LinkedHashMap<>();
        for (MethodNode m : cls.methods) {
            if (AsyncMethods.isAsync(m) || AsyncMethods.isEaAsync(m, hierarchy)) {
                asyncMethods.put(m, MethodKind.of(m.desc, hierarchy));
            }
        }
        asyncMethods.putAll(AsyncLambdas.in(cls, hierarchy));
        if (asyncMethods.isEmpty()) {
            return RewriteResult.unchanged(className);
        }
        boolean isInterface = (cls.access & Opcodes.ACC_INTERFACE) != 0;
        hierarchy.define(cls.name, cls.superName, isInterface);

        Set<String> taken = new HashSet<>();
        for (MethodNode m : cls.methods) {
            taken.add(m.name + m.desc);
        }
        List<RewrittenMethod> rewritten = new ArrayList<>();
        StackMapComputation frames = new StackMapComputation(cls, hierarchy);
        Map<String, MethodNode> originals = new HashMap<>(); // each body's user method, by the body's name
        for (Map.Entry<MethodNode, MethodKind> async : asyncMethods.entrySet()) {
            MethodNode m = async.getKey();
            try {
                MethodKind kind = async.getValue();
                String bodyName = bodyName(AsyncTests.displayName(m.name), RuntimeAbi.bodyDescriptor(kind), taken);
                originals.put(bodyName, m);
                rewritten.add(MethodRewrite.of(cls, isInterface, kind, m, bodyName, hierarchy, frames));
            } catch (AnalyzerException | RuntimeException e) {
                MissingClassException missing = missingClass(e);
                if (missing != null) {
                    int line = e instanceof AnalyzerException && ((AnalyzerException) e).node != null
                            ? SourceLocation.lineOf(((AnalyzerException) e).node) : SourceLocation.firstLine(m);
                    problems.add(Refusal.at(cls, m, line,
                            "the rewrite needs the class file of " + missing.className() + " (to merge the types a value"
                                    + " takes on two paths here) and cannot find it: put it on the rewrite's classpath"
                                    + " (--classpath for the command line; a dependency of the project for the plugin)"));
                    continue;
                }
                problems.add(Refusal.ofMethod(cls, m,
                        "the rewrite could not analyse this method (" + e.getMessage() + "); please report it with the class file"));
            } catch (MethodRewrite.Refused e) {
                problems.add(e.problem());
            }
        }
        if (!problems.isEmpty()) {
            problems.addAll(tooLarge(cls, frames, originals));
            throw new RewriteException(problems);
        }
        if (cls.invisibleAnnotations == null) {
            cls.invisibleAnnotations = new ArrayList<>();
        }
        cls.invisibleAnnotations.add(new AnnotationNode(RuntimeAbi.REWRITTEN));
        return RewriteResult.rewritten(className, write(cls, frames, originals), rewritten);
    }

    /** The refusal of each body larger than the JVM allows once framed, at its user method. */
    private static List<Problem> tooLarge(ClassNode cls, StackMapComputation frames, Map<String, MethodNode> originals) {
        List<Problem> refusals = new ArrayList<>();
        for (Map.Entry<String, Integer> body : frames.tooLarge().entrySet()) {
            refusals.add(Refusal.ofMethod(cls, originals.get(body.getKey()), tooLarge(body.getValue())));
        }
        return refusals;
    }

    private static byte[] write(ClassNode cls, StackMapComputation frames, Map<String, MethodNode> originals)
            throws RewriteException {
        ClassWriter writer = frames.writer();
        try {
            cls.accept(writer);
            return writer.toByteArray();
        } catch (MethodTooLargeException e) {
            List<Problem> bodies = tooLarge(cls, frames, originals); // each body at its user method, overloads too
            if (!bodies.isEmpty()) {
                throw new RewriteException(bodies);
            }
            MethodNode m = original(cls, e.getMethodName());
            String message = tooLarge(e.getCodeSize());
            throw new RewriteException(List.of(m == null ? Refusal.ofMethodNamed(cls, e.getMethodName(), message)
                    : Refusal.ofMethod(cls, m, message)));
        } catch (RuntimeException e) {
            throw new RewriteException(List.of(Refusal.ofClass(cls,
                    "the rewritten class could not be written (" + e + "); please report it with the class file")));
        }
    }

    private static MissingClassException missingClass(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MissingClassException) {
                return (MissingClassException) t;
            }
        }
        return null;
    }

    private static String tooLarge(int codeSize) {
        return "once rewritten this method is larger than the JVM's 64 KB limit (" + codeSize
                + " bytes): split it into smaller @Async methods joined with yieldFrom/await";
    }

    /** The user's method a body of this name came from (the body keeps the user's name). */
    private static MethodNode original(ClassNode cls, String name) {
        for (MethodNode m : cls.methods) {
            if (m.name.equals(name) && (AsyncMethods.isAsync(m) || AsyncLambdas.named(m) || AsyncMethods.callsEaAwait(m))) {
                return m;
            }
        }
        return null;
    }

    /** The body keeps the user's method name, so stack traces show it; overloads get a suffix. */
    private static String bodyName(String name, String descriptor, Set<String> taken) {
        String candidate = name;
        for (int i = 1; taken.contains(candidate + descriptor); i++) {
            candidate = name + "$" + i;
        }
        taken.add(candidate + descriptor);
        return candidate;
    }
}
