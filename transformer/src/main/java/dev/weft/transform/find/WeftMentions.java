package dev.weft.transform.find;

/**
 * The cheap first look at a class file: only a class whose bytes mention {@code dev/weft/} can
 * carry {@code @Async} or a marker, or else {@code com/ea/async/Async} (ea-async's {@code await},
 * which the rewrite takes as a marker). The agent passes over every other class with this scan alone.
 */
public final class WeftMentions {
    private static final byte[] PREFIX = {'d', 'e', 'v', '/', 'w', 'e', 'f', 't', '/'};
    private static final byte[] EA_ASYNC = "com/ea/async/Async".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private WeftMentions() {
    }

    /** Whether {@code classFile} contains the bytes {@code dev/weft/} or {@code com/ea/async/Async} (in any constant). */
    public static boolean in(byte[] classFile) {
        // one pass for both, anchored on the '/' that both have fourth ("dev/", "com/"): one compare a
        // byte, as fast as the search for dev/weft/ alone; the agent runs this over every class it sees
        int last = classFile.length - PREFIX.length + 3;
        for (int i = 3; i <= last; i++) {
            if (classFile[i] != '/') {
                continue;
            }
            byte b = classFile[i - 3];
            if ((b == 'd' && matches(classFile, i - 3, PREFIX)) || (b == 'c' && matches(classFile, i - 3, EA_ASYNC))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] classFile, int at, byte[] part) {
        if (at + part.length > classFile.length) {
            return false;
        }
        for (int j = 1; j < part.length; j++) {
            if (classFile[at + j] != part[j]) {
                return false;
            }
        }
        return true;
    }
}
