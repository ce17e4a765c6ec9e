package dev.weft.transform.prepare;

import dev.weft.transform.find.Marker;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * {@code await(x, IOException.class)} names a checked exception only so that javac accepts a
 * {@code catch} of it around the {@code await}: the class argument is dropped ({@code pop}) and
 * the call becomes the plain {@code await(x)}, which raises whatever {@code x} failed with.
 * Runs first, so every later step sees only the plain markers.
 */
public final class NamedThrows {
    private NamedThrows() {
    }

    /** Replaces each {@code await(x, Class)} of {@code method} by {@code pop} and {@code await(x)}. */
    public static void apply(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions.toArray()) {
            Marker m = Marker.of(insn);
            Marker plain = m == null ? null : m.plainAwait();
            if (plain == null) {
                continue;
            }
            MethodInsnNode call = (MethodInsnNode) insn;
            method.instructions.insertBefore(call, new InsnNode(Opcodes.POP));
            call.desc = plain.descriptor();
        }
    }
}
