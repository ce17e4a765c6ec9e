package dev.weft;

/**
 * Raised inside a greenlet to make it finish, as greenlet's {@code GreenletExit}: by
 * {@link Greenlet#throwIn()}, and by Weft itself in a suspended greenlet that its program threw
 * away unfinished (no reference to it is left), so that its {@code finally} blocks run and its
 * thread ends.
 *
 * <p>A greenlet that lets it escape finishes normally: its parent's switch returns the
 * {@code GreenletExit} object as the value, instead of raising it. Like Python's
 * {@code BaseException} (and {@link GeneratorExit}), it is not an {@link Exception}, so
 * {@code catch (Exception e)} does not swallow it.
 */
public class GreenletExit extends Error {
    private static final long serialVersionUID = 1L;

    /** A {@code GreenletExit} with no message. */
    public GreenletExit() {
        super();
    }

    /**
     * A {@code GreenletExit} with a message.
     *
     * @param message why the greenlet is being ended
     */
    public GreenletExit(String message) {
        super(message);
    }
}
