package dev.weft.transform.find;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * The calls that the rewrite recognises in user code. Suspension markers become resume points;
 * return markers become the completion of the state machine. Each belongs to one
 * {@link MethodKind}.
 */
public enum Marker {
    /** {@code Generator.yield(Object)}: suspends, evaluates to the value sent in. */
    YIELD(Owner.GENERATOR, "yield", "(Ljava/lang/Object;)Ljava/lang/Object;", true, MethodKind.GENERATOR),
    /** {@code Generator.yieldFrom(Generator)}: delegates, evaluates to the subgenerator's return value. */
    YIELD_FROM(Owner.GENERATOR, "yieldFrom", "(Ldev/weft/Generator;)Ljava/lang/Object;", true, MethodKind.GENERATOR),
    /** {@code Generator.yieldFrom(Iterable)}: yields every element. */
    YIELD_FROM_ITERABLE(Owner.GENERATOR, "yieldFrom", "(Ljava/lang/Iterable;)V", true, MethodKind.GENERATOR),
    /** {@code Generator.returning(Object)}: the generator's return value. */
    RETURNING(Owner.GENERATOR, "returning", "(Ljava/lang/Object;)Ldev/weft/Generator;", false, MethodKind.GENERATOR),
    /** {@code Generator.done()}: returns without a value. */
    DONE(Owner.GENERATOR, "done", "()Ldev/weft/Generator;", false, MethodKind.GENERATOR),
    /** {@code Weft.await(Awaitable)}: a coroutine, task or future. */
    AWAIT(Owner.WEFT, "await", "(Ldev/weft/Awaitable;)Ljava/lang/Object;", true, MethodKind.COROUTINE),
    /** {@code Weft.await(CompletionStage)}. */
    AWAIT_STAGE(Owner.WEFT, "await", "(Ljava/util/concurrent/CompletionStage;)Ljava/lang/Object;", true, MethodKind.COROUTINE),
    /** {@code Weft.await(Awaitable, Class)}: {@link #AWAIT}, naming a checked exception for javac (see {@link #plainAwait}). */
    AWAIT_NAMING(Owner.WEFT, "await", "(Ldev/weft/Awaitable;Ljava/lang/Class;)Ljava/lang/Object;", true, MethodKind.COROUTINE),
    /** {@code Weft.await(CompletionStage, Class)}: {@link #AWAIT_STAGE}, naming a checked exception for javac. */
    AWAIT_STAGE_NAMING(Owner.WEFT, "await", "(Ljava/util/concurrent/CompletionStage;Ljava/lang/Class;)Ljava/lang/Object;", true,
            MethodKind.COROUTINE),
    /**
     * ea-async's {@code com.ea.async.Async.await(CompletionStage)} (the drop-in artifact weft-ea-async
     * provides it): {@link #AWAIT_STAGE}, but raising as {@code join()} does, the failure wrapped in a
     * {@code CompletionException}. Matched by descriptor: the rewrite does not depend on that artifact.
     */
    EA_AWAIT(Owner.EA_ASYNC, "await", "(Ljava/util/concurrent/CompletionStage;)Ljava/lang/Object;", true, MethodKind.COROUTINE),
    /** {@code Coroutine.returning(Object)}: the coroutine's result. */
    COROUTINE_RETURNING(Owner.COROUTINE, "returning", "(Ljava/lang/Object;)Ldev/weft/Coroutine;", false, MethodKind.COROUTINE),
    /** {@code Coroutine.done()}: returns without a result. */
    COROUTINE_DONE(Owner.COROUTINE, "done", "()Ldev/weft/Coroutine;", false, MethodKind.COROUTINE),
    /** {@code AsyncGenerator.done()}: ends an async generator (it returns no value). */
    ASYNC_GENERATOR_DONE(Owner.ASYNC_GENERATOR, "done", "()Ldev/weft/AsyncGenerator;", false, MethodKind.ASYNC_GENERATOR);

    /** The annotation that asks for the rewrite. */
    public static final String ASYNC_DESCRIPTOR = "Ldev/weft/Async;";

    /** The classes that declare markers. */
    private static final class Owner {
        static final String GENERATOR = "dev/weft/Generator";
        static final String COROUTINE = "dev/weft/Coroutine";
        static final String WEFT = "dev/weft/Weft";
        static final String ASYNC_GENERATOR = "dev/weft/AsyncGenerator";
        static final String EA_ASYNC = "com/ea/async/Async";
    }

    private final String owner;
    private final String methodName;
    private final String descriptor;
    private final boolean suspends;
    private final MethodKind kind;

    Marker(String owner, String methodName, String descriptor, boolean suspends, MethodKind kind) {
        this.owner = owner;
        this.methodName = methodName;
        this.descriptor = descriptor;
        this.suspends = suspends;
        this.kind = kind;
    }

    /** Whether the body suspends here (a resume point follows). */
    public boolean suspends() {
        return suspends;
    }

    /** Whether it ends the body with a value ({@code returning}/{@code done}). */
    public boolean returns() {
        return !suspends;
    }

    /** Whether it may be used in an {@code @Async} method of {@code method} kind. */
    public boolean allowedIn(MethodKind method) {
        if (isAwait()) {
            return method.awaits();
        }
        return this == YIELD ? method.yields() : method == kind;
    }

    /** The kind of method it belongs to ({@code await} also belongs in the other awaiting kinds). */
    public MethodKind kind() {
        return kind;
    }

    /** {@code Weft.await}, in either form. */
    public boolean isAwait() {
        return this == AWAIT || this == AWAIT_STAGE || this == AWAIT_NAMING || this == AWAIT_STAGE_NAMING || this == EA_AWAIT;
    }

    /**
     * The one-argument {@code await} that this one is once its class argument is dropped (the class
     * only lets javac accept a {@code catch} of the checked exception it names), or {@code null}.
     */
    public Marker plainAwait() {
        return this == AWAIT_NAMING ? AWAIT : this == AWAIT_STAGE_NAMING ? AWAIT_STAGE : null;
    }

    /** The descriptor of the marker's method. */
    public String descriptor() {
        return descriptor;
    }

    /** Where it belongs, for messages: "an @Async method that returns dev.weft.Generator". */
    public String belongs() {
        if (this == EA_AWAIT) {
            return "a method that returns CompletableFuture (or a subclass of it with a public no-argument constructor)"
                    + " or CompletionStage, as with ea-async, or an @Async method that returns dev.weft.Coroutine";
        }
        if (isAwait()) {
            return "an @Async method that returns dev.weft.Coroutine, dev.weft.AsyncGenerator, CompletableFuture or CompletionStage";
        }
        if (this == YIELD) {
            return "an @Async method that returns dev.weft.Generator or dev.weft.AsyncGenerator";
        }
        return "an @Async method that returns " + kind.returnDescriptor().substring(1, kind.returnDescriptor().length() - 1).replace('/', '.');
    }

    /** How the user writes it, for messages. */
    public String sourceName() {
        return owner.substring(owner.lastIndexOf('/') + 1) + "." + methodName;
    }

    /** The marker that a method reference ({@code Generator::yield}) points to, or {@code null}. */
    public static Marker ofHandle(Object bootstrapArgument) {
        if (!(bootstrapArgument instanceof org.objectweb.asm.Handle)) {
            return null;
        }
        org.objectweb.asm.Handle h = (org.objectweb.asm.Handle) bootstrapArgument;
        if (h.getTag() != Opcodes.H_INVOKESTATIC || !ownedByMarkerClass(h.getOwner())) {
            return null;
        }
        for (Marker m : values()) {
            if (m.owner.equals(h.getOwner()) && m.methodName.equals(h.getName()) && m.descriptor.equals(h.getDesc())) {
                return m;
            }
        }
        return null;
    }

    /** The marker that {@code insn} calls, or {@code null} if it is no marker. */
    public static Marker of(AbstractInsnNode insn) {
        if (insn.getOpcode() != Opcodes.INVOKESTATIC) {
            return null;
        }
        MethodInsnNode call = (MethodInsnNode) insn;
        if (!ownedByMarkerClass(call.owner)) {
            return null;
        }
        for (Marker m : values()) {
            if (m.owner.equals(call.owner) && m.methodName.equals(call.name) && m.descriptor.equals(call.desc)) {
                return m;
            }
        }
        return null;
    }

    /** Whether {@code owner} may declare markers: Weft's classes and ea-async's {@code Async}; a cheap test first. */
    private static boolean ownedByMarkerClass(String owner) {
        return owner.startsWith("dev/weft/") || owner.equals(Owner.EA_ASYNC);
    }
}
