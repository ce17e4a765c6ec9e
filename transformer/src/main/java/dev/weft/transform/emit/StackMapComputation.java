package dev.weft.transform.emit;

import dev.weft.transform.analyse.ClassHierarchy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Computes the JVM's stack map frames and maximums for the methods the rewrite made, in one
 * scratch class per rewritten class, so that the frames of every method it did not touch stay
 * exactly as the compiler wrote them.
 *
 * <p>The class is then written by a writer that starts from the scratch class's constant pool
 * ({@link #writer}): each framed method's bytes are copied into it as they are, neither read back
 * nor encoded a second time.
 */
public final class StackMapComputation {
    private final ClassNode owner;
    private final ClassHierarchy hierarchy;
    private final ClassWriter scratch;
    private final List<MethodNode> methods = new ArrayList<>();
    private ClassReader framed;

    /** A computation for the methods the rewrite adds to {@code owner}. */
    public StackMapComputation(ClassNode owner, ClassHierarchy hierarchy) {
        this.owner = owner;
        this.hierarchy = hierarchy;
        this.scratch = scratchClass(owner, hierarchy);
    }

    /**
     * Computes {@code method}'s frames now (a class the merges need and cannot find fails here,
     * for this method alone) and returns the method to add to the class in its place.
     */
    public MethodNode add(MethodNode method) {
        method.accept(scratch);
        methods.add(method);
        return new StackMappedMethod(method, this);
    }

    /**
     * The methods added so far that are larger than the JVM allows once framed, by name, with the
     * size of their code: computed one at a time, only when the class has problems to report.
     */
    public Map<String, Integer> tooLarge() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (MethodNode method : methods) {
            ClassWriter alone = scratchClass(owner, hierarchy);
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
     * The writer for the whole rewritten class, holding the framed methods' constants; write the
     * class into it directly (with no visitor in between), so the framed methods are copied.
     *
     * @throws MethodTooLargeException when a framed method is larger than the JVM allows
     */
    public ClassWriter writer() {
        framed = new ClassReader(scratch.toByteArray());
        return new HierarchyClassWriter(framed, hierarchy);
    }

    /** The scratch class, as read for {@link #writer}: null before. */
    ClassReader framed() {
        return framed;
    }

    private static ClassWriter scratchClass(ClassNode owner, ClassHierarchy hierarchy) {
        ClassWriter scratch = new HierarchyClassWriter(ClassWriter.COMPUTE_FRAMES, hierarchy);
        scratch.visit(owner.version, owner.access, owner.name, null, owner.superName, owner.interfaces.toArray(new String[0]));
        return scratch;
    }
}
