package dev.weft.transform.property;

/** The exception the random programs throw, and the consumer throws in, with an int payload to compare. */
public final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public final int v;

    public Boom(int v) {
        super(null, null, false, false);
        this.v = v;
    }

    @Override
    public String getMessage() {
        return "boom " + v;
    }
}
