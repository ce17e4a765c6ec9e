package dev.weft.transform.emit;

import dev.weft.transform.analyse.ClassHierarchy;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Computes the JVM's stack map frames and maximums for the methods the rewrite made, one method at a time
 * in a scratch class, so that the frames of every method it did not touch stay exactly as the
 * compiler wrote them.
 */
public final class StackMapComputation {
    private StackMapComputation() {
    }

    /** {@code method} of {@code owner} with frames and maximums computed, to be written as it is. */
    public static MethodNode of(ClassNode owner, MethodNode method, ClassHierarchy hierarchy) {
        ClassWriter scratch = new HierarchyClassWriter(ClassWriter.COMPUTE_FRAMES, hierarchy);
        scratch.visit(owner.version, owner.access, owner.name, null, owner.superName, owner.interfaces.toArray(new String[0]));
        method.accept(scratch);
        scratch.visitEnd();
        return new StackMappedMethod(method, scratch.toByteArray());
    }
}
