package dev.weft.transform.report;

/**
 * One rewritten {@code @Async} method: its name and descriptor, how many suspension points it
 * has, and the size of the state saved across them (the most live slots at any one point).
 */
public final class RewrittenMethod {
    private final String name;
    private final String descriptor;
    private final int suspensionPoints;
    private final int savedReferences;
    private final int savedPrimitives;

    public RewrittenMethod(String name, String descriptor, int suspensionPoints, int savedReferences, int savedPrimitives) {
        this.name = name;
        this.descriptor = descriptor;
        this.suspensionPoints = suspensionPoints;
        this.savedReferences = savedReferences;
        this.savedPrimitives = savedPrimitives;
    }

    public String name() {
        return name;
    }

    public String descriptor() {
        return descriptor;
    }

    /** The number of markers ({@code yield}, {@code yieldFrom}, {@code await}) in the body. */
    public int suspensionPoints() {
        return suspensionPoints;
    }

    /** The reference slots of the saved state. */
    public int savedReferences() {
        return savedReferences;
    }

    /** The primitive slots of the saved state (8 bytes each). */
    public int savedPrimitives() {
        return savedPrimitives;
    }

    @Override
    public String toString() {
        return name + descriptor + ": " + suspensionPoints + " suspension points, saves "
                + savedReferences + " references and " + savedPrimitives + " primitives";
    }
}
