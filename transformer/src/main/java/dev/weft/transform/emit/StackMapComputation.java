package dev.weft.transform.emit;

import dev.weft.transform.analyse.ClassHierarchy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Computes the JVM's stack map frames and maximums for the methods the rewrite made, and for them
 * alone, so that the frames of every method it did not touch stay exactly as the compiler wrote
 * them.
 *
 * <p>Each made method is written at once into the writer of the whole rewritten class
 * ({@link #writer}), with ASM's {@code COMPUTE_FRAMES} switched on for that method only
 * ({@link ClassWriter#setFlags}); the rest of the class is written into the same writer afterwards
 * with nothing computed. A made method is so encoded once, with no scratch class to copy from.
 */
public final class StackMapComputation {
    private final ClassNode owner;
    private final ClassHierarchy hierarchy;
    private final ClassWriter writer;
    private final List<MethodNode> methods = new ArrayList<>();

    /** A computation for the methods the rewrite adds to {@code owner}. */
    public StackMapComputation(ClassNode owner, ClassHierarchy hierarchy) {
        this.owner = owner;
        this.hierarchy = hierarchy;
        this.writer = classWriter(owner, hierarchy, 0);
    }

    /**
     * Computes {@code method}'s frames now, writing it into the class's writer (a class the merges
     * need and cannot find fails here, for this method alone), and returns the method to add to
     * the class in its place.
     */
    public MethodNode add(MethodNode method) {
        writer.setFlags(ClassWriter.COMPUTE_FRAMES);
        try {
            method.accept(writer);
        } finally {
            writer.setFlags(0);
        }
        methods.add(method);
        return new StackMappedMethod(method, writer);
    }

    /**
     * The methods added so far that are larger than the JVM allows once framed, by name, with the
     * size of their code: computed one at a time, only when the class has problems to report.
     */
    public Map<String, Integer> tooLarge() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (MethodNode method : methods) {
            ClassWriter alone = classWriter(owner, hierarchy, ClassWriter.COMPUTE_FRAMES);
            method.accept(alone);
            try {
                alone.toByteArray();
            } catch (MethodTooLargeException e) {
                sizes.put(method.name, e.getCodeSize());
            }
        }
        return sizes;
    }

    /**
     * The writer for the whole rewritten class, which already holds the framed methods: write the
     * class into it directly (with no visitor in between); the framed methods write nothing more.
     */
    public ClassWriter writer() {
        return writer;
    }

    /**
     * A writer that knows {@code owner}'s name and version, which the frames need. The class's own
     * {@code accept} visits the same header again, with its signature: ClassWriter keeps the last.
     */
    private static ClassWriter classWriter(ClassNode owner, ClassHierarchy hierarchy, int flags) {
        ClassWriter writer = new HierarchyClassWriter(flags, hierarchy);
        writer.visit(owner.version, owner.access, owner.name, null, owner.superName, owner.interfaces.toArray(new String[0]));
        return writer;
    }
}
