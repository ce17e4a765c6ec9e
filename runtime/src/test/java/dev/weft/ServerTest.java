package dev.weft;

import static dev.weft.Sockets.HOST;
import static dev.weft.Weft.await;
import static dev.weft.Weft.openConnection;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.startServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CPython 3.13's {@code test_server.py} cases with a Java meaning: {@code start_server} with
 * {@code serve_forever}, and {@code Server.wait_closed}, which (since 3.12) waits for the
 * connections the server accepted, unless {@code close_clients}/{@code abort_clients} end them.
 */
class ServerTest {
    private final EventLoop loop = EventLoop.create();

    @AfterEach
    void nothingLeaks() {
        Coros.runBriefly(loop);
        assertThat(loop.channels()).as("channels left open").allMatch(c -> !c.isOpen());
        loop.close();
    }

    // ---- test_start_server_1 ----

    static final class StartServer1 {
        Task<Void> mainTask;
        Server srv;
        final List<String> seen = new ArrayList<>();

        @Async
        Coroutine<Void> serve(StreamReader reader, StreamWriter writer) {
            await(reader.readline());
            mainTask.cancel();
            writer.write(new byte[] {'1'});
            writer.close();
            await(writer.waitClosed());
            return Coroutine.done();
        }

        @Async
        Coroutine<Void> main() {                                  // async with srv:
            try {
                await(srv.serveForever());
            } finally {
                srv.close();
                await(srv.waitClosed());
            }
            return Coroutine.done();
        }

        @Async
        Coroutine<Void> client(int port) {
            for (int i = 0; i < 10 && !srv.isServing(); i++) {
                await(sleep(0.2));
            }
            Connection c = await(openConnection(HOST, port));
            byte[] hello = new byte[1024 * 5 + 1];
            java.util.Arrays.fill(hello, (byte) '1');
            hello[hello.length - 1] = '\n';
            c.writer().write(hello);
            seen.add("client got " + new String(await(c.reader().read(-1)), StandardCharsets.US_ASCII));
            c.writer().close();
            return Coroutine.done();
        }
    }

    @Test
    void test_start_server_1() {
        StartServer1 t = new StartServer1();
        t.srv = loop.runUntilComplete(loop.createServer(
                () -> new StreamReaderProtocol(new StreamReader(StreamReader.DEFAULT_LIMIT, loop), t::serve, loop),
                HOST, 0, false));
        assertThat(t.srv.isServing()).isFalse();
        t.mainTask = loop.createTask(t.main());
        int port = t.srv.sockets().get(0).getPort();
        Task<Void> client = loop.createTask(t.client(port));
        assertThatThrownBy(() -> loop.runUntilComplete(t.mainTask)).isInstanceOf(CancellationException.class);
        loop.runUntilComplete(client);
        assertThat(t.seen).containsExactly("client got 1");
        assertThat(t.srv.sockets()).isEmpty();
        assertThat(t.srv.isServing()).isFalse();
        assertThat(t.srv.waitClosed().done()).isTrue();
        assertThatThrownBy(t.srv::serveForever).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
    }

    // ---- TestServer2 ----

    @Async
    static Coroutine<Void> readAllThenClose(StreamReader rd, StreamWriter wr) {
        try {
            await(rd.read(-1));
        } finally {
            wr.close();
            await(wr.waitClosed());
        }
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> waitClosedBasic() {
        Server srv = await(startServer(ServerTest::readAllThenClose, HOST, 0));
        EventLoop loop = EventLoop.getRunningLoop();
        // active count = 0, not closed: should block
        Future<Void> task1 = srv.waitClosed(); // Python: create_task(srv.wait_closed())
        await(sleep(0));
        assertThat(task1.done()).isFalse();
        // active count != 0, not closed: should block
        Connection c = await(openConnection(HOST, srv.sockets().get(0).getPort()));
        Future<Void> task2 = srv.waitClosed(); // Python: create_task(srv.wait_closed())
        await(sleep(0));
        assertThat(task1.done()).isFalse();
        assertThat(task2.done()).isFalse();
        srv.close();
        await(sleep(0));
        // active count != 0, closed: should block
        Future<Void> task3 = srv.waitClosed(); // Python: create_task(srv.wait_closed())
        await(sleep(0));
        assertThat(task1.done()).isFalse();
        assertThat(task2.done()).isFalse();
        assertThat(task3.done()).isFalse();
        c.writer().close();
        await(c.writer().waitClosed());
        // active count == 0, closed: should unblock
        await(task1);
        await(task2);
        await(task3);
        await(srv.waitClosed()); // at once
        return Coroutine.done();
    }

    @Test
    void test_wait_closed_basic() {
        loop.runUntilComplete(waitClosedBasic());
    }

    @Async
    static Coroutine<Void> waitClosedRace() {
        Server srv = await(startServer(ServerTest::readAllThenClose, HOST, 0));
        EventLoop loop = EventLoop.getRunningLoop();
        Future<Void> task = srv.waitClosed(); // Python: create_task(srv.wait_closed())
        await(sleep(0));
        assertThat(task.done()).isFalse();
        Connection c = await(openConnection(HOST, srv.sockets().get(0).getPort()));
        loop.callSoon(srv::close);
        loop.callSoon(c.writer()::close);
        await(srv.waitClosed());
        await(task);
        return Coroutine.done();
    }

    @Test
    void test_wait_closed_race() {
        loop.runUntilComplete(waitClosedRace());
    }

    @Async
    static Coroutine<Void> closeClients() {
        Server srv = await(startServer(ServerTest::readAllThenClose, HOST, 0));
        EventLoop loop = EventLoop.getRunningLoop();
        Connection c = await(openConnection(HOST, srv.sockets().get(0).getPort()));
        await(sleep(0.01)); // the server accepts it
        Future<Void> task = srv.waitClosed(); // Python: create_task(srv.wait_closed())
        await(sleep(0));
        assertThat(task.done()).isFalse();
        srv.close();
        srv.closeClients();
        await(sleep(0));
        await(sleep(0));
        assertThat(task.done()).isTrue();
        c.writer().close();
        return Coroutine.done();
    }

    @Test
    void test_close_clients() {
        loop.runUntilComplete(closeClients());
    }

    static final class AbortClients {
        final Future<Connection> fut = EventLoop.getRunningLoop().createFuture();

        @Async
        Coroutine<Void> serve(StreamReader rd, StreamWriter wr) {
            fut.setResult(new Connection(rd, wr));
            try {
                await(wr.waitClosed());
            } catch (Exception lost) {
                // aborted: closed with an error or not, the handler is done
            }
            return Coroutine.done();
        }
    }

    @Async
    static Coroutine<Void> abortClients() throws java.io.IOException {
        AbortClients t = new AbortClients();
        Server srv = await(startServer(t::serve, HOST, 0));
        EventLoop loop = EventLoop.getRunningLoop();
        Connection c = await(openConnection(HOST, srv.sockets().get(0).getPort(), 4096));
        Connection s = await(t.fut);
        // limit the socket buffers so as to overfill them more reliably
        ((SocketChannel) s.writer().getExtraInfo("socket")).setOption(StandardSocketOptions.SO_SNDBUF, 65536);
        SocketChannel cSock = (SocketChannel) c.writer().getExtraInfo("socket");
        cSock.setOption(StandardSocketOptions.SO_RCVBUF, 65536);
        // the client's reader paused: more than twice its limit sent
        for (int i = 0; i < 3; i++) {
            s.writer().write(new byte[4096]);
        }
        while (c.writer().transport().isReading()) {
            await(sleep(0));
        }
        // the server's writer waits: write until the kernel takes no more
        for (int i = 0; i < 10 && s.writer().transport().getWriteBufferSize() == 0; i++) {
            s.writer().write(new byte[1 << 20]);
        }
        assertThat(s.writer().transport().getWriteBufferSize()).isNotZero();
        Future<Void> task = srv.waitClosed(); // Python: create_task(srv.wait_closed())
        await(sleep(0));
        assertThat(task.done()).isFalse();
        srv.close();
        srv.abortClients();
        await(sleep(0));
        await(sleep(0));
        assertThat(task.done()).isTrue();
        c.writer().close();
        return Coroutine.done();
    }

    @Test
    void test_abort_clients() throws java.io.IOException {
        loop.runUntilComplete(abortClients());
    }
}
