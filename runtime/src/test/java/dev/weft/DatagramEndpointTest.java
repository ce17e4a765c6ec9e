package dev.weft;

import static dev.weft.Sockets.HOST;
import static dev.weft.Sockets.runUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code loop.create_datagram_endpoint}: CPython's {@code test_events.py} datagram cases
 * ({@code test_create_datagram_endpoint}, the connected variant) and the unreachable port
 * reported to {@code error_received}, on 127.0.0.1.
 */
class DatagramEndpointTest {
    private final EventLoop loop = EventLoop.create();
    private final Sockets sockets = new Sockets();

    @AfterEach
    void closeAll() {
        sockets.closeAndCheck(loop);
    }

    /** CPython's {@code MyDatagramProto}: records, and the server side echoes "resp:" + data. */
    static class Recording implements DatagramProtocol {
        final List<String> events = new ArrayList<>();
        final List<String> received = new ArrayList<>();
        final List<Exception> errors = new ArrayList<>();
        DatagramTransport transport;
        boolean echo;
        boolean lost;

        @Override
        public void connectionMade(DatagramTransport t) {
            transport = t;
            events.add("made");
        }

        @Override
        public void datagramReceived(byte[] data, InetSocketAddress address) {
            received.add(new String(data));
            if (echo) {
                transport.sendto(("resp:" + new String(data)).getBytes(), address);
            }
        }

        @Override
        public void errorReceived(Exception exc) {
            errors.add(exc);
        }

        @Override
        public void connectionLost(Throwable exc) {
            lost = true;
            events.add("lost");
        }
    }

    private TransportAndProtocol<DatagramTransport, Recording> endpoint(InetSocketAddress local, InetSocketAddress remote,
            boolean echo) {
        TransportAndProtocol<DatagramTransport, Recording> tp = loop.runUntilComplete(loop.createDatagramEndpoint(() -> {
            Recording r = new Recording();
            r.echo = echo;
            return r;
        }, local, remote));
        sockets.track((DatagramChannel) tp.transport().getExtraInfo("socket"));
        return tp;
    }

    @Test
    void test_create_datagram_endpoint() {
        TransportAndProtocol<DatagramTransport, Recording> server = endpoint(new InetSocketAddress(HOST, 0), null, true);
        InetSocketAddress serverAddress = (InetSocketAddress) server.transport().getExtraInfo("sockname");
        assertThat(server.transport().getExtraInfo("peername")).isNull();
        TransportAndProtocol<DatagramTransport, Recording> client = endpoint(null, serverAddress, false);
        assertThat(client.protocol().events).containsExactly("made");
        assertThat(client.transport().getExtraInfo("peername")).isEqualTo(serverAddress);
        client.transport().sendto("xxx".getBytes());
        runUntil(loop, 5, () -> client.protocol().received.size() == 1);
        assertThat(server.protocol().received).containsExactly("xxx");
        assertThat(client.protocol().received).containsExactly("resp:xxx");
        client.transport().close();
        server.transport().close();
        runUntil(loop, 5, () -> client.protocol().lost && server.protocol().lost);
        assertThat(client.protocol().events).containsExactly("made", "lost");
    }

    @Test
    void test_create_datagram_endpoint_unconnected_sendto_needs_an_address() {
        TransportAndProtocol<DatagramTransport, Recording> server = endpoint(new InetSocketAddress(HOST, 0), null, true);
        TransportAndProtocol<DatagramTransport, Recording> client = endpoint(new InetSocketAddress(HOST, 0), null, false);
        assertThatThrownBy(() -> client.transport().sendto("x".getBytes())).isInstanceOf(IllegalStateException.class);
        client.transport().sendto("yy".getBytes(), (InetSocketAddress) server.transport().getExtraInfo("sockname"));
        runUntil(loop, 5, () -> client.protocol().received.size() == 1);
        assertThat(client.protocol().received).containsExactly("resp:yy");
    }

    @Test
    void test_sendto_other_address_on_a_connected_endpoint_raises() {
        TransportAndProtocol<DatagramTransport, Recording> server = endpoint(new InetSocketAddress(HOST, 0), null, true);
        InetSocketAddress serverAddress = (InetSocketAddress) server.transport().getExtraInfo("sockname");
        TransportAndProtocol<DatagramTransport, Recording> client = endpoint(null, serverAddress, false);
        assertThatThrownBy(() -> client.transport().sendto("x".getBytes(), new InetSocketAddress(HOST, 9)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid address");
        client.transport().sendto("ok".getBytes(), serverAddress);
        runUntil(loop, 5, () -> server.protocol().received.size() == 1);
    }

    @Test
    void an_empty_datagram_sends_nothing() {
        TransportAndProtocol<DatagramTransport, Recording> server = endpoint(new InetSocketAddress(HOST, 0), null, true);
        TransportAndProtocol<DatagramTransport, Recording> client =
                endpoint(null, (InetSocketAddress) server.transport().getExtraInfo("sockname"), false);
        client.transport().sendto(new byte[0]);
        assertThat(client.transport().getWriteBufferSize()).isZero();
        client.transport().sendto("x".getBytes());
        runUntil(loop, 5, () -> client.protocol().received.size() == 1);
        assertThat(server.protocol().received).containsExactly("x");
    }

    @Test
    void an_unreachable_port_goes_to_errorReceived_on_a_connected_endpoint() {
        TransportAndProtocol<DatagramTransport, Recording> client =
                endpoint(null, new InetSocketAddress(HOST, closedUdpPort()), false);
        client.transport().sendto("anyone?".getBytes());
        runUntil(loop, 5, () -> !client.protocol().errors.isEmpty());
        assertThat(client.protocol().errors.get(0)).isInstanceOf(PortUnreachableException.class);
        assertThat(client.transport().isClosing()).isFalse(); // the endpoint goes on
        client.transport().sendto("again".getBytes());
        runUntil(loop, 5, () -> client.protocol().errors.size() == 2);
    }

    @Test
    void create_datagram_endpoint_needs_an_address() {
        assertThatThrownBy(() -> loop.createDatagramEndpoint(Recording::new, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int closedUdpPort() {
        try (DatagramChannel c = DatagramChannel.open()) {
            c.bind(new InetSocketAddress(HOST, 0));
            return ((InetSocketAddress) c.getLocalAddress()).getPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
