package dev.weft.transform.check;

import dev.weft.transform.find.AsyncLambdas;
import dev.weft.transform.find.AsyncMethods;
import dev.weft.transform.find.AsyncTests;
import dev.weft.transform.find.Marker;
import dev.weft.transform.find.MethodKind;
import dev.weft.transform.find.ReturnClasses;
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
 * ea-async's {@code Async.await} counts as a marker: a method that calls it and returns
 * {@code CompletableFuture} or {@code CompletionStage} is rewritten without {@code @Async}.
 */
public final class Misuse {
    private Misuse() {
    }

    /** Every misuse in {@code cls}, in class-file order. */
    public static List<Problem> in(ClassNode cls, ReturnClasses classes) {
        List<Problem> problems = new ArrayList<>();
        boolean anyAsync = false;
        Map<MethodNode, MethodKind> lambdas = AsyncLambdas.in(cls, classes);
        for (MethodNode m : cls.methods) {
            methodReferences(cls, m, problems);
            if (AsyncMethods.isAsync(m)) {
                anyAsync = true;
                checkAsync(cls, m, classes, problems);
            } else if (lambdas.containsKey(m) || AsyncMethods.isEaAsync(m, classes)) {
                anyAsync = true;
                MethodKind kind = lambdas.containsKey(m) ? lambdas.get(m) : MethodKind.of(m.desc, classes);
                if (!checkEager(cls, m, kind, classes, problems)) {
                    checkMarkers(cls, m, kind, problems);
                }
            } else if (!AsyncTests.isAsyncTest(m)) { // one left unsplit was refused already, with its reason
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

    private static void checkAsync(ClassNode cls, MethodNode m, ReturnClasses classes, List<Problem> problems) {
        int line = SourceLocation.firstLine(m);
        MethodKind kind = MethodKind.of(m.desc, classes);
        if (m.name.equals("<init>") || m.name.equals("<clinit>")) {
            problems.add(Refusal.at(cls, m, line, "@Async cannot be used on a constructor or initializer:"
                    + " move the body into a static @Async factory method"));
        } else if ((m.access & Opcodes.ACC_ABSTRACT) != 0) {
            problems.add(Refusal.at(cls, m, line, "@Async cannot be used on an abstract method: it has no body to rewrite;"
                    + " annotate the implementations instead"));
        } else if ((m.access & Opcodes.ACC_NATIVE) != 0) {
            problems.add(Refusal.at(cls, m, line, "@Async cannot be used on a native method: it has no body to rewrite"));
        } else if (kind == null) {
            problems.add(Refusal.ofDeclaration(cls, m, "an @Async method must return dev.weft.Generator, dev.weft.Coroutine,"
                    + " dev.weft.AsyncGenerator, CompletableFuture (or a subclass of it with a public no-argument"
                    + " constructor) or CompletionStage, not " + Type.getReturnType(m.desc).getClassName()));
        } else if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            problems.add(Refusal.ofDeclaration(cls, m, "an @Async method cannot be synchronized: the monitor would be held"
                    + " across suspensions; use a lock around the code between markers"));
        } else if (!checkEager(cls, m, kind, classes, problems)) {
            checkMarkers(cls, m, kind, problems);
        }
    }

    /**
     * A method that returns a subclass of {@code CompletableFuture}: the rewrite makes its result
     * with the subclass's no-argument constructor, so there must be one it can call. Also refuses an
     * ea-async method (no {@code @Async}) that is synchronized. Whether it added a problem.
     */
    private static boolean checkEager(ClassNode cls, MethodNode m, MethodKind kind, ReturnClasses classes, List<Problem> problems) {
        if (!AsyncMethods.isAsync(m) && !AsyncLambdas.named(m) && (m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            problems.add(Refusal.ofDeclaration(cls, m, "a method that calls ea-async's Async.await cannot be synchronized:"
                    + " the monitor would be held across suspensions; use a lock around the code between awaits"));
            return true;
        }
        String subclass = kind == MethodKind.COMPLETABLE_FUTURE ? MethodKind.futureSubclass(m.desc) : null;
        if (subclass == null) {
            return false;
        }
        String why = unconstructible(cls, subclass, classes);
        if (why == null) {
            return false;
        }
        problems.add(Refusal.ofDeclaration(cls, m, "this method returns " + subclass.replace('/', '.') + ", a subclass of"
                + " CompletableFuture, which " + why + ": the rewrite makes the method's result with new "
                + subclass.substring(subclass.lastIndexOf('/') + 1).replace('$', '.') + "(); give it a public"
                + " no-argument constructor, or return CompletableFuture"));
        return true;
    }

    /** Why the factory in {@code cls} cannot call {@code new subclass()}, or null if it can. */
    private static String unconstructible(ClassNode cls, String subclass, ReturnClasses classes) {
        int classAccess = classes.classAccess(subclass);
        if (classAccess != -1 && (classAccess & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE)) != 0) {
            return "is abstract";
        }
        int access = classes.noArgConstructorAccess(subclass);
        if (access == -1) {
            return "has no no-argument constructor";
        }
        boolean samePackage = packageOf(subclass).equals(packageOf(cls.name));
        if ((access & Opcodes.ACC_PUBLIC) == 0 && (!samePackage || (access & Opcodes.ACC_PRIVATE) != 0)) {
            return "has no public no-argument constructor";
        }
        return null;
    }

    private static String packageOf(String internalName) {
        return internalName.substring(0, Math.max(0, internalName.lastIndexOf('/')));
    }

    /** The markers of an {@code @Async} method or async lambda of {@code kind}: each must belong there. */
    private static void checkMarkers(ClassNode cls, MethodNode m, MethodKind kind, List<Problem> problems) {
        boolean lambda = AsyncLambdas.named(m) && !AsyncMethods.isAsync(m);
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
                String where = lambda ? "an async lambda (a " + kind.noun() + ")"
                        : AsyncMethods.isAsync(m) ? article(kind.noun()) + kind.noun() : "a method that calls ea-async's Async.await";
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
        if (marker == Marker.EA_AWAIT) {
            return "ea-async's Async.await is called in a method that returns " + Type.getReturnType(m.desc).getClassName()
                    + ": it belongs in " + marker.belongs() + " (ea-async blocked here with join(); Weft refuses, so that"
                    + " nothing blocks by surprise): return a CompletableFuture, or call join() yourself";
        }
        return marker.sourceName() + " is called in a method without @Async: it belongs in " + marker.belongs()
                + "; annotate the method with @dev.weft.Async";
    }
}
