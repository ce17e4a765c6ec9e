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
 * {@code test_drain_raises}, {@code test_wait_closed_on_close}, the handler's unhandled exception,
 * and the flow control of both sides.
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
}
