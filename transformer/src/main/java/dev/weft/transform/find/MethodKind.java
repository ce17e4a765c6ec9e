package dev.weft.transform.find;

/**
 * What an {@code @Async} method is, told by its return type: a generator, a coroutine, an async
 * generator or a method returning a {@code CompletableFuture}. Each
 * kind has its own runtime frame and its own markers.
 */
public enum MethodKind {
    /** Returns {@code dev.weft.Generator}: Python's generator function. */
    GENERATOR("Ldev/weft/Generator;", "dev/weft/internal/GeneratorFrame", "generator"),
    /** Returns {@code dev.weft.Coroutine}: Python's {@code async def}. */
    COROUTINE("Ldev/weft/Coroutine;", "dev/weft/internal/CoroutineFrame", "coroutine"),
    /** Returns {@code dev.weft.AsyncGenerator}: Python's {@code async def} with {@code yield}; both awaits and yields. */
    ASYNC_GENERATOR("Ldev/weft/AsyncGenerator;", "dev/weft/internal/AsyncGeneratorFrame", "async generator"),
    /**
     * Returns {@code CompletableFuture}, or a subclass of it with an accessible no-argument constructor:
     * starts at once on the caller's thread, needs no event loop.
     */
    COMPLETABLE_FUTURE("Ljava/util/concurrent/CompletableFuture;", "dev/weft/internal/CompletableFrame", "CompletableFuture method"),
    /** Returns {@code CompletionStage}: as {@link #COMPLETABLE_FUTURE}. */
    COMPLETION_STAGE("Ljava/util/concurrent/CompletionStage;", "dev/weft/internal/CompletableFrame", "CompletionStage method");

    private final String returnDescriptor;
    private final String frameClass;
    private final String noun;

    MethodKind(String returnDescriptor, String frameClass, String noun) {
        this.returnDescriptor = returnDescriptor;
        this.frameClass = frameClass;
        this.noun = noun;
    }

    /** The kind of an {@code @Async} method with descriptor {@code methodDescriptor}, or null if it has none. */
    public static MethodKind of(String methodDescriptor) {
        String ret = methodDescriptor.substring(methodDescriptor.indexOf(')') + 1);
        for (MethodKind k : values()) {
            if (k.returnDescriptor.equals(ret)) {
                return k;
            }
        }
        return null;
    }

    /**
     * {@link #of(String)}, also taking a method that returns a subclass of {@code CompletableFuture}
     * as a {@link #COMPLETABLE_FUTURE} method (whether the rewrite can make that subclass's instance is
     * the checks' business: {@link #futureSubclass}).
     */
    public static MethodKind of(String methodDescriptor, ReturnClasses classes) {
        MethodKind kind = of(methodDescriptor);
        if (kind != null) {
            return kind;
        }
        String subclass = returnedClass(methodDescriptor);
        return subclass != null && classes.extendsCompletableFuture(subclass) ? COMPLETABLE_FUTURE : null;
    }

    /** The subclass of {@code CompletableFuture} a {@link #COMPLETABLE_FUTURE} method returns, or null if it returns CompletableFuture itself. */
    public static String futureSubclass(String methodDescriptor) {
        return of(methodDescriptor) != null ? null : returnedClass(methodDescriptor);
    }

    private static String returnedClass(String methodDescriptor) {
        String ret = methodDescriptor.substring(methodDescriptor.indexOf(')') + 1);
        return ret.startsWith("L") ? ret.substring(1, ret.length() - 1) : null;
    }

    /** The descriptor of what the method returns. */
    public String returnDescriptor() {
        return returnDescriptor;
    }

    /** The internal name of the runtime frame that runs a method of this kind. */
    public String frameClass() {
        return frameClass;
    }

    /** Whether {@code await} may be used in it. */
    public boolean awaits() {
        return this != GENERATOR;
    }

    /** Whether {@code Generator.yield} may be used in it. */
    public boolean yields() {
        return this == GENERATOR || this == ASYNC_GENERATOR;
    }

    /** Whether its body starts at once, in the factory, and returns a stage of its own ({@code return completedFuture(v)}). */
    public boolean startsEagerly() {
        return this == COMPLETABLE_FUTURE || this == COMPLETION_STAGE;
    }

    /** "generator", "coroutine", ..., for messages. */
    public String noun() {
        return noun;
    }
}
