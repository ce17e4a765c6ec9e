package dev.weft;

import java.util.List;

/**
 * Python's {@code asyncio.Transport}: one TCP connection served by the loop, seen by its
 * {@link Protocol}. {@link #write} never blocks: what the socket does not take at once is
 * buffered and sent when it is writable; the protocol is told to pause writing above the
 * high-water mark ({@link #setWriteBufferLimits}).
 */
public interface Transport extends BaseTransport {
    /**
     * Sends {@code data}: at once if nothing is buffered and the socket takes it, else it is
     * copied into the buffer. An empty array does nothing. After the connection is lost the
     * data is dropped silently (as asyncio, which logs a warning after 5 such writes).
     *
     * @param data the bytes to send; the caller may reuse the array when this returns
     * @throws IllegalStateException after {@link #writeEof()} (asyncio's RuntimeError)
     */
    void write(byte[] data);

    /**
     * Sends each array of {@code chunks} in turn, as {@link #write} would.
     *
     * @param chunks the byte arrays to send
     * @throws IllegalStateException after {@link #writeEof()}
     */
    void writelines(List<byte[]> chunks);

    /**
     * Closes the write side once the buffer is sent (TCP half close); reading goes on. Python's
     * {@code write_eof()}; after it, {@link #write} throws.
     */
    void writeEof();

    /**
     * Whether {@link #writeEof()} is supported: always true for TCP.
     *
     * @return true
     */
    boolean canWriteEof();

    /** Stops calling {@link Protocol#dataReceived} until {@link #resumeReading()}. Does nothing if paused or closing. */
    void pauseReading();

    /** Calls {@link Protocol#dataReceived} again after {@link #pauseReading()}. Does nothing unless paused. */
    void resumeReading();

    /**
     * Whether the transport delivers data: neither paused nor closing.
     *
     * @return whether reading is on
     */
    boolean isReading();
}
