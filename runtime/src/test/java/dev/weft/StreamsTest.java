package dev.weft;

import static dev.weft.Sockets.HOST;
import static dev.weft.Weft.await;
import static dev.weft.Weft.openConnection;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.startServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code openConnection} and {@code startServer} over real sockets on 127.0.0.1: CPython's
 * {@code test_streams.py} cases {@code test_open_connection}, {@code test_start_server},
 * {@code test_drain_raises}, {@code test_wait_closed_on_close}, the writer API cases (against a
 * minimal HTTP/1.0 server, CPython's {@code run_test_server}), {@code test_unhandled_exception},
 * {@code test_unhandled_cancel}, {@code test_multiple_drain}, and the flow control of both sides.
 */
class StreamsTest {
    private final EventLoop loop = EventLoop.create();

    @AfterEach
    void closeLoop() {
        List<java.nio.channels.SelectableChannel> channels = loop.channels();
        loop.close();
        assertThat(channels).allMatch(c -> !c.isOpen());
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

    @Async
    static Coroutine<List<String>> echoTwice() {
        Server server = await(startServer(StreamsTest::handleEcho, HOST, 0));
        int port = server.sockets().get(0).getPort();
        Connection c = await(openConnection(HOST, port));
        List<String> got = new ArrayList<>();
        c.writer().write(b("hi\n"));
        got.add(s(await(c.reader().readline())));
        c.writer().writelines(List.of(b("split "), b("line\nand"), b(" more\n")));
        got.add(s(await(c.reader().readline())));
        got.add(s(await(c.reader().readline())));
        got.add(String.valueOf(((InetSocketAddress) c.writer().getExtraInfo("peername")).getPort() == port));
        c.writer().writeEof();
        got.add("eof:" + s(await(c.reader().read(-1))) + ":" + c.reader().atEof());
        c.writer().close();
        await(c.writer().waitClosed());
        server.close();
        await(server.waitClosed());
        return Coroutine.returning(got);
    }

    @Test
    void test_start_server_and_open_connection() {
        assertThat(loop.runUntilComplete(echoTwice()))
                .containsExactly("hi\n", "split line\n", "and more\n", "true", "eof::true");
    }

    @Async
    static Coroutine<Void> connectTo(int port) {
        await(openConnection(HOST, port));
        return Coroutine.done();
    }

    @Test
    void test_open_connection_error() {
        assertThatThrownBy(() -> loop.runUntilComplete(connectTo(Sockets.closedPort()))).isInstanceOf(ConnectException.class);
    }

    @Async
    static Coroutine<Void> closeAtOnce(StreamReader reader, StreamWriter writer) {
        writer.transport().abort();
        return Coroutine.done();
    }

    @Async
    static Coroutine<Integer> writeUntilDrainRaises() {
        Server server = await(startServer(StreamsTest::closeAtOnce, HOST, 0));
        Connection c = await(openConnection(HOST, server.sockets().get(0).getPort()));
        byte[] chunk = new byte[64 * 1024];
        int writes = 0;
        try {
            for (;;) {
                c.writer().write(chunk);
                writes++;
                await(c.writer().drain());
                await(sleep(0.001));
                if (writes > 10_000) {
                    return Coroutine.returning(-1);
                }
            }
        } finally {
            c.writer().close();
            server.close();
        }
    }

    @Test
    void test_drain_raises() {
        // the peer closes: writing on must end in an IOException out of drain (reset, broken pipe or lost)
        assertThatThrownBy(() -> loop.runUntilComplete(writeUntilDrainRaises())).isInstanceOf(IOException.class);
    }

    @Async
    static Coroutine<Void> failingHandler(StreamReader reader, StreamWriter writer) {
        await(reader.readline());
        throw new IllegalStateException("handler failed");
    }

    @Async
    static Coroutine<byte[]> talkToFailingHandler() {
        Server server = await(startServer(StreamsTest::failingHandler, HOST, 0));
        Connection c = await(openConnection(HOST, server.sockets().get(0).getPort()));
        c.writer().write(b("boom\n"));
        byte[] rest = await(c.reader().read(-1)); // the server closes the connection
        c.writer().close();
        server.close();
        await(server.waitClosed());
        return Coroutine.returning(rest);
    }

    @Test
    void an_exception_escaping_the_handler_is_reported_and_closes_the_connection() {
        List<Map<String, Object>> reported = new ArrayList<>();
        loop.setExceptionHandler((l, c) -> reported.add(c));
        assertThat(loop.runUntilComplete(talkToFailingHandler())).isEmpty();
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0).get("message")).isEqualTo("Unhandled exception in client_connected_cb");
        assertThat(reported.get(0).get("exception")).isInstanceOf(IllegalStateException.class);
    }

    /** Reads nothing until told, then everything. */
    static final class SlowReader {
        final Event go = new Event();
        long read;

        @Async
        Coroutine<Void> handle(StreamReader reader, StreamWriter writer) {
            await(go.waitSet());
            for (;;) {
                byte[] b = await(reader.read(1 << 20));
                if (b.length == 0) {
                    break;
                }
                read += b.length;
            }
            writer.close();
            return Coroutine.done();
        }
    }

    @Async
    static Coroutine<List<String>> drainWaitsForTheReader() {
        SlowReader slow = new SlowReader();
        Server server = await(startServer(slow::handle, HOST, 0));
        Connection c = await(openConnection(HOST, server.sockets().get(0).getPort()));
        List<String> seen = new ArrayList<>();
        byte[] chunk = new byte[1 << 20];
        int total = 0;
        // fill the socket buffers, then the transport's well beyond what the system may still take
        // (loopback buffers grow to a few MiB), so that drain has to wait for the peer
        for (int i = 0; i < 64; i++) {
            c.writer().write(chunk);
            total += chunk.length;
            if (c.writer().transport().getWriteBufferSize() > 16 << 20) {
                break;
            }
        }
        Task<Void> drain = getLoopCreateTask(c.writer().drain());
        await(sleep(0.05));
        seen.add("drain done while the peer does not read: " + drain.done());
        slow.go.set();
        await(drain);
        seen.add("drain done once the peer reads: " + drain.done());
        c.writer().writeEof();
        await(c.reader().read(-1));
        seen.add("all read: " + (slow.read == total));
        c.writer().close();
        server.close();
        await(server.waitClosed());
        return Coroutine.returning(seen);
    }

    private static <T> Task<T> getLoopCreateTask(Coroutine<T> coro) {
        return EventLoop.getRunningLoop().createTask(coro);
    }

    @Test
    void drain_waits_above_the_high_water_mark() {
        assertThat(loop.runUntilComplete(drainWaitsForTheReader())).containsExactly(
                "drain done while the peer does not read: false",
                "drain done once the peer reads: true",
                "all read: true");
    }

    @Async
    static Coroutine<Void> sendMuch(StreamReader reader, StreamWriter writer) {
        writer.write(new byte[1 << 20]);
        await(writer.drain());
        writer.close();
        return Coroutine.done();
    }

    @Async
    static Coroutine<List<String>> readerPausesTheTransport() {
        Server server = await(startServer(StreamsTest::sendMuch, HOST, 0));
        Connection c = await(openConnection(HOST, server.sockets().get(0).getPort(), 1024));
        Transport transport = c.writer().transport();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 1000 && transport.isReading(); i++) {
            await(sleep(0.001));
        }
        seen.add("paused above twice the limit: " + !transport.isReading());
        byte[] all = await(c.reader().read(-1));
        seen.add("read " + all.length);
        c.writer().close();
        await(c.writer().waitClosed());
        server.close();
        await(server.waitClosed());
        return Coroutine.returning(seen);
    }

    @Test
    void the_reader_pauses_reading_above_twice_its_limit() {
        assertThat(loop.runUntilComplete(readerPausesTheTransport()))
                .containsExactly("paused above twice the limit: true", "read " + (1 << 20));
    }

    // ---- the cases of test_streams.py run against run_test_server: a minimal HTTP/1.0 server ----

    @Async
    static Coroutine<Void> testHttpServer(StreamReader reader, StreamWriter writer) {
        for (;;) {
            byte[] line = await(reader.readline());
            if (line.length <= 2) { // the blank line ending the request, or end of stream
                break;
            }
        }
        writer.write(b("HTTP/1.0 200 OK\r\nContent-Length: 12\r\n\r\nTest message"));
        await(writer.drain());
        writer.close();
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> withHttpServer(java.util.function.Function<Integer, Coroutine<Void>> body) {
        Server httpd = await(startServer(StreamsTest::testHttpServer, HOST, 0));
        try {
            await(body.apply(httpd.sockets().get(0).getPort()));
        } finally {
            httpd.close();
        }
        await(httpd.waitClosed());
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> waitClosedWithUnreadData(int port) {
        Connection c = await(openConnection(HOST, port));
        c.writer().write(b("GET / HTTP/1.0\r\n\r\n"));
        assertThat(s(await(c.reader().readline()))).isEqualTo("HTTP/1.0 200 OK\r\n");
        c.writer().close();
        await(c.writer().waitClosed());
        return Coroutine.done();
    }

    @Test
    void test_wait_closed_on_close_with_unread_data() {
        loop.runUntilComplete(withHttpServer(StreamsTest::waitClosedWithUnreadData));
    }

    @Async
    static Coroutine<Void> asyncWriterApi(int port) {
        Connection c = await(openConnection(HOST, port));
        c.writer().write(b("GET / HTTP/1.0\r\n\r\n"));
        assertThat(s(await(c.reader().readline()))).isEqualTo("HTTP/1.0 200 OK\r\n");
        assertThat(s(await(c.reader().read(-1)))).endsWith("\r\n\r\nTest message");
        assertThat(c.writer().isClosing()).isFalse();
        c.writer().close();
        assertThat(c.writer().isClosing()).isTrue();
        await(c.writer().waitClosed());
        return Coroutine.done();
    }

    @Test
    void test_async_writer_api() {
        List<Map<String, Object>> messages = new ArrayList<>();
        loop.setExceptionHandler((l, c) -> messages.add(c));
        loop.runUntilComplete(withHttpServer(StreamsTest::asyncWriterApi));
        assertThat(messages).isEmpty();
    }

    @Async
    static Coroutine<Void> writeAfterClose(int port) {
        Connection c = await(openConnection(HOST, port));
        c.writer().write(b("GET / HTTP/1.0\r\n\r\n"));
        assertThat(s(await(c.reader().readline()))).isEqualTo("HTTP/1.0 200 OK\r\n");
        assertThat(s(await(c.reader().read(-1)))).endsWith("\r\n\r\nTest message");
        c.writer().close();
        try {
            c.writer().write(b("data"));
            await(c.writer().drain());
            throw new AssertionError("drain after close did not raise");
        } catch (Exception e) { // ConnectionResetError: java.net.SocketException
            assertThat(e).isInstanceOf(java.net.SocketException.class).hasMessage("Connection lost");
        }
        return Coroutine.done();
    }

    @Test
    void test_async_writer_api_exception_after_close() {
        List<Map<String, Object>> messages = new ArrayList<>();
        loop.setExceptionHandler((l, c) -> messages.add(c));
        loop.runUntilComplete(withHttpServer(StreamsTest::writeAfterClose));
        assertThat(messages).isEmpty();
    }

    @Async
    static Coroutine<Void> eofFeedWhenClosingWriter(int port) {
        Connection c = await(openConnection(HOST, port));
        c.writer().close();
        await(c.writer().waitClosed());
        assertThat(c.reader().atEof()).isTrue();
        assertThat(await(c.reader().read(-1))).isEmpty();
        return Coroutine.done();
    }

    @Test
    void test_eof_feed_when_closing_writer() {
        List<Map<String, Object>> messages = new ArrayList<>();
        loop.setExceptionHandler((l, c) -> messages.add(c));
        loop.runUntilComplete(withHttpServer(StreamsTest::eofFeedWhenClosingWriter));
        assertThat(messages).isEmpty();
    }

    @Async
    static Coroutine<Void> closeAndCancelSelf(StreamReader reader, StreamWriter writer) {
        writer.close();
        EventLoop.getRunningLoop().currentTask().cancel();
        await(sleep(0));
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> talkTo(ClientConnected handler) {
        Server server = await(startServer(handler, HOST, 0));
        Connection c = await(openConnection(HOST, server.sockets().get(0).getPort()));
        c.writer().write(b("x\n"));
        await(c.reader().read(-1));
        c.writer().close();
        await(c.writer().waitClosed());
        server.close();
        await(server.waitClosed());
        return Coroutine.done();
    }

    @Test
    void test_unhandled_exception() {
        List<Map<String, Object>> messages = new ArrayList<>();
        loop.setExceptionHandler((l, c) -> messages.add(c));
        loop.runUntilComplete(talkTo(StreamsTest::failingHandler));
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("message")).isEqualTo("Unhandled exception in client_connected_cb");
    }

    @Test
    void test_unhandled_cancel() {
        List<Map<String, Object>> messages = new ArrayList<>();
        loop.setExceptionHandler((l, c) -> messages.add(c));
        loop.runUntilComplete(talkTo(StreamsTest::closeAndCancelSelf));
        assertThat(messages).isEmpty();
    }

    @Async
    static Coroutine<Integer> multipleDrain() {
        EventLoop loop = EventLoop.getRunningLoop();
        StreamReaderProtocol stream = new StreamReaderProtocol(new StreamReader(StreamReader.DEFAULT_LIMIT, loop), loop);
        stream.pauseWriting();
        loop.callLater(0.1, stream::resumeWriting);
        List<Future<Void>> drainers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            drainers.add(stream.drainWaiter());
        }
        int drained = 0;
        for (Future<Void> d : drainers) {
            await(d);
            drained++;
        }
        return Coroutine.returning(drained);
    }

    @Test
    void test_multiple_drain() {
        assertThat(loop.runUntilComplete(multipleDrain())).isEqualTo(10);
    }
}
