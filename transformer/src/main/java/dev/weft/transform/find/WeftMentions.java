package dev.weft.transform.find;

/**
 * The cheap first look at a class file: only a class whose bytes mention {@code dev/weft/} can
 * carry {@code @Async} or a marker. The agent passes over every other class with this scan alone.
 */
public final class WeftMentions {
    private static final byte[] PREFIX = {'d', 'e', 'v', '/', 'w', 'e', 'f', 't', '/'};

    private WeftMentions() {
    }

    /** Whether {@code classFile} contains the bytes {@code dev/weft/} (in any constant). */
    public static boolean in(byte[] classFile) {
        byte first = PREFIX[0];
        int last = classFile.length - PREFIX.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (classFile[i] != first) {
                continue;
            }
            for (int j = 1; j < PREFIX.length; j++) {
                if (classFile[i + j] != PREFIX[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
