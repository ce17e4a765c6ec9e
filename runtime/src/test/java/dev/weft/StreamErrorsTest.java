package dev.weft;

import static dev.weft.Sockets.HOST;
import static dev.weft.Weft.await;
import static dev.weft.Weft.openConnection;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.startServer;
import static dev.weft.Weft.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Errors and bad input over real sockets on 127.0.0.1, each giving what asyncio gives (its Java
 * counterpart, as the guide names it), and each leaving no channel open and no task pending once
 * the server is closed: a closed port, a peer that resets mid-read, a half-closed peer, a line
 * longer than the limit, a client that never sends, a read cancelled while bytes of it wait.
 */
class StreamErrorsTest {
    private final EventLoop loop = EventLoop.create();
    private final List<Map<String, Object>> reported = new ArrayList<>();

    StreamErrorsTest() {
        loop.setExceptionHandler((l, c) -> reported.add(c));
    }

    /** Nothing leaks: once the loop has settled, every channel it served is closed and no task waits. */
    @AfterEach
    void nothingLeaks() {
        Coros.runBriefly(loop);
        Coros.runBriefly(loop);
        List<SelectableChannel> channels = loop.channels();
        assertThat(channels).as("channels left open").allMatch(c -> !c.isOpen());
        assertThat(loop.allTasks()).as("tasks left pending").isEmpty();
        loop.close();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static String describe(Throwable e) {
        return e.getClass().getName() + ": " + e.getMessage();
    }

    /** What a handler saw, in order; filled by the handlers below. */
    static final List<String> seen = new ArrayList<>();

    @AfterEach
    void clearSeen() {
        seen.clear();
    }

    // ---- a closed port: ConnectionRefusedError -> java.net.ConnectException ----

    @Async
    static Coroutine<Void> connectTo(int port) {
        await(openConnection(HOST, port));
        return Coroutine.done();
    }

    @Test
    void connecting_to_a_closed_port_raises_ConnectException() {
        assertThatThrownBy(() -> loop.runUntilComplete(connectTo(Sockets.closedPort())))
                .isInstanceOf(ConnectException.class);
        assertThat(reported).isEmpty();
    }

    // ---- a peer that resets mid-read: ConnectionResetError -> java.net.SocketException ----

    @Async
    static Coroutine<Void> readHundred(StreamReader reader, StreamWriter writer) {
        try {
            await(reader.readexactly(100));
            seen.add("read 100");
        } catch (Exception e) { // await rethrows the checked SocketException as it is
            seen.add(describe(e));
        } finally {
            writer.close();
        }
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> resetMidRead() throws IOException {
        Server server = await(startServer(StreamErrorsTest::readHundred, HOST, 0));
        Connection c = await(openConnection(HOST, server.sockets().get(0).getPort()));
        c.writer().write(b("ten bytes."));
        await(c.writer().drain());
        await(sleep(0.05));
        SocketChannel socket = (SocketChannel) c.writer().getExtraInfo("socket");
        socket.setOption(StandardSocketOptions.SO_LINGER, 0);
        c.writer().transport().abort(); // linger 0: the kernel sends a reset
        server.close();
        await(server.waitClosed());
        return Coroutine.done();
    }

    @Test
    void a_peer_that_resets_mid_read_raises_SocketException_connection_reset() throws IOException {
        loop.runUntilComplete(resetMidRead());
        assertThat(seen).containsExactly("java.net.SocketException: Connection reset");
    }

    // ---- a half-closed peer: the reader sees end of stream, the writer still writes ----

    @Async
    static Coroutine<Void> answerAfterEof(StreamReader reader, StreamWriter writer) {
        seen.add("line " + s(await(reader.readline())).trim());
        seen.add("then [" + s(await(reader.readline())) + "] at eof " + reader.atEof());
        seen.add("read() [" + s(await(reader.read(-1))) + "]");
        writer.write(b("answer\n"));
        await(writer.drain());
        writer.close();
        await(writer.waitClosed());
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> halfClose() {
        Server server = await(startServer(StreamErrorsTest::answerAfterEof, HOST, 0));
        Connection c = await(openConnection(HOST, server.sockets().get(0).getPort()));
        c.writer().write(b("question\n"));
        seen.add("can write eof " + c.writer().canWriteEof());
        c.writer().writeEof();
        seen.add("client got " + s(await(c.reader().readline())).trim());
        seen.add("client then [" + s(await(c.reader().readline())) + "]");
        c.writer().close();
        await(c.writer().waitClosed());
        server.close();
        await(server.waitClosed());
        return Coroutine.done();
    }

    @Test
    void a_half_closed_peer_gives_end_of_stream_and_may_still_be_answered() {
        loop.runUntilComplete(halfClose());
        assertThat(seen).containsExactly("can write eof true", "line question", "then [] at eof true",
                "read() []", "client got answer", "client then []");
    }

    // ---- a line longer than the limit: LimitOverrunError (Python's readline: ValueError) ----

    @Async
    static Coroutine<Void> readTwoLines(StreamReader reader, StreamWriter writer) {
        try {
            await(reader.readline());
        } catch (LimitOverrunError e) {
            seen.add(e.getMessage());
        }
        seen.add("next " + s(await(reader.readline())).trim());
        writer.close();
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> sendLongLine() {
        Server server = await(startServer(StreamErrorsTest::readTwoLines, HOST, 0, 16));
        Connection c = await(openConnection(HOST, server.sockets().get(0).getPort()));
        c.writer().write(b("a line of forty bytes, longer than 16..\nshort\n"));
        byte[] rest = await(c.reader().read(-1));
        seen.add("client read [" + s(rest) + "]");
        c.writer().close();
        server.close();
        await(server.waitClosed());
        return Coroutine.done();
    }

    @Test
    void a_line_longer_than_the_limit_raises_LimitOverrunError_and_is_dropped() {
        loop.runUntilComplete(sendLongLine());
        assertThat(seen).hasSize(3);
        assertThat(seen.get(0)).startsWith("Separator is");
        assertThat(seen.subList(1, 3)).containsExactly("next short", "client read []");
    }

    // ---- a client that never sends: the handler's waitFor gives TimeoutError -> TimeoutException ----

    @Async
    static Coroutine<Void> impatient(StreamReader reader, StreamWriter writer) {
        try {
            await(waitFor(reader.readline(), 0.05));
        } catch (TimeoutException e) {
            seen.add("timed out");
            writer.write(b("too slow\n"));
        }
        writer.close();
        await(writer.waitClosed());
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> neverSend() {
        Server server = await(startServer(StreamErrorsTest::impatient, HOST, 0));
        Connection c = await(openConnection(HOST, server.sockets().get(0).getPort()));
        seen.add("client got " + s(await(c.reader().readline())).trim());
        seen.add("client then [" + s(await(c.reader().read(-1))) + "]");
        c.writer().close();
        await(c.writer().waitClosed());
        server.close();
        await(server.waitClosed());
        return Coroutine.done();
    }

    @Test
    void a_client_that_never_sends_is_timed_out_by_waitFor_and_closed() {
        loop.runUntilComplete(neverSend());
        assertThat(seen).containsExactly("timed out", "client got too slow", "client then []");
        assertThat(reported).isEmpty();
    }

    // ---- a read cancelled while waiting loses no byte ----

    @Async
    static Coroutine<Void> cancelThenRead(StreamReader reader, StreamWriter writer) {
        try {
            await(waitFor(reader.readline(), 0.05)); // "par" arrives, "tial\n" only later
        } catch (TimeoutException e) {
            seen.add("first readline timed out");
        }
        byte[] line = await(reader.readline());
        writer.write(line);
        writer.close();
        await(writer.waitClosed());
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> sendInTwoParts() {
        Server server = await(startServer(StreamErrorsTest::cancelThenRead, HOST, 0));
        Connection c = await(openConnection(HOST, server.sockets().get(0).getPort()));
        c.writer().write(b("par"));
        await(sleep(0.2));
        c.writer().write(b("tial\n"));
        seen.add("echoed " + s(await(c.reader().read(-1))).trim());
        c.writer().close();
        server.close();
        await(server.waitClosed());
        return Coroutine.done();
    }

    @Test
    void a_read_cancelled_while_waiting_loses_no_byte() {
        loop.runUntilComplete(sendInTwoParts());
        assertThat(seen).containsExactly("first readline timed out", "echoed partial");
    }

    // ---- peername and sockname print as Python's address tuples ----

    @Async
    static Coroutine<Void> tellPeer(StreamReader reader, StreamWriter writer) {
        writer.write(b(writer.getExtraInfo("peername") + "\n"));
        writer.close();
        return Coroutine.done();
    }

    @Async
    static Coroutine<List<String>> addresses() {
        Server server = await(startServer(StreamErrorsTest::tellPeer, HOST, 0));
        int port = server.sockets().get(0).getPort();
        Connection c = await(openConnection(HOST, port));
        List<String> got = new ArrayList<>();
        got.add(String.valueOf(server.sockets().get(0)));
        got.add(String.valueOf(c.writer().getExtraInfo("peername")));
        got.add(s(await(c.reader().readline())).trim());
        got.add(String.valueOf(c.writer().getExtraInfo("sockname")));
        got.add(String.valueOf(port));
        c.writer().close();
        server.close();
        await(server.waitClosed());
        return Coroutine.returning(got);
    }

    @Test
    void peername_and_sockname_print_as_python_address_tuples() {
        List<String> got = loop.runUntilComplete(addresses());
        String port = got.get(4);
        assertThat(got.get(0)).isEqualTo("('127.0.0.1', " + port + ")");
        assertThat(got.get(1)).isEqualTo("('127.0.0.1', " + port + ")");
        assertThat(got.get(2)).isEqualTo(got.get(3)).matches("\\('127\\.0\\.0\\.1', \\d+\\)");
    }
}
