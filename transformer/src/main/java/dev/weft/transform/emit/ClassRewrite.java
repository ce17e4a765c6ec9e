package dev.weft.transform.emit;

import dev.weft.transform.analyse.ClassHierarchy;
import dev.weft.transform.analyse.MethodAnalysis;
import dev.weft.transform.analyse.MissingClassException;
import dev.weft.transform.api.Problem;
import dev.weft.transform.api.RewriteException;
import dev.weft.transform.api.RewriteResult;
import dev.weft.transform.api.RewrittenMethod;
import dev.weft.transform.check.Misuse;
import dev.weft.transform.check.SourceLocation;
import dev.weft.transform.find.AsyncMethods;
import dev.weft.transform.find.MethodKind;
import dev.weft.transform.find.WeftMentions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * The rewrite of one class, step by step: find the {@code @Async} methods, check for misuse,
 * and for each method hoist {@code new} past markers, turn return markers into plain returns,
 * analyse, narrow the local variable table to where locals hold values, emit the state machine's body and
 * the factory, compute the body's frames; finally mark the class as rewritten.
 */
public final class ClassRewrite {
    private ClassRewrite() {
    }

    /** Rewrites {@code classFile}; see {@link dev.weft.transform.api.Rewriter#rewrite}. */
    public static RewriteResult of(byte[] classFile, ClassHierarchy hierarchy) throws RewriteException {
        if (!WeftMentions.in(classFile)) {
            return RewriteResult.unchanged(null);
        }
        ClassNode cls = new ClassNode();
        new ClassReader(classFile).accept(cls, 0);
        String className = cls.name.replace('/', '.');
        if (AsyncMethods.alreadyRewritten(cls)) {
            return RewriteResult.unchanged(className);
        }
        List<Problem> problems = new ArrayList<>(Misuse.in(cls));
        if (!problems.isEmpty()) {
            throw new RewriteException(problems);
        }
        List<MethodNode> asyncMethods = new ArrayList<>();
        for (MethodNode m : cls.methods) {
            if (AsyncMethods.isAsync(m)) {
                asyncMethods.add(m);
            }
        }
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
        for (MethodNode m : asyncMethods) {
            try {
                MethodKind kind = MethodKind.of(m.desc);
                rewritten.add(rewriteMethod(cls, isInterface, kind, m, bodyName(m.name, Runtime.bodyDescriptor(kind), taken), hierarchy));
            } catch (MethodTooLargeException e) { // from the frames of the body, computed method by method
                problems.add(new Problem(className, cls.sourceFile, SourceLocation.display(m), SourceLocation.firstLine(m),
                        tooLarge(e.getCodeSize())));
            } catch (AnalyzerException | RuntimeException e) {
                MissingClassException missing = missingClass(e);
                if (missing != null) {
                    int line = e instanceof AnalyzerException && ((AnalyzerException) e).node != null
                            ? SourceLocation.lineOf(((AnalyzerException) e).node) : SourceLocation.firstLine(m);
                    problems.add(new Problem(className, cls.sourceFile, SourceLocation.display(m), line,
                            "the rewrite needs the class file of " + missing.className() + " (to merge the types a value"
                                    + " takes on two paths here) and cannot find it: put it on the rewrite's classpath"
                                    + " (--classpath for the command line; a dependency of the project for the plugin)"));
                    continue;
                }
                problems.add(new Problem(className, cls.sourceFile, SourceLocation.display(m), SourceLocation.firstLine(m),
                        "the rewrite could not analyse this method (" + e.getMessage() + "); please report it with the class file"));
            } catch (Unsupported e) {
                problems.add(new Problem(className, cls.sourceFile, SourceLocation.display(m), e.line, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RewriteException(problems);
        }
        if (cls.invisibleAnnotations == null) {
            cls.invisibleAnnotations = new ArrayList<>();
        }
        cls.invisibleAnnotations.add(new AnnotationNode(Runtime.REWRITTEN));
        return RewriteResult.rewritten(className, write(cls, className, hierarchy), rewritten);
    }

    private static byte[] write(ClassNode cls, String className, ClassHierarchy hierarchy) throws RewriteException {
        ClassWriter writer = new HierarchyClassWriter(0, hierarchy);
        try {
            cls.accept(writer);
            return writer.toByteArray();
        } catch (MethodTooLargeException e) {
            MethodNode m = original(cls, e.getMethodName());
            throw new RewriteException(List.of(new Problem(className, cls.sourceFile,
                    m == null ? e.getMethodName() : SourceLocation.display(m), m == null ? 0 : SourceLocation.firstLine(m),
                    tooLarge(e.getCodeSize()))));
        } catch (RuntimeException e) {
            throw new RewriteException(List.of(new Problem(className, cls.sourceFile, null, 0,
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
            if (m.name.equals(name) && AsyncMethods.isAsync(m)) {
                return m;
            }
        }
        return null;
    }

    private static RewrittenMethod rewriteMethod(ClassNode cls, boolean isInterface, MethodKind kind, MethodNode m, String bodyName,
                                                 ClassHierarchy hierarchy) throws AnalyzerException, Unsupported {
        NewHoisting.Refusal unsupported = NewHoisting.apply(cls.name, m);
        if (unsupported != null) {
            throw new Unsupported(unsupported.line > 0 ? unsupported.line : SourceLocation.firstLine(m), unsupported.message);
        }
        ReturnMarkers.apply(m);
        MethodAnalysis analysis = MethodAnalysis.of(cls, m, hierarchy);
        if (!analysis.insideMonitor().isEmpty()) {
            throw new Unsupported(analysis.insideMonitor().get(0).line(), analysis.insideMonitor().get(0).marker().sourceName()
                    + " inside a synchronized block: the monitor cannot be held across a suspension;"
                    + " release it before the marker (or use a lock that is not bound to a thread)");
        }
        List<LocalVariableNode> locals = m.localVariables; // the factory names all its parameters, read or not
        LocalScopes.narrow(m, analysis);
        int firstLine = SourceLocation.firstLine(m);
        SourceIdentity location = new SourceIdentity(cls.name.replace('/', '.'), m.name, cls.sourceFile, firstLine);
        MethodNode body = StateMachine.build(m, kind, analysis, bodyName, location);
        Factory.emit(cls.name, isInterface, kind, m, body, analysis, firstLine, locals);
        cls.methods.add(FrameComputation.of(cls, body, hierarchy));
        return new RewrittenMethod(m.name, m.desc, analysis.points().size(), analysis.refCount(), analysis.primCount());
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

    /** A shape the rewrite refuses, with what to do instead. */
    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        Unsupported(int line, String message) {
            super(message);
            this.line = line;
        }
    }
}
