package dev.weft;

/**
 * Thrown at a generator's suspension point by {@link Generator#close()}, as Python raises
 * {@code GeneratorExit}.
 *
 * <p>Like Python's {@code BaseException} it is not an {@link Exception}, so
 * {@code catch (Exception e)} does not swallow it; {@code finally} blocks and
 * try-with-resources run as the generator unwinds. A generator that catches it must finish
 * (return, or throw): yielding again makes {@code close()} throw
 * {@link IllegalStateException} ("generator ignored GeneratorExit").
 */
public class GeneratorExit extends Error {
    private static final long serialVersionUID = 1L;

    /** A {@code GeneratorExit} with no message. */
    public GeneratorExit() {
        super();
    }

    /**
     * A {@code GeneratorExit} with a message.
     *
     * @param message why the generator is being closed
     */
    public GeneratorExit(String message) {
        super(message);
    }
}
