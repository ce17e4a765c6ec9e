package dev.weft.transform.emit;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * A method whose stack map frames were computed in its class's scratch class: writing it replays
 * that method from the scratch class, and into the writer of {@link StackMapComputation#writer},
 * which shares the scratch class's constants, ASM copies its bytes as they are. It holds the
 * method's name, descriptor and access for whoever looks at the class's methods, but no code.
 */
final class StackMappedMethod extends MethodNode {
    private final StackMapComputation frames;

    StackMappedMethod(MethodNode method, StackMapComputation frames) {
        super(Opcodes.ASM9, method.access, method.name, method.desc, method.signature,
                method.exceptions.toArray(new String[0]));
        this.frames = frames;
    }

    @Override
    public void accept(ClassVisitor classVisitor) {
        if (frames.framed() == null) {
            throw new IllegalStateException("write the class into StackMapComputation.writer()");
        }
        frames.framed().accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return name.equals(StackMappedMethod.this.name) && descriptor.equals(desc)
                        ? classVisitor.visitMethod(access, name, descriptor, signature, exceptions) : null;
            }
        }, 0);
    }
}
