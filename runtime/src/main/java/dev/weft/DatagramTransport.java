package dev.weft;

import java.net.InetSocketAddress;

/**
 * Python's {@code asyncio.DatagramTransport}: one UDP endpoint served by the loop, seen by its
 * {@link DatagramProtocol}. Sending never blocks: a datagram the socket cannot take now is
 * buffered, whole, and sent when it is writable.
 */
public interface DatagramTransport extends BaseTransport {
    /**
     * Sends one datagram to {@code address}. An error sending (for example
     * {@link java.net.PortUnreachableException} on a connected endpoint) goes to
     * {@link DatagramProtocol#errorReceived}. An empty array sends nothing: {@code java.nio} cannot
     * send an empty datagram (Python 3.13 sends one; Python 3.12 did not either).
     *
     * @param data the datagram; the caller may reuse the array when this returns
     * @param address where to send it; on a connected endpoint null or the remote address
     * @throws IllegalArgumentException if the endpoint is connected and {@code address} is another one
     */
    void sendto(byte[] data, InetSocketAddress address);

    /**
     * Sends one datagram to the remote address of a connected endpoint.
     *
     * @param data the datagram
     * @throws IllegalStateException if the endpoint is not connected
     */
    void sendto(byte[] data);
}
