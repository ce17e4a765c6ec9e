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
        return contains(classFile, PREFIX) || contains(classFile, EA_ASYNC);
    }

    private static boolean contains(byte[] classFile, byte[] part) {
        byte first = part[0];
        int last = classFile.length - part.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (classFile[i] != first) {
                continue;
            }
            for (int j = 1; j < part.length; j++) {
                if (classFile[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
