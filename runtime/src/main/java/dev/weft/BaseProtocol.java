package dev.weft;

/**
 * Python's {@code asyncio.BaseProtocol}: what every protocol hears from its transport, besides
 * the data. Every method has a no-op default; all are called on the loop's thread.
 */
public interface BaseProtocol {
    /**
     * The connection is lost or closed: Python's {@code connection_lost(exc)}. Called once, last.
     *
     * @param exc the error that ended it (an {@code IOException} for a reset), or null for a
     *     regular close or end of stream
     */
    default void connectionLost(Throwable exc) {
    }

    /**
     * The transport's write buffer went above its high-water mark: stop writing until
     * {@link #resumeWriting()}. Python's {@code pause_writing()}.
     */
    default void pauseWriting() {
    }

    /** The transport's write buffer drained to its low-water mark: write again. Python's {@code resume_writing()}. */
    default void resumeWriting() {
    }
}
