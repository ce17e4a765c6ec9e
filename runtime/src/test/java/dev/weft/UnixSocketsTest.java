package dev.weft;

import static dev.weft.Weft.await;
import static dev.weft.Weft.openUnixConnection;
import static dev.weft.Weft.startUnixServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unix domain stream sockets (Java 16+): the Unix cases of CPython's {@code test_streams.py}
 * ({@code test_open_unix_connection_no_loop_ssl}, {@code test_open_unix_connection_error} (as a
 * refused connection),
 * {@code test_start_unix_server}), {@code test_events.py} ({@code test_create_unix_connection},
 * {@code test_create_unix_server}), {@code test_unix_events.py} (the existing-path and
 * server-hostname cases) and {@code test_server.py} (3.13's socket-file cleanup). Where a case
 * passes a pre-bound {@code sock=} or a path-like object, Weft has no such overload and the case
 * is left out. The Java 11-15 error is tested through the lookup it comes from
 * ({@link #unix_sockets_need_java_16}): the suite runs on 17 and 25.
 */
class UnixSocketsTest {
    @TempDir
    static Path certificates;
    static KeytoolCertificates tls;

    @TempDir
    Path dir;

    private final EventLoop loop = EventLoop.create();
    private final List<Map<String, Object>> reported = new ArrayList<>();

    @BeforeAll
    static void makeCertificate() throws Exception {
        tls = KeytoolCertificates.selfSigned(certificates, "unix", 2);
    }

    UnixSocketsTest() {
        loop.setExceptionHandler((l, c) -> reported.add(c));
    }

    @AfterEach
    void nothingLeftOpen() {
        List<java.nio.channels.SelectableChannel> channels = loop.channels();
        loop.close();
        assertThat(channels).allMatch(c -> !c.isOpen());
        assertThat(reported).as("reported to the loop's exception handler").isEmpty();
    }

    private String path() {
        return dir.resolve("s.sock").toString();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** CPython's {@code MyServer.handle_client}: echoes one line, then closes; records the writer's names. */
    static final List<Object> seenByServer = new ArrayList<>();

    @Async
    static Coroutine<Void> handleClient(StreamReader reader, StreamWriter writer) {
        seenByServer.add(writer.getExtraInfo("sockname"));
        seenByServer.add(writer.getExtraInfo("peername"));
        byte[] data = await(reader.readline());
        writer.write(data);
        await(writer.drain());
        writer.close();
        await(writer.waitClosed());
        return Coroutine.done();
    }

    @Async
    Coroutine<List<Object>> echoOneLine(String path, SSLContext serverTls, SSLContext clientTls) {
        seenByServer.clear();
        Server server = await(serverTls == null ? startUnixServer(UnixSocketsTest::handleClient, path)
                : startUnixServer(UnixSocketsTest::handleClient, path, serverTls));
        Connection c = await(clientTls == null ? openUnixConnection(path) : openUnixConnection(path, clientTls, ""));
        List<Object> got = new ArrayList<>();
        c.writer().write(b("hello world!\n"));
        got.add(s(await(c.reader().readline())));
        got.add(s(await(c.reader().read(-1))));
        got.add(c.writer().getExtraInfo("peername"));
        got.add(c.writer().getExtraInfo("sockname"));
        got.addAll(seenByServer);
        got.add(server.addresses().size());
        c.writer().close();
        await(c.writer().waitClosed());
        server.close();
        await(server.waitClosed());
        got.add(Files.exists(Path.of(path)));
        return Coroutine.returning(got);
    }

    @Test
    void test_start_unix_server() {
        String path = path();
        // Python's names: the client's peer and the server's own are the path, the unbound ends ''
        assertThat(loop.runUntilComplete(echoOneLine(path, null, null)))
                .containsExactly("hello world!\n", "", path, "", path, "", 1, false);
    }

    @Test
    void test_open_unix_connection_no_loop_ssl() throws Exception {
        String path = path();
        assertThat(loop.runUntilComplete(echoOneLine(path, tls.server(), tls.client())))
                .containsExactly("hello world!\n", "", path, "", path, "", 1, false);
    }

    @Async
    Coroutine<String> protocolsOverUnix(String path) {
        List<RecordingProtocol> served = new ArrayList<>();
        Server server = await(loop.createUnixServer(() -> {
            RecordingProtocol p = new RecordingProtocol();
            served.add(p);
            return p;
        }, path));
        TransportAndProtocol<Transport, RecordingProtocol> tp = await(loop.createUnixConnection(RecordingProtocol::new, path));
        assertThat(tp.transport().getExtraInfo("peername")).isEqualTo(path);
        assertThat(tp.protocol().events).containsExactly("made");
        tp.transport().write(b("xxx"));
        tp.transport().writeEof(); // a Unix stream socket half closes, as TCP does
        while (served.isEmpty() || !served.get(0).lost) {
            await(Weft.sleep(0.005));
        }
        tp.transport().close();
        server.close();
        await(server.waitClosed());
        return Coroutine.returning(s(served.get(0).received.toByteArray()) + " " + served.get(0).events);
    }

    @Test
    void test_create_unix_connection() {
        assertThat(loop.runUntilComplete(protocolsOverUnix(path()))).isEqualTo("xxx [made, data, eof, lost]");
    }

    @Test
    void test_create_unix_server() throws Exception {
        String path = path();
        RecordingProtocol proto = new RecordingProtocol();
        Server server = loop.runUntilComplete(loop.createUnixServer(() -> proto, path));
        assertThat(server.addresses()).hasSize(1);
        assertThat(server.sockets()).as("no internet address").isEmpty();
        try (SocketChannel client = UnixSockets.JDK.openChannel()) {
            client.connect(UnixSockets.JDK.address(path)); // a blocking client, from another API
            client.write(ByteBuffer.wrap(b("xxx")));
            Sockets.runUntil(loop, 10, () -> proto.received.size() == 3);
            assertThat(proto.events).containsExactly("made", "data");
            proto.transport.close();
            Sockets.runUntil(loop, 10, () -> proto.lost);
        }
        server.close();
        loop.runUntilComplete(server.waitClosed());
    }

    @Test
    void test_create_unix_server_existing_path_sock() throws Exception {
        String path = path();
        try (ServerSocketChannel stale = UnixSockets.JDK.openServerChannel()) {
            stale.bind(UnixSockets.JDK.address(path)); // the JDK leaves the file behind on close
        }
        assertThat(Path.of(path)).exists();
        Server server = loop.runUntilComplete(loop.createUnixServer(RecordingProtocol::new, path));
        assertThat(server.isServing()).isTrue();
        server.close();
        loop.runUntilComplete(server.waitClosed());
    }

    @Test
    void test_create_unix_server_existing_path_nonsock() throws Exception {
        Path file = Files.createFile(dir.resolve("plain"));
        assertThatThrownBy(() -> loop.runUntilComplete(loop.createUnixServer(RecordingProtocol::new, file.toString())))
                .isInstanceOf(BindException.class).hasMessageMatching("Address '.*plain' is already in use");
        assertThat(file).as("not a socket: left alone").exists();
    }

    @Test
    void test_create_unix_connection_pathlike() {
        // nobody there: asyncio's FileNotFoundError, the JDK's SocketException naming the cause
        assertThatThrownBy(() -> loop.runUntilComplete(loop.createUnixConnection(RecordingProtocol::new, path())))
                .isInstanceOf(IOException.class).hasMessageContaining("No such file");
        assertThat(loop.channels()).allMatch(c -> !c.isOpen());
    }

    @Test
    void test_open_unix_connection_error() throws Exception {
        String path = path();
        try (ServerSocketChannel gone = UnixSockets.JDK.openServerChannel()) {
            gone.bind(UnixSockets.JDK.address(path)); // its file stays, nobody listens
        }
        assertThatThrownBy(() -> loop.runUntilComplete(openUnixConnection(path)))
                .isInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void createConnection_takes_a_connected_unix_socket() throws Exception {
        String path = path();
        RecordingProtocol served = new RecordingProtocol();
        Server server = loop.runUntilComplete(loop.createUnixServer(() -> served, path));
        SocketChannel sock = UnixSockets.JDK.openChannel();
        sock.connect(UnixSockets.JDK.address(path));
        TransportAndProtocol<Transport, RecordingProtocol> tp =
                loop.runUntilComplete(loop.createConnection(RecordingProtocol::new, sock));
        assertThat(tp.transport().getExtraInfo("peername")).isEqualTo(path);
        tp.transport().write(b("abc"));
        Sockets.runUntil(loop, 10, () -> served.received.size() == 3);
        tp.transport().close();
        Sockets.runUntil(loop, 10, () -> served.lost);
        server.close();
        loop.runUntilComplete(server.waitClosed());
    }

    @Test
    void test_create_unix_connection_ssl_noserverhost() throws Exception {
        SSLContext client = tls.client();
        assertThatThrownBy(() -> loop.createUnixConnection(RecordingProtocol::new, path(), client, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serverHostname");
    }

    @Test
    void test_unix_server_addr_cleanup() {
        String path = path();
        Server server = loop.runUntilComplete(loop.createUnixServer(RecordingProtocol::new, path));
        assertThat(Path.of(path)).exists();
        server.close();
        assertThat(Path.of(path)).doesNotExist();
        loop.runUntilComplete(server.waitClosed());
    }

    @Test
    void test_unix_server_cleanup_gone() throws Exception {
        String path = path();
        Server server = loop.runUntilComplete(loop.createUnixServer(RecordingProtocol::new, path));
        Files.delete(Path.of(path));
        server.close(); // someone else cleaned up: nothing to do, nothing raised
        loop.runUntilComplete(server.waitClosed());
        assertThat(Path.of(path)).doesNotExist();
    }

    @Test
    void test_unix_server_cleanup_replaced() throws Exception {
        String path = path();
        Server server = loop.runUntilComplete(loop.createUnixServer(RecordingProtocol::new, path));
        Files.delete(Path.of(path));
        try (ServerSocketChannel other = UnixSockets.JDK.openServerChannel()) {
            other.bind(UnixSockets.JDK.address(path));
            server.close();
            assertThat(Path.of(path)).as("another's socket file is not removed").exists();
        }
        loop.runUntilComplete(server.waitClosed());
    }

    @Test
    void unix_sockets_need_java_16() {
        // what JDK 11-15 find: no java.net.UnixDomainSocketAddress
        UnixSockets none = UnixSockets.lookUp("java.net.NoUnixDomainSocketAddressHere");
        assertThat(none.supported()).isFalse();
        assertThatThrownBy(() -> none.address("/tmp/x.sock")).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Unix domain sockets need Java 16 or later");
        assertThatThrownBy(none::openChannel).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Java 16");
        assertThat(none.isUnix(UnixSockets.JDK.address("/tmp/x.sock"))).isFalse();
        SocketAddress here = UnixSockets.JDK.address("/tmp/x.sock");
        assertThat(UnixSockets.JDK.isUnix(here)).isTrue();
        assertThat(UnixSockets.JDK.supported()).as("this suite runs on 16+").isTrue();
    }
}
