package dev.weft.transform.check;

import dev.weft.transform.find.AsyncLambdas;
import dev.weft.transform.find.AsyncMethods;
import dev.weft.transform.find.Marker;
import dev.weft.transform.find.MethodKind;
import dev.weft.transform.report.Problem;
import dev.weft.transform.report.Refusal;
import dev.weft.transform.report.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The misuses that fail the build, each reported at its source line with what to do instead:
 * a marker outside an {@code @Async} method or async lambda, and {@code @Async} where no state machine can be
 * made (constructors, abstract or native methods, other return types, old class files).
 */
public final class Misuse {
    private Misuse() {
    }

    /** Every misuse in {@code cls}, in class-file order. */
    public static List<Problem> in(ClassNode cls) {
        List<Problem> problems = new ArrayList<>();
        boolean anyAsync = false;
        Map<MethodNode, MethodKind> lambdas = AsyncLambdas.in(cls);
        for (MethodNode m : cls.methods) {
            methodReferences(cls, m, problems);
            if (AsyncMethods.isAsync(m)) {
                anyAsync = true;
                checkAsync(cls, m, problems);
            } else if (lambdas.containsKey(m)) {
                anyAsync = true;
                checkMarkers(cls, m, lambdas.get(m), problems);
            } else {
                for (AbstractInsnNode call : AsyncMethods.markerCalls(m)) {
                    problems.add(Refusal.at(cls, m, SourceLocation.lineOf(call), markerOutsideAsync(m, Marker.of(call))));
                }
            }
        }
        if (anyAsync && (cls.version & 0xFFFF) < Opcodes.V1_8) {
            problems.add(Refusal.ofClass(cls, "@Async needs class files of Java 8 or later (this one is version "
                    + (cls.version & 0xFFFF) + "): compile with --release 8 or later"));
        }
        return problems;
    }

    private static void checkAsync(ClassNode cls, MethodNode m, List<Problem> problems) {
        int line = SourceLocation.firstLine(m);
        if (m.name.equals("<init>") || m.name.equals("<clinit>")) {
            problems.add(Refusal.at(cls, m, line, "@Async cannot be used on a constructor or initializer:"
                    + " move the body into a static @Async factory method"));
        } else if ((m.access & Opcodes.ACC_ABSTRACT) != 0) {
            problems.add(Refusal.at(cls, m, line, "@Async cannot be used on an abstract method: it has no body to rewrite;"
                    + " annotate the implementations instead"));
        } else if ((m.access & Opcodes.ACC_NATIVE) != 0) {
            problems.add(Refusal.at(cls, m, line, "@Async cannot be used on a native method: it has no body to rewrite"));
        } else if (MethodKind.of(m.desc) == null) {
            problems.add(Refusal.ofDeclaration(cls, m, "an @Async method must return dev.weft.Generator, dev.weft.Coroutine,"
                    + " dev.weft.AsyncGenerator, CompletableFuture or CompletionStage, not "
                    + Type.getReturnType(m.desc).getClassName()));
        } else if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            problems.add(Refusal.ofDeclaration(cls, m, "an @Async method cannot be synchronized: the monitor would be held"
                    + " across suspensions; use a lock around the code between markers"));
        } else {
            checkMarkers(cls, m, MethodKind.of(m.desc), problems);
        }
    }

    /** The markers of an {@code @Async} method or async lambda of {@code kind}: each must belong there. */
    private static void checkMarkers(ClassNode cls, MethodNode m, MethodKind kind, List<Problem> problems) {
        boolean lambda = !AsyncMethods.isAsync(m);
        for (AbstractInsnNode call : AsyncMethods.markerCalls(m)) {
            Marker marker = Marker.of(call);
            if (!marker.allowedIn(kind)) {
                String hint = kind.startsEagerly() && marker.returns()
                        ? "; end a " + kind.noun() + " with return CompletableFuture.completedFuture(value)"
                        : kind == MethodKind.ASYNC_GENERATOR && marker.returns()
                        ? "; end an async generator with return AsyncGenerator.done() (it returns no value)"
                        : kind == MethodKind.ASYNC_GENERATOR
                        ? "; as yield from in an async def, it cannot delegate: write a loop that awaits the other's"
                        + " hasNext() and yields its next()" : "";
                String where = lambda ? "an async lambda (a " + kind.noun() + ")" : article(kind.noun()) + kind.noun();
                problems.add(Refusal.at(cls, m, SourceLocation.lineOf(call), marker.sourceName() + " cannot be used in "
                        + where + ": it belongs in " + marker.belongs() + hint));
            }
        }
    }

    private static String article(String noun) {
        return "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ";
    }

    /** {@code Generator::yield} and the like: a marker called through a method reference never suspends anything. */
    private static void methodReferences(ClassNode cls, MethodNode m, List<Problem> problems) {
        if (m.instructions == null) {
            return;
        }
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (!(insn instanceof InvokeDynamicInsnNode)) {
                continue;
            }
            for (Object arg : ((InvokeDynamicInsnNode) insn).bsmArgs) {
                Marker marker = Marker.ofHandle(arg);
                if (marker != null) {
                    String ref = marker.sourceName().replace(".", "::");
                    problems.add(Refusal.at(cls, m, SourceLocation.lineOf(insn), "a method reference to " + marker.sourceName()
                            + " (" + ref + "): a marker suspends only where an @Async method calls it directly;"
                            + " write a loop that calls " + marker.sourceName() + "(...) instead"));
                }
            }
        }
    }

    private static String markerOutsideAsync(MethodNode m, Marker marker) {
        if (m.name.equals("<init>") || m.name.equals("<clinit>")) {
            return marker.sourceName() + " in a constructor or initializer (a field initializer or an initializer block"
                    + " counts, in an anonymous class too): they cannot suspend; compute the value in the @Async method"
                    + " and pass it in, or give the class an @Async method that does the work";
        }
        if (AsyncLambdas.named(m)) {
            if (marker.kind() == MethodKind.GENERATOR) {
                return marker.sourceName() + " inside a lambda: a lambda cannot suspend its enclosing @Async method,"
                        + " nor be a generator itself; use a loop, or move the code into an @Async method and call it with"
                        + " Generator.yieldFrom";
            }
            return marker.sourceName() + " inside a lambda whose functional interface returns "
                    + Type.getReturnType(m.desc).getClassName() + ": a lambda may await only when its interface returns "
                    + AsyncLambdas.INTERFACE_TYPES + " (for instance Supplier<Coroutine<T>> or Function<TaskGroup,"
                    + " Coroutine<T>>); otherwise move the code into an @Async method and call it with await";
        }
        return marker.sourceName() + " is called in a method without @Async: it belongs in " + marker.belongs()
                + "; annotate the method with @dev.weft.Async";
    }
}
