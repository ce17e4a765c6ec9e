package dev.weft.transform.emit;

import dev.weft.transform.find.MethodKind;

/** The names in {@code weft-runtime} that emitted code refers to: the rewrite's only coupling to the runtime. */
public final class RuntimeAbi {
    static final String FRAME = "dev/weft/internal/Frame";
    static final String BODY = "dev/weft/internal/Body";
    static final String BODY_DESCRIPTOR = "L" + BODY + ";";
    /** The marker interface of bodies made by the rewrite. */
    static final String REWRITTEN_BODY = "dev/weft/internal/RewrittenBody";
    public static final String REWRITTEN = "Ldev/weft/internal/Rewritten;";
    /** Declares {@code PENDING}, what {@code tryAwait} answers when the body must suspend. */
    static final String AWAIT_FRAME = "dev/weft/internal/AwaitFrame";

    private RuntimeAbi() {
    }

    /** The descriptor of a state machine's body: {@code Object name(XxxFrame)}. */
    public static String bodyDescriptor(MethodKind kind) {
        return "(L" + kind.frameClass() + ";)Ljava/lang/Object;";
    }
}
