package dev.weft;

import static dev.weft.Sockets.HOST;
import static dev.weft.Weft.await;
import static dev.weft.Weft.startServer;
import static dev.weft.Weft.toThread;
import static dev.weft.Weft.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.channels.SelectableChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One loop serving 10,000 concurrent connections: a {@code startServer} echo server in this process,
 * whose handlers each echo one line and then hold their connection until the client closes it. The
 * 10,000 client ends are in a child JVM ({@link TenThousandClients}), so each process needs about
 * one descriptor a connection and the test fits a {@code ulimit -n} of 20,000. Once the child says
 * all its clients have their echo, the test checks the server side has every connection open at
 * once (10,000 live handlers, 10,001 open channels with the listener); then it closes the child's
 * stdin, the child closes its sockets, and every handler must end, leaving no channel or task. It
 * is skipped, saying so, only when {@code ulimit -n} is below one side's need (connections + 1000);
 * it fails after 120 s. {@code -Dweft.connections=N} changes the count.
 */
class TenThousandConnectionsTest {
    private static final int CONNECTIONS = Integer.getInteger("weft.connections", 10_000);
    /** Clients not yet echoed at once: more would overflow the listening socket's backlog (SYNs dropped, retried after 1 s). */
    private static final int CONNECTING_AT_ONCE = 100;
    private static final double DEADLINE_SECONDS = 120;

    private final List<String> received = new ArrayList<>();
    private final Event allEnded = new Event();
    private int live;

    @Async
    Coroutine<Void> echoLine(StreamReader reader, StreamWriter writer) {
        live++;
        try {
            byte[] line = await(reader.readline());
            received.add(new String(line, StandardCharsets.US_ASCII));
            writer.write(line);
            await(writer.drain());
            await(reader.read(-1)); // until the client closes
            writer.close();
            await(writer.waitClosed());
        } finally {
            if (--live == 0) {
                allEnded.set();
            }
        }
        return Coroutine.done();
    }

    /** What the server saw while the child held every connection open. */
    private static final class AtOnce {
        String childSaid;
        int liveHandlers;
        long openChannels;
    }

    @Async
    Coroutine<AtOnce> serveTenThousand(EventLoop loop, Process[] child) throws IOException {
        Server server = await(startServer(this::echoLine, HOST, 0));
        int port = server.sockets().get(0).getPort();
        child[0] = startClients(port);
        BufferedReader out = new BufferedReader(new InputStreamReader(child[0].getInputStream(), StandardCharsets.US_ASCII));
        AtOnce seen = new AtOnce();
        seen.childSaid = await(toThread(out::readLine));
        seen.liveHandlers = live;
        seen.openChannels = loop.channels().stream().filter(SelectableChannel::isOpen).count();
        child[0].getOutputStream().close(); // the child now closes all its sockets
        if (live > 0) {
            await(allEnded.waitSet());
        }
        server.close();
        await(server.waitClosed());
        return Coroutine.returning(seen);
    }

    private static Process startClients(int port) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TenThousandClients.class.getName(),
                Integer.toString(port), Integer.toString(CONNECTIONS), Integer.toString(CONNECTING_AT_ONCE))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    static long openFileLimit() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean) {
            return ((com.sun.management.UnixOperatingSystemMXBean) os).getMaxFileDescriptorCount();
        }
        return -1;
    }

    @Test
    void ten_thousand_connections_on_one_loop_each_echo_a_line() throws Exception {
        long limit = openFileLimit();
        long needed = CONNECTIONS + 1000L;
        System.out.println("TenThousandConnectionsTest: ulimit -n is " + limit + ", each side of " + CONNECTIONS
                + " connections needs " + needed);
        assumeTrue(limit >= needed, "ulimit -n is " + limit + ": " + CONNECTIONS + " connections need " + needed
                + " descriptors in this process (the server) and as many in the child (the clients); raise it to run this test");
        EventLoop loop = EventLoop.create();
        Process[] child = new Process[1];
        try {
            long start = System.nanoTime();
            AtOnce seen = loop.runUntilComplete(waitFor(serveTenThousand(loop, child), DEADLINE_SECONDS));
            System.out.printf("TenThousandConnectionsTest: %d connections served in %.1f s%n", CONNECTIONS,
                    (System.nanoTime() - start) / 1e9);
            assertThat(seen.childSaid).isEqualTo("open " + CONNECTIONS);
            assertThat(seen.liveHandlers).isEqualTo(CONNECTIONS);
            assertThat(seen.openChannels).isEqualTo(CONNECTIONS + 1L); // and the listening socket
            List<String> want = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                want.add("line " + i + "\n");
            }
            assertThat(received).containsExactlyInAnyOrderElementsOf(want);
            assertThat(live).isZero();
            assertThat(child[0].waitFor(30, TimeUnit.SECONDS)).as("the clients' JVM exits").isTrue();
            assertThat(child[0].exitValue()).isZero();
            Coros.runBriefly(loop);
            assertThat(loop.channels()).allMatch(c -> !c.isOpen());
            assertThat(loop.allTasks()).isEmpty();
        } finally {
            if (child[0] != null) {
                child[0].destroyForcibly(); // also ends a readLine still blocked on its output
                child[0].waitFor(10, TimeUnit.SECONDS);
            }
            loop.close();
        }
    }
}
