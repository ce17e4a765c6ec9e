package dev.weft;

import java.nio.ByteBuffer;

/**
 * The loop's own protocols (the streams', TLS's) take the bytes read as a view of the loop's read
 * buffer and copy them once into their own buffer: asyncio's {@code BufferedProtocol} idea
 * ({@code get_buffer}/{@code buffer_updated}) without a buffer per connection, which an idle
 * connection would hold. A user's {@link Protocol} still gets a fresh array it may keep.
 */
interface BufferedProtocol {
    /**
     * Bytes arrived: {@code data}'s remaining bytes, never none. The view is valid during the
     * call only (the next read of any connection overwrites it): copy what is kept.
     *
     * @param data the bytes received, between position and limit
     */
    void bufferUpdated(ByteBuffer data);

    /**
     * The buffered path into {@code protocol}, or null when it takes arrays (a user's protocol).
     *
     * @param protocol the transport's protocol
     * @return the path, or null
     */
    static BufferedProtocol of(Protocol protocol) {
        if (protocol instanceof BufferedProtocol) {
            return (BufferedProtocol) protocol;
        }
        return StreamReaderProtocol.buffered(protocol);
    }
}
