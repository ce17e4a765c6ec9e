package dev.weft;

import static dev.weft.Sockets.HOST;
import static dev.weft.Weft.await;
import static dev.weft.Weft.openConnection;
import static dev.weft.Weft.startServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 10,000 client connections to a {@code startServer} echo server, all on one loop, all open at
 * once at the end: each sends one line and gets it back, then all are closed. Both ends are in
 * this process, so it needs twice as many descriptors: it is skipped, saying so, when
 * {@code ulimit -n} is too low ({@code .ci/run} raises it). {@code -Dweft.connections=N} changes
 * the count.
 */
class TenThousandConnectionsTest {
    private static final int CONNECTIONS = Integer.getInteger("weft.connections", 10_000);
    /** Connects in flight at once: more would overflow the listening socket's backlog (SYNs dropped, retried after 1 s). */
    private static final int CONNECTING_AT_ONCE = 100;

    @Async
    static Coroutine<Void> echoLine(StreamReader reader, StreamWriter writer) {
        writer.write(await(reader.readline()));
        await(writer.drain());
        await(reader.read(-1)); // until the client closes
        writer.close();
        return Coroutine.done();
    }

    @Async
    static Coroutine<Connection> connectAndEcho(int port, int i, Semaphore connecting, List<String> echoed) {
        await(connecting.acquire());
        Connection c;
        try {
            c = await(openConnection(HOST, port));
        } finally {
            connecting.release();
        }
        byte[] line = ("line " + i + "\n").getBytes(StandardCharsets.US_ASCII);
        c.writer().write(line);
        echoed.add(new String(await(c.reader().readline()), StandardCharsets.US_ASCII));
        return Coroutine.returning(c);
    }

    @Async
    static Coroutine<List<String>> tenThousand(EventLoop loop) {
        Server server = await(startServer(TenThousandConnectionsTest::echoLine, HOST, 0));
        int port = server.sockets().get(0).getPort();
        Semaphore connecting = new Semaphore(CONNECTING_AT_ONCE);
        List<String> echoed = new ArrayList<>();
        List<Task<Connection>> clients = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            clients.add(loop.createTask(connectAndEcho(port, i, connecting, echoed)));
        }
        List<Connection> open = new ArrayList<>();
        for (Task<Connection> t : clients) {
            open.add(await(t));
        }
        long serverSide = loop.channels().stream().filter(java.nio.channels.SelectableChannel::isOpen).count();
        echoed.add("open at once: " + serverSide);
        for (Connection c : open) {
            c.writer().close();
        }
        for (Connection c : open) {
            await(c.writer().waitClosed());
        }
        server.close();
        await(server.waitClosed());
        return Coroutine.returning(echoed);
    }

    static long openFileLimit() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean) {
            return ((com.sun.management.UnixOperatingSystemMXBean) os).getMaxFileDescriptorCount();
        }
        return -1;
    }

    @Test
    void ten_thousand_connections_on_one_loop_each_echo_a_line() {
        long limit = openFileLimit();
        long needed = 2L * CONNECTIONS + 1000;
        System.out.println("TenThousandConnectionsTest: ulimit -n is " + limit + ", " + CONNECTIONS + " connections need " + needed);
        assumeTrue(limit >= needed, "ulimit -n is " + limit + ": " + CONNECTIONS + " connections with both ends in this process need "
                + needed + " descriptors; raise it (ulimit -n 65536, as .ci/run does) to run this test");
        EventLoop loop = EventLoop.create();
        try {
            List<String> echoed = loop.runUntilComplete(tenThousand(loop));
            assertThat(echoed).hasSize(CONNECTIONS + 1);
            List<String> want = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                want.add("line " + i + "\n");
            }
            assertThat(echoed.subList(0, CONNECTIONS)).containsExactlyInAnyOrderElementsOf(want);
            // both ends of every connection, and the listening socket
            assertThat(echoed.get(CONNECTIONS)).isEqualTo("open at once: " + (2 * CONNECTIONS + 1));
            Coros.runBriefly(loop);
            assertThat(loop.channels()).allMatch(c -> !c.isOpen());
            assertThat(loop.allTasks()).isEmpty();
        } finally {
            loop.close();
        }
    }
}
