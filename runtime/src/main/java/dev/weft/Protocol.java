package dev.weft;

/**
 * Python's {@code asyncio.Protocol}: the callbacks a stream {@link Transport} (TCP) calls, on the
 * loop's thread, in this order: {@link #connectionMade} once, {@link #dataReceived} any number
 * of times, {@link #eofReceived} at most once, {@link #connectionLost} once. Every method has a
 * no-op default.
 *
 * <pre>{@code
 * final class Echo implements Protocol {
 *     private Transport transport;
 *     public void connectionMade(Transport t) { transport = t; }
 *     public void dataReceived(byte[] data) { transport.write(data); }
 * }
 * Server server = await(getRunningLoop().createServer(Echo::new, "127.0.0.1", 0));
 * }</pre>
 */
public interface Protocol extends BaseProtocol {
    /**
     * The connection is made: Python's {@code connection_made(transport)}.
     *
     * @param transport the connection's transport, to write to and close
     */
    default void connectionMade(Transport transport) {
    }

    /**
     * Bytes arrived: Python's {@code data_received(data)}. The array is the protocol's to keep
     * (a fresh copy out of the loop's read buffer, as asyncio gives immutable {@code bytes}), so
     * a protocol may store or hand it on without copying; a view of the loop's reusable buffer
     * would be overwritten by the next read of any connection.
     *
     * @param data the bytes received, never empty
     */
    default void dataReceived(byte[] data) {
    }

    /**
     * The peer ended its side (end of stream): Python's {@code eof_received()}. Return false (the
     * default) to have the transport close itself; true to keep the write side open and close
     * it later.
     *
     * @return whether to keep the connection open for writing
     */
    default boolean eofReceived() {
        return false;
    }
}
