package dev.weft.transform.rewrite;

import dev.weft.transform.analyse.ClassHierarchy;
import dev.weft.transform.analyse.MethodAnalysis;
import dev.weft.transform.analyse.YieldTypes;
import dev.weft.transform.emit.FactoryMethod;
import dev.weft.transform.emit.LocalScopes;
import dev.weft.transform.emit.SourceIdentity;
import dev.weft.transform.emit.StackMapComputation;
import dev.weft.transform.emit.StateMachine;
import dev.weft.transform.find.AsyncTests;
import dev.weft.transform.find.MethodKind;
import dev.weft.transform.prepare.NamedThrows;
import dev.weft.transform.prepare.NewHoisting;
import dev.weft.transform.prepare.ReturnMarkers;
import dev.weft.transform.report.Problem;
import dev.weft.transform.report.Refusal;
import dev.weft.transform.report.RewrittenMethod;
import dev.weft.transform.report.SourceLocation;
import java.util.List;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * The rewrite of one {@code @Async} method, step by step: hoist {@code new} past markers, turn
 * return markers into plain returns, analyse, narrow the local variable table to where locals hold
 * values, emit the state machine's body and the factory, compute the body's stack map frames.
 */
final class MethodRewrite {
    private MethodRewrite() {
    }

    /**
     * Rewrites {@code m} of {@code cls} into a body named {@code bodyName} (added to {@code cls},
     * its frames computed by {@code frames}) and its factory.
     */
    static RewrittenMethod of(ClassNode cls, boolean isInterface, MethodKind kind, MethodNode m, String bodyName,
                              ClassHierarchy hierarchy, StackMapComputation frames) throws AnalyzerException, Refused {
        NamedThrows.apply(m);
        Problem unsupported = NewHoisting.apply(cls, m);
        if (unsupported != null) {
            throw new Refused(unsupported);
        }
        ReturnMarkers.apply(m);
        MethodAnalysis analysis = MethodAnalysis.of(cls, m, hierarchy);
        Problem wrongYield = kind == MethodKind.GENERATOR ? YieldTypes.check(cls, m, analysis, hierarchy) : null;
        if (wrongYield != null) {
            throw new Refused(wrongYield);
        }
        if (!analysis.insideMonitor().isEmpty()) {
            throw new Refused(Refusal.at(cls, m, analysis.insideMonitor().get(0).line(), analysis.insideMonitor().get(0).marker().sourceName()
                    + " inside a synchronized block: the monitor cannot be held across a suspension;"
                    + " release it before the marker (or use a lock that is not bound to a thread)"));
        }
        List<LocalVariableNode> locals = m.localVariables; // the factory names all its parameters, read or not
        LocalScopes.narrow(m, analysis);
        int firstLine = SourceLocation.firstLine(m);
        SourceIdentity location = new SourceIdentity(cls.name.replace('/', '.'), AsyncTests.displayName(m.name), cls.sourceFile, firstLine);
        MethodNode body = StateMachine.build(m, kind, analysis, bodyName, location);
        FactoryMethod.emit(cls.name, isInterface, kind, m, body, analysis, firstLine, locals);
        cls.methods.add(frames.add(body));
        return new RewrittenMethod(m.name, m.desc, analysis.points().size(), analysis.refCount(), analysis.primCount());
    }

    /** A shape the rewrite refuses, with what to do instead. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        Refused(Problem problem) {
            super(problem.message());
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }
}
