package dev.weft.transform.analyse;

/**
 * The analysis needs the super classes of a class whose class file the rewrite cannot find (to
 * merge the types a local or stack value takes on two paths): the classpath given to the rewrite
 * lacks it.
 */
public final class MissingClassException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String internalName;

    public MissingClassException(String internalName) {
        super("no class file for " + internalName.replace('/', '.'));
        this.internalName = internalName;
    }

    /** The binary name of the missing class, with dots. */
    public String className() {
        return internalName.replace('/', '.');
    }
}
