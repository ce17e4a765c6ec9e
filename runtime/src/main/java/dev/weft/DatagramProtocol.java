package dev.weft;

import java.net.InetSocketAddress;

/**
 * Python's {@code asyncio.DatagramProtocol}: the callbacks a {@link DatagramTransport} (UDP)
 * calls, on the loop's thread. Every method has a no-op default.
 */
public interface DatagramProtocol extends BaseProtocol {
    /**
     * The endpoint is ready: Python's {@code connection_made(transport)}.
     *
     * @param transport the endpoint's transport, to send with and close
     */
    default void connectionMade(DatagramTransport transport) {
    }

    /**
     * A datagram arrived: Python's {@code datagram_received(data, addr)}.
     *
     * @param data the datagram's bytes (the protocol's to keep), possibly empty
     * @param address who sent it
     */
    default void datagramReceived(byte[] data, InetSocketAddress address) {
    }

    /**
     * A send or receive failed, the endpoint stays open: Python's {@code error_received(exc)}.
     * On a connected endpoint, a {@link java.net.PortUnreachableException} says that the peer's
     * port is closed, where the system reports it (ICMP).
     *
     * @param exc the error
     */
    default void errorReceived(Exception exc) {
    }
}
