package dev.weft.benchmarks.echo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.HdrHistogram.Histogram;

/**
 * The load client of the echo-server benchmark ({@code benchmarks/echo/run}): N connections to
 * 127.0.0.1, each sends a message of S bytes and waits for all S bytes back before sending the
 * next (closed loop), served by one selector thread. After a warm-up it measures a window and
 * prints requests (round trips) per second, MB/s (message bytes echoed per second, one way),
 * the latency of a round trip (p50, p99, p99.9, max), this client's CPU % (all its threads, so
 * a run can show the client was not the bottleneck) and, given the server's pid, the server's
 * CPU time per round trip.
 *
 * <pre>
 * java -cp benchmarks.jar dev.weft.benchmarks.echo.EchoClient --port 9000 [--connections 100]
 *     [--size 1024] [--warmup 5] [--seconds 10] [--server-pid PID] [--tls store.p12] [--label name]
 * java -cp benchmarks.jar dev.weft.benchmarks.echo.EchoClient --port 9000 --idle 10000 ...
 * </pre>
 *
 * <p>The last line is {@code RESULT key=value ...} for the run script. {@code --idle} opens
 * connections and holds them instead ({@link IdleConnections}).
 */
public final class EchoClient {
    /** Longest a run waits for the server to listen. */
    static final long CONNECT_WAIT_NANOS = 30_000_000_000L;

    private final Options o;
    private final List<EchoConnection> connections = new ArrayList<>();
    private final Histogram latency = new Histogram(60_000_000_000L, 3);
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(256 * 1024);
    private long roundTrips;
    private boolean measuring;

    private EchoClient(Options o) {
        this.o = o;
    }

    /**
     * Runs the client.
     *
     * @param args see the class comment
     * @throws Exception if a connection fails: the run is void then
     */
    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        if (o.idle > 0) {
            new IdleConnections(o).run();
        } else {
            new EchoClient(o).run();
        }
    }

    private void run() throws Exception {
        ByteBuffer message = ByteBuffer.allocateDirect(o.size);
        for (int i = 0; i < o.size; i++) {
            message.put((byte) ('a' + i % 26));
        }
        SSLContext tls = o.tls == null ? null : EchoTls.clientContext(o.tls);
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < o.connections; i++) {
                connections.add(open(selector, message, tls));
            }
            loop(selector);
        } finally {
            for (EchoConnection c : connections) {
                c.channel.close();
            }
        }
    }

    private EchoConnection open(Selector selector, ByteBuffer message, SSLContext tls) throws Exception {
        SocketChannel ch = connect(o.port, System.nanoTime() + CONNECT_WAIT_NANOS);
        EchoConnection c;
        if (tls == null) {
            c = new EchoConnection(ch, message);
        } else {
            SSLEngine engine = tls.createSSLEngine("127.0.0.1", o.port);
            engine.setUseClientMode(true);
            TlsEchoConnection t = new TlsEchoConnection(ch, message, engine);
            t.handshake(scratch);
            c = t;
        }
        ch.configureBlocking(false);
        c.key = ch.register(selector, SelectionKey.OP_READ, c);
        return c;
    }

    /** A blocking connection to 127.0.0.1, retried until the server listens or the deadline passes. */
    static SocketChannel connect(int port, long deadline) throws IOException, InterruptedException {
        for (;;) {
            SocketChannel ch = SocketChannel.open();
            try {
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.connect(new InetSocketAddress("127.0.0.1", port));
                return ch;
            } catch (ConnectException e) {
                ch.close();
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private void loop(Selector selector) throws IOException {
        ProcessCpu self = ProcessCpu.self();
        ProcessCpu server = o.serverPid > 0 ? ProcessCpu.of(o.serverPid) : null;
        long start = System.nanoTime();
        long measureAt = start + (long) (o.warmup * 1e9);
        long endAt = measureAt + (long) (o.seconds * 1e9);
        for (EchoConnection c : connections) {
            c.send(start);
        }
        long t0 = 0;
        long rt0 = 0;
        long selfCpu0 = 0;
        long serverCpu0 = 0;
        for (;;) {
            selector.select(this::ready, 100);
            long now = System.nanoTime();
            if (!measuring && now >= measureAt) {
                measuring = true;
                t0 = now;
                rt0 = roundTrips;
                selfCpu0 = self.nanos();
                serverCpu0 = server == null ? 0 : server.nanos();
            } else if (measuring && now >= endAt) {
                long elapsed = now - t0;
                long selfCpu = self.nanos() - selfCpu0;
                long serverCpu = server == null ? -1 : server.nanos() - serverCpu0;
                report(roundTrips - rt0, elapsed, selfCpu, serverCpu);
                return;
            }
        }
    }

    /** One ready connection: flush what is pending, count what arrived, start the next round trip. */
    private void ready(SelectionKey key) {
        EchoConnection c = (EchoConnection) key.attachment();
        try {
            if (key.isWritable()) {
                c.flush();
            }
            if (key.isReadable()) {
                int n = c.read(scratch);
                if (n < 0) {
                    throw new IOException("the server closed a connection");
                }
                c.received += n;
                if (c.received >= c.size) {
                    if (c.received > c.size) {
                        throw new IOException("the server sent " + c.received + " bytes for a message of " + c.size);
                    }
                    long now = System.nanoTime();
                    if (measuring) {
                        latency.recordValue(now - c.sentAt);
                        roundTrips++;
                    }
                    c.send(now);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void report(long n, long elapsedNanos, long selfCpuNanos, long serverCpuNanos) {
        double secs = elapsedNanos / 1e9;
        double rps = n / secs;
        double mbps = n * (double) o.size / secs / 1e6;
        double clientCpu = 100.0 * selfCpuNanos / elapsedNanos;
        double serverUs = serverCpuNanos < 0 ? Double.NaN : serverCpuNanos / 1e3 / n;
        double serverCpu = serverCpuNanos < 0 ? Double.NaN : 100.0 * serverCpuNanos / elapsedNanos;
        System.out.printf(Locale.ROOT, "%s: %d connections, %d-byte messages%s, %.1f s measured after %.1f s warm-up%n",
                o.label, o.connections, o.size, o.tls == null ? "" : " over TLS", secs, o.warmup);
        System.out.printf(Locale.ROOT, "  %,.0f round trips/s, %.1f MB/s each way%n", rps, mbps);
        System.out.printf(Locale.ROOT, "  latency us: p50 %.0f, p99 %.0f, p99.9 %.0f, max %.0f%n", us(50), us(99), us(99.9),
                latency.getMaxValue() / 1e3);
        System.out.printf(Locale.ROOT, "  client CPU %.1f %%; server CPU %.1f %%, %.2f us per round trip%n", clientCpu,
                serverCpu, serverUs);
        System.out.printf(Locale.ROOT,
                "RESULT server=%s size=%d connections=%d roundtrips=%d rps=%.0f mbps=%.1f p50us=%.0f p99us=%.0f"
                        + " clientcpu=%.1f servercpu=%.1f serverus=%.2f%n",
                o.label, o.size, o.connections, n, rps, mbps, us(50), us(99), clientCpu, serverCpu, serverUs);
    }

    private double us(double percentile) {
        return latency.getValueAtPercentile(percentile) / 1e3;
    }

    /** The command line. */
    static final class Options {
        int port = -1;
        int connections = 100;
        int size = 1024;
        double warmup = 5;
        double seconds = 10;
        long serverPid = -1;
        Path tls;
        String label = "server";
        int idle;
        int idleFirst = 1000;
        Path goFile;
        double hold = 120;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("no value after " + args[i]);
                }
                String v = args[i + 1];
                switch (args[i]) {
                    case "--port": o.port = Integer.parseInt(v); break;
                    case "--connections": o.connections = Integer.parseInt(v); break;
                    case "--size": o.size = Integer.parseInt(v); break;
                    case "--warmup": o.warmup = Double.parseDouble(v); break;
                    case "--seconds": o.seconds = Double.parseDouble(v); break;
                    case "--server-pid": o.serverPid = Long.parseLong(v); break;
                    case "--tls": o.tls = Path.of(v); break;
                    case "--label": o.label = v; break;
                    case "--idle": o.idle = Integer.parseInt(v); break;
                    case "--idle-first": o.idleFirst = Integer.parseInt(v); break;
                    case "--go-file": o.goFile = Path.of(v); break;
                    case "--hold": o.hold = Double.parseDouble(v); break;
                    default: throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (o.port <= 0 || o.connections <= 0 || o.size <= 0 || o.seconds <= 0 || o.warmup < 0) {
                throw new IllegalArgumentException("need --port, and positive --connections, --size, --seconds");
            }
            return o;
        }
    }
}
