package dev.weft.transform.api;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * What makes a class file unreadable, in the user's words: empty, truncated, not a class file, or
 * of a class file version newer than the ASM inside this Weft knows.
 */
final class UnreadableClass {
    private static final int MAGIC = 0xCAFEBABE;
    /** Magic, minor and major version. */
    private static final int HEADER = 8;

    private UnreadableClass() {
    }

    /** What is wrong with the first bytes of {@code classFile}, or {@code null}: a quick look, before any reading. */
    static String inHeader(byte[] classFile) {
        if (classFile.length == 0) {
            return "empty class file";
        }
        for (int i = 0; i < Math.min(4, classFile.length); i++) {
            if ((classFile[i] & 0xff) != ((MAGIC >>> (24 - 8 * i)) & 0xff)) {
                return "not a class file (it does not start with 0xCAFEBABE)";
            }
        }
        if (classFile.length < HEADER + 2) {
            return "truncated class file";
        }
        return null;
    }

    /** What is wrong with {@code classFile}, or {@code null} when ASM reads all of it. */
    static String whatIsWrong(byte[] classFile) {
        String header = inHeader(classFile);
        if (header != null) {
            return header;
        }
        int major = ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
        try {
            new ClassReader(classFile).accept(new ClassNode(), 0);
            return null;
        } catch (IllegalArgumentException e) {
            if (String.valueOf(e.getMessage()).startsWith("Unsupported class file")) {
                return "class file version " + major + " (Java " + (major - 44) + ") is newer than this Weft reads";
            }
            return "corrupt class file (" + e.getMessage() + ")";
        } catch (ArrayIndexOutOfBoundsException | StringIndexOutOfBoundsException e) {
            return "truncated class file";
        } catch (RuntimeException e) {
            return "corrupt class file (" + e + ")";
        }
    }
}
