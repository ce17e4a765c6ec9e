package dev.weft;

/**
 * Python's {@code asyncio.BaseTransport}: what every transport of the loop can do. A transport
 * belongs to its loop: call it on the loop's thread.
 */
public interface BaseTransport {
    /**
     * Closes the transport: what is buffered is still sent, then the protocol's
     * {@link BaseProtocol#connectionLost} is called with null (in a later loop iteration).
     * Closing twice does nothing.
     */
    void close();

    /**
     * Whether the transport is closing or closed: Python's {@code is_closing()}.
     *
     * @return whether {@link #close()} or {@link #abort()} was called, or the connection was lost
     */
    boolean isClosing();

    /**
     * Closes the transport at once, dropping what is buffered; the protocol's
     * {@link BaseProtocol#connectionLost} is called with null.
     */
    void abort();

    /**
     * Python's {@code get_extra_info(name)}: {@code "peername"} and {@code "sockname"} (an
     * {@link java.net.InetSocketAddress}, an {@link AddressTuple} on a stream socket, printed as
     * Python prints the tuple; {@code "peername"} null on an unconnected datagram
     * endpoint), {@code "socket"} (the {@code java.nio} channel: use it only to read options).
     *
     * @param name what to get
     * @return the value, or null if the transport has no such information
     */
    Object getExtraInfo(String name);

    /**
     * The bytes buffered, waiting for the socket: Python's {@code get_write_buffer_size()}.
     *
     * @return how many bytes wait to be sent
     */
    int getWriteBufferSize();

    /**
     * Python's {@code set_write_buffer_limits(high, low)}: the protocol's
     * {@link BaseProtocol#pauseWriting} is called when the buffer goes above {@code high}, and
     * {@link BaseProtocol#resumeWriting} when it drains to {@code low}. The defaults are 64 KiB
     * and 16 KiB; {@code -1} for {@code high} means 4 times {@code low} (64 KiB if both are -1),
     * {@code -1} for {@code low} a quarter of {@code high}.
     *
     * @param high the high-water mark in bytes, or -1
     * @param low the low-water mark in bytes, or -1
     * @throws IllegalArgumentException unless {@code high >= low >= 0} once the defaults are applied
     */
    void setWriteBufferLimits(int high, int low);

    /**
     * The water marks in force: Python's {@code get_write_buffer_limits()}.
     *
     * @return {@code {low, high}}
     */
    int[] getWriteBufferLimits();
}
