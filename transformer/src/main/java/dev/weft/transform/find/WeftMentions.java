package dev.weft.transform.find;

import java.util.Arrays;

/**
 * The cheap first look at a class file: only a class whose constants mention {@code dev/weft/} can
 * carry {@code @Async} or a marker, or else {@code com/ea/async/Async} (ea-async's {@code await},
 * which the rewrite takes as a marker). The agent passes over every other class with this scan alone.
 *
 * <p>Every name and descriptor of a class file is a UTF8 constant, so only those are searched: about
 * half a class file's bytes, and with a skipping search (Horspool's, both names at once) about one
 * byte in eight of them is read. The agent runs this over each of an application's classes as it
 * starts, mostly interpreted, so what it reads is what it costs. Bytes that are not a class file, or
 * whose constant pool cannot be walked, are searched whole.
 */
public final class WeftMentions {
    private static final byte[] WEFT = {'d', 'e', 'v', '/', 'w', 'e', 'f', 't', '/'};
    private static final byte[] EA_ASYNC = {'c', 'o', 'm', '/', 'e', 'a', '/', 'a', 's', 'y', 'n', 'c', '/', 'A', 's', 'y', 'n', 'c'};
    /** The search window: the shorter name's length. */
    private static final int WINDOW = WEFT.length;
    /** How far the window may move on, by the byte under its last place (Horspool's table over both names' first 9 bytes). */
    private static final byte[] SHIFT = shifts();

    private WeftMentions() {
    }

    /**
     * Whether a constant of {@code classFile} contains the bytes {@code dev/weft/} or
     * {@code com/ea/async/Async}; for bytes that are not a well-formed constant pool, whether they
     * contain them anywhere.
     */
    public static boolean in(byte[] classFile) {
        int end = classFile.length;
        if (end < 10 || classFile[0] != (byte) 0xCA || classFile[1] != (byte) 0xFE || classFile[2] != (byte) 0xBA
                || classFile[3] != (byte) 0xBE) {
            return within(classFile, 0, end);
        }
        int count = u2(classFile, 8);
        int at = 10;
        for (int i = 1; i < count; i++) {
            if (at >= end) {
                return within(classFile, 0, end);
            }
            switch (classFile[at]) {
                case 1: // Utf8: u2 length, then the bytes
                    if (at + 3 > end || at + 3 + u2(classFile, at + 1) > end) {
                        return within(classFile, 0, end);
                    }
                    int from = at + 3;
                    at = from + u2(classFile, at + 1);
                    if (at - from >= WINDOW && within(classFile, from, at)) {
                        return true;
                    }
                    break;
                case 7: case 8: case 16: case 19: case 20: // Class, String, MethodType, Module, Package
                    at += 3;
                    break;
                case 15: // MethodHandle
                    at += 4;
                    break;
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18: // Integer, Float, the refs, NameAndType, (Invoke)Dynamic
                    at += 5;
                    break;
                case 5: case 6: // Long, Double: they take two entries
                    at += 9;
                    i++;
                    break;
                default: // a constant this scan does not know (a newer class file): be safe
                    return within(classFile, 0, end);
            }
        }
        return at > end && within(classFile, 0, end); // past the end: the last constant was cut short
    }

    /** Whether {@code bytes[from, to)} contain either name. */
    static boolean within(byte[] bytes, int from, int to) {
        for (int last = from + WINDOW - 1; last < to; last += SHIFT[bytes[last] & 0xFF]) {
            int start = last - WINDOW + 1;
            byte first = bytes[start];
            if ((first == 'd' && matches(bytes, start, to, WEFT)) || (first == 'c' && matches(bytes, start, to, EA_ASYNC))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] bytes, int at, int to, byte[] name) {
        if (at + name.length > to) {
            return false;
        }
        for (int j = 1; j < name.length; j++) {
            if (bytes[at + j] != name[j]) {
                return false;
            }
        }
        return true;
    }

    private static int u2(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
    }

    private static byte[] shifts() {
        byte[] shift = new byte[256];
        Arrays.fill(shift, (byte) WINDOW);
        for (byte[] name : new byte[][] {WEFT, EA_ASYNC}) {
            for (int j = 0; j < WINDOW - 1; j++) {
                shift[name[j] & 0xFF] = (byte) Math.min(shift[name[j] & 0xFF], WINDOW - 1 - j);
            }
        }
        return shift;
    }
}
