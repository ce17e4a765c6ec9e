package dev.weft.transform.emit;

/** The names in {@code weft-runtime} that emitted code refers to: the rewrite's only coupling to the runtime. */
final class Runtime {
    static final String FRAME = "dev/weft/internal/Frame";
    static final String GENERATOR_FRAME = "dev/weft/internal/GeneratorFrame";
    static final String BODY = "dev/weft/internal/Body";
    static final String BODY_DESCRIPTOR = "L" + BODY + ";";
    static final String GENERATOR_FRAME_DESCRIPTOR = "L" + GENERATOR_FRAME + ";";
    static final String GENERATOR = "dev/weft/Generator";
    /** The descriptor of every state machine's body: {@code Object name(GeneratorFrame)}. */
    static final String BODY_METHOD_DESCRIPTOR = "(" + GENERATOR_FRAME_DESCRIPTOR + ")Ljava/lang/Object;";
    static final String REWRITTEN = "Ldev/weft/internal/Rewritten;";

    private Runtime() {
    }
}
