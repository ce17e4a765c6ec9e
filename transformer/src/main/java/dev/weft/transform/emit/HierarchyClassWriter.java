package dev.weft.transform.emit;

import dev.weft.transform.analyse.ClassHierarchy;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/**
 * A {@link ClassWriter} that computes frames with super classes read from class files, loading
 * nothing. It is used for every class the rewrite writes: even without {@code COMPUTE_FRAMES},
 * ASM recomputes frames when a method grows past 32 KB and needs wide jumps.
 */
public final class HierarchyClassWriter extends ClassWriter {
    /**
     * javac copies every {@code finally} block onto each exit, so a legal method can exceed ASM's
     * default guard against pathological input (10 MB); a build tool may spend more on a real one.
     */
    private static final int MAX_MEMORY = 1 << 30;
    private static final long MAX_OPERATIONS = 20_000_000_000L;

    private final ClassHierarchy hierarchy;

    /** A writer with ASM's {@code flags} that merges types through {@code hierarchy}. */
    public HierarchyClassWriter(int flags, ClassHierarchy hierarchy) {
        super(flags);
        this.hierarchy = hierarchy;
        setComputeLimits(MAX_MEMORY, MAX_OPERATIONS);
    }

    /**
     * A writer that computes nothing and starts from {@code constants}' constant pool, so that a
     * method read from {@code constants} and visited straight into it is copied byte for byte.
     */
    public HierarchyClassWriter(ClassReader constants, ClassHierarchy hierarchy) {
        super(constants, 0);
        this.hierarchy = hierarchy;
        setComputeLimits(MAX_MEMORY, MAX_OPERATIONS);
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        return hierarchy.commonSuperClass(type1, type2);
    }
}
