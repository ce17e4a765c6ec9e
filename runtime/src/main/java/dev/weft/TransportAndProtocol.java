package dev.weft;

/**
 * What {@link EventLoop#createConnection} and {@link EventLoop#createDatagramEndpoint} give:
 * the transport and the protocol of the new connection, asyncio's {@code (transport, protocol)}
 * tuple.
 *
 * @param <T> the transport's type
 * @param <P> the protocol's type
 */
public final class TransportAndProtocol<T extends BaseTransport, P extends BaseProtocol> {
    private final T transport;
    private final P protocol;

    TransportAndProtocol(T transport, P protocol) {
        this.transport = transport;
        this.protocol = protocol;
    }

    /**
     * The transport.
     *
     * @return the connection's transport
     */
    public T transport() {
        return transport;
    }

    /**
     * The protocol the factory made.
     *
     * @return the connection's protocol
     */
    public P protocol() {
        return protocol;
    }

    @Override
    public String toString() {
        return "(" + transport + ", " + protocol + ")";
    }
}
