package dev.weft;

import static dev.weft.Sockets.HOST;
import static dev.weft.Sockets.runUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code loop.create_connection} and {@code loop.create_server}: CPython's {@code test_events.py}
 * cases ({@code test_create_connection}, {@code test_create_server}, ...), server and client on
 * one loop, on 127.0.0.1.
 */
class CreateConnectionTest {
    private final EventLoop loop = EventLoop.create();
    private final Sockets sockets = new Sockets();
    private final List<RecordingProtocol> served = new ArrayList<>();

    @AfterEach
    void closeAll() {
        sockets.closeAndCheck(loop);
    }

    private Server echoServer() {
        Server server = loop.runUntilComplete(loop.createServer(() -> {
            RecordingProtocol p = new RecordingProtocol() {
                @Override
                public void dataReceived(byte[] data) {
                    super.dataReceived(data);
                    transport.write(data);
                }
            };
            served.add(p);
            return p;
        }, HOST, 0));
        return server;
    }

    private static int port(Server server) {
        return server.sockets().get(0).getPort();
    }

    private TransportAndProtocol<Transport, RecordingProtocol> connect(int port) {
        TransportAndProtocol<Transport, RecordingProtocol> tp =
                loop.runUntilComplete(loop.createConnection(RecordingProtocol::new, HOST, port));
        sockets.track((SocketChannel) tp.transport().getExtraInfo("socket"));
        return tp;
    }

    @Test
    void test_create_connection() {
        Server server = echoServer();
        TransportAndProtocol<Transport, RecordingProtocol> tp = connect(port(server));
        assertThat(tp.protocol().transport).isSameAs(tp.transport());
        assertThat(tp.protocol().events).containsExactly("made");
        tp.transport().write("hello".getBytes());
        runUntil(loop, 5, () -> tp.protocol().received.size() == 5);
        assertThat(tp.protocol().text()).isEqualTo("hello");
        assertThat(served).hasSize(1);
        assertThat(served.get(0).text()).isEqualTo("hello");
        assertThat(((InetSocketAddress) tp.transport().getExtraInfo("peername")).getPort()).isEqualTo(port(server));
        tp.transport().close();
        runUntil(loop, 5, () -> tp.protocol().lost && served.get(0).lost);
        assertThat(served.get(0).events).containsExactly("made", "data", "eof", "lost");
        server.close();
        loop.runUntilComplete(server.waitClosed());
    }

    @Test
    void test_create_connection_sock() throws Exception {
        Server server = echoServer();
        SocketChannel sock = SocketChannel.open();
        sockets.track(sock);
        sock.configureBlocking(false);
        loop.runUntilComplete(loop.sockConnect(sock, new InetSocketAddress(HOST, port(server))));
        TransportAndProtocol<Transport, RecordingProtocol> tp =
                loop.runUntilComplete(loop.createConnection(RecordingProtocol::new, sock));
        assertThat(tp.transport().getExtraInfo("socket")).isSameAs(sock);
        assertThat(tp.protocol().events).containsExactly("made");
        tp.transport().write("over an open socket".getBytes());
        runUntil(loop, 5, () -> tp.protocol().received.size() == 19);
        assertThat(tp.protocol().text()).isEqualTo("over an open socket");
        tp.transport().close();
        runUntil(loop, 5, () -> tp.protocol().lost && served.get(0).lost);
        assertThat(sock.isOpen()).as("the transport closes the socket it was given").isFalse();
        server.close();
        loop.runUntilComplete(server.waitClosed());
    }

    @Test
    void test_create_connection_sock_not_connected() throws Exception {
        try (SocketChannel sock = SocketChannel.open()) {
            assertThatThrownBy(() -> loop.createConnection(RecordingProtocol::new, sock))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not connected");
        }
    }

    @Test
    void test_create_connection_refused_raises_ConnectException() {
        int closed = Sockets.closedPort();
        Future<TransportAndProtocol<Transport, RecordingProtocol>> f = loop.createConnection(RecordingProtocol::new, HOST, closed);
        assertThatThrownBy(() -> loop.runUntilComplete(f)).isInstanceOf(ConnectException.class);
    }

    @Test
    void test_create_connection_unknown_host() {
        Future<TransportAndProtocol<Transport, RecordingProtocol>> f =
                loop.createConnection(RecordingProtocol::new, "no-such-host.invalid", 80);
        assertThatThrownBy(() -> loop.runUntilComplete(f)).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void test_create_connection_cancelled_closes_nothing_open() {
        Server server = echoServer();
        Future<TransportAndProtocol<Transport, RecordingProtocol>> f = loop.createConnection(RecordingProtocol::new, HOST, port(server));
        f.cancel();
        assertThatThrownBy(() -> loop.runUntilComplete(f)).isInstanceOf(CancellationException.class);
        server.close();
        loop.runUntilComplete(server.waitClosed());
    }

    @Test
    void test_create_server() {
        Server server = echoServer();
        assertThat(server.isServing()).isTrue();
        assertThat(server.sockets()).hasSize(1);
        InetSocketAddress address = server.sockets().get(0);
        assertThat(address.getAddress().getHostAddress()).isEqualTo(HOST);
        assertThat(address.getPort()).isPositive(); // port 0: a free one was chosen
        assertThat(server.getLoop()).isSameAs(loop);
        server.close();
        assertThat(server.isServing()).isFalse();
        assertThat(server.sockets()).isEmpty();
        server.close(); // twice: nothing
        loop.runUntilComplete(server.waitClosed());
        assertThatThrownBy(() -> loop.runUntilComplete(loop.createConnection(RecordingProtocol::new, HOST, address.getPort())))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void test_create_server_addr_in_use() {
        Server server = echoServer();
        Future<Server> again = loop.createServer(RecordingProtocol::new, HOST, port(server));
        assertThatThrownBy(() -> loop.runUntilComplete(again)).isInstanceOf(java.net.BindException.class)
                .hasMessageContaining("error while attempting to bind on address");
        server.close();
        loop.runUntilComplete(server.waitClosed());
    }

    @Test
    void test_create_server_start_serving_false_accepts_once_started() {
        Server server = loop.runUntilComplete(loop.createServer(() -> {
            RecordingProtocol p = new RecordingProtocol();
            served.add(p);
            return p;
        }, HOST, 0, false));
        assertThat(server.isServing()).isFalse();
        TransportAndProtocol<Transport, RecordingProtocol> tp = connect(port(server)); // queued by the system
        loop.runUntilComplete(loop.done(null));
        assertThat(served).isEmpty();
        server.startServing();
        runUntil(loop, 5, () -> served.size() == 1);
        tp.transport().close();
        server.close();
        loop.runUntilComplete(server.waitClosed());
    }

    @Test
    void test_wait_closed_waits_for_the_connections() {
        Server server = echoServer();
        TransportAndProtocol<Transport, RecordingProtocol> tp = connect(port(server));
        runUntil(loop, 5, () -> served.size() == 1);
        Future<Void> closed = server.waitClosed();
        server.close();
        loop.runUntilComplete(loop.done(null));
        assertThat(closed.done()).isFalse(); // one connection still open
        tp.transport().close();
        loop.runUntilComplete(closed);
        assertThat(served.get(0).lost).isTrue();
        assertThat(server.waitClosed().done()).isTrue();
    }

    @Test
    void test_serve_forever_ends_when_cancelled_and_closes_the_server() {
        Server server = loop.runUntilComplete(loop.createServer(RecordingProtocol::new, HOST, 0, false));
        Future<Void> forever = server.serveForever();
        assertThat(server.isServing()).isTrue();
        assertThatThrownBy(server::serveForever).isInstanceOf(IllegalStateException.class).hasMessageContaining("already");
        loop.callLater(0.01, forever::cancel);
        assertThatThrownBy(() -> loop.runUntilComplete(forever)).isInstanceOf(CancellationException.class);
        loop.runUntilComplete(loop.done(null));
        assertThat(server.isServing()).isFalse();
        assertThat(server.sockets()).isEmpty();
        assertThatThrownBy(server::serveForever).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void test_server_close_cancels_serve_forever() {
        Server server = echoServer();
        Future<Void> forever = server.serveForever();
        loop.callLater(0.01, server::close);
        assertThatThrownBy(() -> loop.runUntilComplete(forever)).isInstanceOf(CancellationException.class);
        loop.runUntilComplete(server.waitClosed());
    }

    @Test
    void a_protocol_factory_that_throws_is_reported_and_the_connection_closed() {
        List<java.util.Map<String, Object>> reported = new ArrayList<>();
        loop.setExceptionHandler((l, c) -> reported.add(c));
        Server server = loop.runUntilComplete(loop.createServer(() -> {
            throw new IllegalStateException("no protocol today");
        }, HOST, 0));
        TransportAndProtocol<Transport, RecordingProtocol> tp = connect(port(server));
        runUntil(loop, 5, () -> tp.protocol().lost);
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0).get("message")).isEqualTo("Error on transport creation for incoming connection");
        server.close();
        loop.runUntilComplete(server.waitClosed());
    }

    @Test
    void an_exception_in_dataReceived_is_fatal_and_reported() {
        List<java.util.Map<String, Object>> reported = new ArrayList<>();
        loop.setExceptionHandler((l, c) -> reported.add(c));
        RuntimeException boom = new RuntimeException("boom");
        RecordingProtocol failing = new RecordingProtocol() {
            @Override
            public void dataReceived(byte[] data) {
                throw boom;
            }
        };
        Server server = loop.runUntilComplete(loop.createServer(() -> failing, HOST, 0));
        TransportAndProtocol<Transport, RecordingProtocol> tp = connect(port(server));
        tp.transport().write("x".getBytes());
        runUntil(loop, 5, () -> failing.lost && tp.protocol().lost);
        assertThat(failing.lostWith).isSameAs(boom);
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0).get("exception")).isSameAs(boom);
        server.close();
        loop.runUntilComplete(server.waitClosed());
    }

    @Test
    void one_thousand_connections_on_one_loop() {
        Server server = echoServer();
        int n = 1000;
        List<TransportAndProtocol<Transport, RecordingProtocol>> clients = new ArrayList<>();
        List<Future<TransportAndProtocol<Transport, RecordingProtocol>>> pending = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pending.add(loop.createConnection(RecordingProtocol::new, HOST, port(server)));
        }
        for (Future<TransportAndProtocol<Transport, RecordingProtocol>> f : pending) {
            TransportAndProtocol<Transport, RecordingProtocol> tp = loop.runUntilComplete(f);
            sockets.track((SocketChannel) tp.transport().getExtraInfo("socket"));
            clients.add(tp);
        }
        for (int i = 0; i < n; i++) {
            clients.get(i).transport().write(("client " + i).getBytes());
        }
        int expected = 0;
        for (int i = 0; i < n; i++) {
            expected += ("client " + i).length();
        }
        int total = expected;
        runUntil(loop, 15, () -> clients.stream().mapToInt(c -> c.protocol().received.size()).sum() == total);
        for (int i = 0; i < n; i++) {
            assertThat(clients.get(i).protocol().text()).isEqualTo("client " + i);
        }
        assertThat(served).hasSize(n);
        Future<Void> closed = server.waitClosed();
        server.close();
        clients.forEach(c -> c.transport().close());
        loop.runUntilComplete(closed);
        assertThat(served).allMatch(p -> p.lost);
    }
}
