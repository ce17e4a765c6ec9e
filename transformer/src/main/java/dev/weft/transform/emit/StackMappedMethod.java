package dev.weft.transform.emit;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * A method whose stack map frames were computed in a scratch class, kept as that class's bytes: writing it
 * replays them straight from a {@link ClassReader} into the class being written, rather than
 * building a tree of its instructions only to walk that tree once. It holds the method's name,
 * descriptor and access for whoever looks at the class's methods, but no code.
 */
final class StackMappedMethod extends MethodNode {
    private final byte[] scratchClass;

    StackMappedMethod(MethodNode method, byte[] scratchClass) {
        super(Opcodes.ASM9, method.access, method.name, method.desc, method.signature,
                method.exceptions.toArray(new String[0]));
        this.scratchClass = scratchClass;
    }

    @Override
    public void accept(ClassVisitor classVisitor) {
        new ClassReader(scratchClass).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return classVisitor.visitMethod(access, name, descriptor, signature, exceptions);
            }
        }, 0);
    }
}
