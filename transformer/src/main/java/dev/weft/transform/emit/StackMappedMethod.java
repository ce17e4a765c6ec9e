package dev.weft.transform.emit;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * A method already written, with its stack map frames, into the writer of
 * {@link StackMapComputation#writer}: writing the class into that writer writes nothing more for
 * it. It holds the method's name, descriptor and access for whoever looks at the class's methods,
 * but no code.
 */
final class StackMappedMethod extends MethodNode {
    private final ClassWriter writer;

    StackMappedMethod(MethodNode method, ClassWriter writer) {
        super(Opcodes.ASM9, method.access, method.name, method.desc, method.signature,
                method.exceptions.toArray(new String[0]));
        this.writer = writer;
    }

    @Override
    public void accept(ClassVisitor classVisitor) {
        if (classVisitor != writer) {
            throw new IllegalStateException("write the class into StackMapComputation.writer()");
        }
    }
}
