package dev.weft.transform.analyse;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.SimpleVerifier;

/**
 * Infers the class of every local and stack value, merging at join points as the JVM verifier
 * does, with super classes read from class files by {@link ClassHierarchy}: no class is loaded.
 *
 * <p>It infers and does not verify: the input came from a compiler and the JVM verifies the output.
 */
final class HierarchyTypes extends SimpleVerifier {
    private final ClassHierarchy hierarchy;

    HierarchyTypes(ClassHierarchy hierarchy, Type currentClass, Type superClass, List<Type> interfaces, boolean isInterface) {
        super(Opcodes.ASM9, currentClass, superClass, interfaces, isInterface);
        this.hierarchy = hierarchy;
    }

    @Override
    protected boolean isSubTypeOf(BasicValue value, BasicValue expected) {
        return true;
    }

    @Override
    protected boolean isInterface(Type type) {
        return type.getSort() == Type.OBJECT && hierarchy.isInterface(type.getInternalName());
    }

    @Override
    protected Type getSuperClass(Type type) {
        if (type.getSort() == Type.ARRAY) {
            return Type.getObjectType("java/lang/Object");
        }
        if (!hierarchy.knows(type.getInternalName())) {
            throw new MissingClassException(type.getInternalName()); // ASM would fail on a null super class
        }
        return hierarchy.superClass(type.getInternalName()).map(Type::getObjectType).orElse(null);
    }

    @Override
    protected boolean isAssignableFrom(Type to, Type from) {
        if (to.equals(from)) {
            return true;
        }
        if (to.getSort() == Type.OBJECT && to.getInternalName().equals("java/lang/Object")) {
            return true;
        }
        if (to.getSort() == Type.ARRAY) {
            if (from.getSort() != Type.ARRAY) {
                return false;
            }
            Type toElement = componentOf(to);
            Type fromElement = componentOf(from);
            boolean refs = isReference(toElement) && isReference(fromElement);
            return refs ? isAssignableFrom(toElement, fromElement) : toElement.equals(fromElement);
        }
        if (to.getSort() != Type.OBJECT) {
            return false;
        }
        if (from.getSort() == Type.ARRAY) {
            String name = to.getInternalName();
            return name.equals("java/lang/Cloneable") || name.equals("java/io/Serializable");
        }
        if (from.getSort() != Type.OBJECT) {
            return false;
        }
        return hierarchy.isAssignable(to.getInternalName(), from.getInternalName());
    }

    @Override
    protected Class<?> getClass(Type type) {
        throw new UnsupportedOperationException("the rewrite never loads classes: " + type);
    }

    private static Type componentOf(Type array) {
        return Type.getType(array.getDescriptor().substring(1));
    }

    private static boolean isReference(Type t) {
        return t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY;
    }
}
