package dev.weft;

import static dev.weft.Sockets.HOST;
import static dev.weft.Weft.await;
import static dev.weft.Weft.openConnection;
import static dev.weft.Weft.startServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS over the loop's sockets, on 127.0.0.1 with certificates keytool makes at test time: an
 * echo with streams and with protocols, {@code startTls} on a live connection, and the failures
 * (a wrong name, an expired certificate, a plaintext peer, a renegotiation) each with its
 * exception and nothing left open. CPython's {@code test_sslproto.py} and
 * {@code test_ssl.py}'s {@code test_start_tls_*} cases, where Java gives them a meaning.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hung handshake fails, not hangs, the build
class TlsTest {
    @TempDir
    static Path dir;
    static KeytoolCertificates valid;
    static KeytoolCertificates expired;

    private final EventLoop loop = EventLoop.create();
    private final List<Map<String, Object>> reported = new ArrayList<>();

    @BeforeAll
    static void makeCertificates() throws Exception {
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<KeytoolCertificates> v = two.submit(() -> KeytoolCertificates.selfSigned(dir, "valid", 2));
            java.util.concurrent.Future<KeytoolCertificates> e =
                    two.submit(() -> KeytoolCertificates.signedByCa(dir, "expired", "-3d", 1));
            valid = v.get();
            expired = e.get();
        } finally {
            two.shutdown();
        }
    }

    TlsTest() {
        loop.setExceptionHandler((l, c) -> reported.add(c));
    }

    @AfterEach
    void nothingLeftOpen() {
        List<java.nio.channels.SelectableChannel> open = new ArrayList<>();
        for (java.nio.channels.SelectableChannel c : loop.channels()) {
            if (c.isOpen()) {
                open.add(c);
            }
        }
        loop.close();
        assertThat(open).as("channels still open when the test ended").isEmpty();
        assertThat(reported).as("reported to the loop's exception handler").isEmpty();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Async
    static Coroutine<Void> handleEcho(StreamReader reader, StreamWriter writer) {
        for (;;) {
            byte[] line = await(reader.readline());
            if (line.length == 0) {
                break;
            }
            writer.write(line);
            await(writer.drain());
        }
        writer.close();
        await(writer.waitClosed());
        return Coroutine.done();
    }

    // ---- echo ----

    @Async
    Coroutine<List<String>> echoWithStreams(SSLContext server, SSLContext client) {
        Server srv = await(startServer(TlsTest::handleEcho, HOST, 0, server));
        int port = srv.sockets().get(0).getPort();
        Connection c = await(openConnection(HOST, port, client));
        List<String> got = new ArrayList<>();
        c.writer().write(b("hello over tls\n"));
        got.add(s(await(c.reader().readline())));
        byte[] big = new byte[300_000]; // many records, beyond the socket's and the engine's buffers
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i % 1000 == 999 ? '\n' : 'a' + i % 26); // lines below the reader's limit
        }
        c.writer().write(big);
        await(c.writer().drain());
        got.add("big:" + java.util.Arrays.equals(big, await(c.reader().readexactly(big.length))));
        got.add("canWriteEof:" + c.writer().canWriteEof());
        got.add("cipher:" + (c.writer().getExtraInfo("cipher") != null));
        got.add("peer:" + ((X509Certificate) c.writer().getExtraInfo("peercert")).getSubjectX500Principal().getName());
        got.add("peername:" + (((InetSocketAddress) c.writer().getExtraInfo("peername")).getPort() == port));
        c.writer().close();
        await(c.writer().waitClosed());
        srv.close();
        await(srv.waitClosed());
        return Coroutine.returning(got);
    }

    @Test
    void echo_over_tls_with_streams() throws Exception {
        assertThat(loop.runUntilComplete(echoWithStreams(valid.server(), valid.client()))).containsExactly(
                "hello over tls\n", "big:true", "canWriteEof:false", "cipher:true", "peer:CN=localhost", "peername:true");
    }

    /** An echo at the protocol level; the client closes first, and both sides see the other's close_notify. */
    static final class EchoProtocol implements Protocol {
        Transport transport;
        final List<String> events = new ArrayList<>();

        @Override
        public void connectionMade(Transport t) {
            transport = t;
            events.add("made");
        }

        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }

        @Override
        public boolean eofReceived() {
            events.add("eof");
            return false;
        }

        @Override
        public void connectionLost(Throwable exc) {
            events.add("lost:" + exc);
        }
    }

    @Async
    Coroutine<List<String>> echoWithProtocols(SSLContext server, SSLContext client) {
        List<EchoProtocol> served = new ArrayList<>();
        Server srv = await(loop.createServer(() -> {
            EchoProtocol p = new EchoProtocol();
            served.add(p);
            return p;
        }, HOST, 0, server));
        int port = srv.sockets().get(0).getPort();
        TransportAndProtocol<Transport, RecordingProtocol> tp =
                await(loop.createConnection(RecordingProtocol::new, HOST, port, client));
        RecordingProtocol mine = tp.protocol();
        List<String> got = new ArrayList<>(mine.events);
        tp.transport().write(b("ping"));
        while (mine.received.size() < 4) {
            await(Weft.sleep(0.01));
        }
        got.add(mine.text());
        assertThatThrownBy(() -> tp.transport().writeEof()).isInstanceOf(UnsupportedOperationException.class);
        tp.transport().close();
        while (!mine.lost || served.isEmpty() || !served.get(0).events.contains("lost:null")) {
            await(Weft.sleep(0.01));
        }
        got.addAll(mine.events);
        got.add("server:" + served.get(0).events);
        srv.close();
        await(srv.waitClosed());
        return Coroutine.returning(got);
    }

    @Test
    void echo_over_tls_with_protocols() throws Exception {
        assertThat(loop.runUntilComplete(echoWithProtocols(valid.server(), valid.client()))).containsExactly(
                "made", "ping", "made", "data", "eof", "lost", "server:[made, eof, lost:null]");
    }
    // ---- failures: each a clear exception, nothing left open ----

    @Async
    Coroutine<List<String>> connectFails(SSLContext server, SSLContext client, String serverHostname) {
        List<String> handled = new ArrayList<>();
        Server srv = await(startServer((r, w) -> {
            handled.add("handler ran");
            w.close();
            return null;
        }, HOST, 0, server));
        int port = srv.sockets().get(0).getPort();
        try {
            await(openConnection(HOST, port, client, serverHostname));
            handled.add("connected");
        } finally {
            srv.close();
            await(srv.waitClosed()); // every connection the server accepted is closed too
        }
        return Coroutine.returning(handled);
    }

    @Test
    void wrong_host_name_fails_the_handshake() {
        assertThatThrownBy(() -> loop.runUntilComplete(connectFails(valid.server(), valid.client(), "wrong.example")))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("wrong.example");
    }

    @Test
    void expired_certificate_fails_the_handshake() {
        assertThatThrownBy(() -> loop.runUntilComplete(connectFails(expired.server(), expired.client(), null)))
                .isInstanceOf(SSLHandshakeException.class)
                .hasRootCauseInstanceOf(CertificateExpiredException.class);
    }

    @Test
    void untrusted_certificate_fails_the_handshake() {
        assertThatThrownBy(() -> loop.runUntilComplete(connectFails(expired.server(), valid.client(), null)))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void right_name_given_explicitly_connects() throws Exception {
        assertThat(loop.runUntilComplete(connectFails(valid.server(), valid.client(), "localhost")))
                .contains("connected", "handler ran");
    }

    @Async
    Coroutine<Void> tlsClientToPlaintextServer(SSLContext client) {
        Server srv = await(startServer(TlsTest::answerInPlaintext, HOST, 0));
        int port = srv.sockets().get(0).getPort();
        try {
            await(openConnection(HOST, port, client));
        } finally {
            srv.close();
            await(srv.waitClosed());
        }
        return Coroutine.done();
    }

    @Test
    void tls_client_to_a_plaintext_server_fails_the_handshake() {
        assertThatThrownBy(() -> loop.runUntilComplete(tlsClientToPlaintextServer(valid.client())))
                .isInstanceOf(SSLHandshakeException.class)
                .hasCauseInstanceOf(SSLException.class);
    }

    @Async
    Coroutine<String> plaintextClientToTlsServer(SSLContext server) {
        List<String> handled = new ArrayList<>();
        Server srv = await(startServer((r, w) -> {
            handled.add("handler ran");
            return null;
        }, HOST, 0, server));
        int port = srv.sockets().get(0).getPort();
        Connection c = await(openConnection(HOST, port));
        c.writer().write(b("GET / HTTP/1.0\r\n\r\n"));
        byte[] answer = await(c.reader().read(-1)); // the server ends the connection (an alert at most)
        c.writer().close();
        srv.close();
        await(srv.waitClosed());
        return Coroutine.returning(handled + " answer bytes:" + (answer.length < 100));
    }

    @Test
    void plaintext_client_to_a_tls_server_is_closed_without_reaching_the_handler() throws Exception {
        assertThat(loop.runUntilComplete(plaintextClientToTlsServer(valid.server()))).isEqualTo("[] answer bytes:true");
    }

    // ---- startTls: STARTTLS on a live connection ----

    @Async
    static Coroutine<Void> handleStartTls(StreamReader reader, StreamWriter writer, SSLContext server) {
        byte[] command = await(reader.readline());
        if (!s(command).equals("STARTTLS\n")) {
            writer.close();
            return Coroutine.done();
        }
        writer.write(b("GO\n"));
        await(writer.startTls(server));
        byte[] line = await(reader.readline());
        writer.write(b("tls:" + s(line)));
        await(writer.drain());
        writer.close();
        await(writer.waitClosed());
        return Coroutine.done();
    }

    @Async
    Coroutine<List<String>> startTlsOnBothSides(SSLContext server, SSLContext client) {
        Server srv = await(startServer((r, w) -> handleStartTls(r, w, server), HOST, 0));
        int port = srv.sockets().get(0).getPort();
        Connection c = await(openConnection(HOST, port));
        List<String> got = new ArrayList<>();
        got.add("before:" + c.writer().getExtraInfo("cipher"));
        c.writer().write(b("STARTTLS\n"));
        got.add(s(await(c.reader().readline())));
        await(c.writer().startTls(client)); // the server's certificate checked against 127.0.0.1
        got.add("after:" + (c.writer().getExtraInfo("cipher") != null));
        c.writer().write(b("secret\n"));
        got.add(s(await(c.reader().readline())));
        got.add("eof:" + s(await(c.reader().read(-1))).isEmpty());
        c.writer().close();
        await(c.writer().waitClosed());
        srv.close();
        await(srv.waitClosed());
        return Coroutine.returning(got);
    }

    @Test
    void start_tls_upgrades_a_live_connection() throws Exception {
        assertThat(loop.runUntilComplete(startTlsOnBothSides(valid.server(), valid.client())))
                .containsExactly("before:null", "GO\n", "after:true", "tls:secret\n", "eof:true");
    }

    @Async
    Coroutine<Void> startTlsAgainstPlaintext(SSLContext client) {
        Server srv = await(startServer(TlsTest::answerInPlaintext, HOST, 0));
        int port = srv.sockets().get(0).getPort();
        Connection c = await(openConnection(HOST, port));
        try {
            await(c.writer().startTls(client));
        } finally {
            srv.close();
            await(srv.waitClosed());
        }
        return Coroutine.done();
    }

    /** A peer that answers whatever comes first (a ClientHello) in plaintext, and closes once the client has gone. */
    @Async
    static Coroutine<Void> answerInPlaintext(StreamReader reader, StreamWriter writer) {
        await(reader.read(100));
        writer.write(b("500 what is this?\r\n"));
        await(reader.read(-1)); // until the client goes
        writer.close();
        return Coroutine.done();
    }

    @Test
    void start_tls_against_a_plaintext_peer_fails_and_closes() {
        assertThatThrownBy(() -> loop.runUntilComplete(startTlsAgainstPlaintext(valid.client())))
                .isInstanceOf(SSLHandshakeException.class);
    }

    // ---- renegotiation refused ----

    @Async
    Coroutine<List<String>> renegotiation(SSLContext server, SSLContext client) {
        List<String> seen = new ArrayList<>();
        Server srv = await(startServer((reader, writer) -> echoUntilError(reader, writer, seen), HOST, 0, server));
        int port = srv.sockets().get(0).getPort();
        // a blocking TLS 1.2 client, on a thread of the default executor, that asks for a second handshake
        String answer = await(loop.runInExecutor(null, () -> {
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket(HOST, port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(b("one\n"));
                InputStream in = socket.getInputStream();
                byte[] first = in.readNBytes(4);
                try {
                    socket.startHandshake(); // renegotiate
                    socket.getOutputStream().write(b("two\n"));
                    int next = in.read();
                    return s(first) + " then " + next;
                } catch (java.io.IOException e) {
                    return s(first) + " then " + e.getClass().getSimpleName();
                }
            }
        }));
        seen.add("client:" + answer.startsWith("one\n then ") + ":" + !answer.endsWith(" then 116")); // no 't' of "two"
        while (seen.size() < 2) {
            await(Weft.sleep(0.01));
        }
        srv.close();
        await(srv.waitClosed());
        return Coroutine.returning(seen);
    }

    @Async
    static Coroutine<Void> echoUntilError(StreamReader reader, StreamWriter writer, List<String> seen) {
        try {
            for (;;) {
                byte[] line = await(reader.readline());
                if (line.length == 0) {
                    seen.add("server: eof");
                    break;
                }
                writer.write(line);
            }
        } catch (Exception e) {
            seen.add("server: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        writer.close();
        return Coroutine.done();
    }

    @Test
    void renegotiation_is_refused() throws Exception {
        assertThat(loop.runUntilComplete(renegotiation(valid.server(), valid.client("TLSv1.2")))).containsExactlyInAnyOrder(
                "client:true:true", "server: SSLException: TLS renegotiation refused: the peer asked for a new handshake on TLSv1.2");
    }
}
