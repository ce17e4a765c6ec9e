package dev.weft.transform.emit;

import dev.weft.transform.analyse.ClassHierarchy;
import dev.weft.transform.report.MethodBudget;
import org.objectweb.asm.ClassWriter;

/**
 * A {@link ClassWriter} that computes frames with super classes read from class files, loading
 * nothing. It is used for every class the rewrite writes: even without {@code COMPUTE_FRAMES},
 * ASM recomputes frames when a method grows past 32 KB and needs wide jumps.
 */
public final class HierarchyClassWriter extends ClassWriter {
    private final ClassHierarchy hierarchy;

    /** A writer with ASM's {@code flags} that merges types through {@code hierarchy}. */
    public HierarchyClassWriter(int flags, ClassHierarchy hierarchy) {
        super(flags);
        this.hierarchy = hierarchy;
        MethodBudget.of(this);
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        return hierarchy.commonSuperClass(type1, type2);
    }
}
