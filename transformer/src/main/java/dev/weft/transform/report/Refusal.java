package dev.weft.transform.report;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Makes the {@link Problem} of a refusal, located where the user wrote the code: the one place
 * that the checks, the preparing passes and the rewrite's driver make refusals, so all read alike.
 */
public final class Refusal {
    private Refusal() {
    }

    /** A refusal of {@code cls} as a whole. */
    public static Problem ofClass(ClassNode cls, String message) {
        return new Problem(className(cls), cls.sourceFile, null, 0, message);
    }

    /** A refusal of {@code method} at its first source line. */
    public static Problem ofMethod(ClassNode cls, MethodNode method, String message) {
        return at(cls, method, SourceLocation.firstLine(method), message);
    }

    /** A refusal of {@code method} at source line {@code line} (0 when the class file has none). */
    public static Problem at(ClassNode cls, MethodNode method, int line, String message) {
        return new Problem(className(cls), cls.sourceFile, SourceLocation.display(method), line, message);
    }

    /**
     * A refusal of {@code method}'s declaration (a modifier, the return type): at the body's first
     * line, marked so that a batch that has the source moves it up to the declaration.
     */
    public static Problem ofDeclaration(ClassNode cls, MethodNode method, String message) {
        return Problem.ofDeclaration(className(cls), cls.sourceFile, SourceLocation.display(method),
                SourceLocation.firstLine(method), message);
    }

    /** A refusal at the source line of {@code insn}, or at the method's first line when no line comes before it. */
    public static Problem near(ClassNode cls, MethodNode method, AbstractInsnNode insn, String message) {
        int line = SourceLocation.lineOf(insn);
        return at(cls, method, line > 0 ? line : SourceLocation.firstLine(method), message);
    }

    /** A refusal of the method named {@code name} (as the class file spells it) when its code is gone: line 0. */
    public static Problem ofMethodNamed(ClassNode cls, String name, String message) {
        return new Problem(className(cls), cls.sourceFile, name, 0, message);
    }

    private static String className(ClassNode cls) {
        return cls.name.replace('/', '.');
    }
}
