package dev.weft.examples.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server}, started on a free port of 127.0.0.1 with a password and without
 * persistence ({@code --save '' --appendonly no}), and stopped by {@link #close()}. Its Python twin
 * is {@code src/main/python/redis/redis_server.py}.
 */
public final class RedisServer implements AutoCloseable {

    /** The password the server asks for, as the seed's {@code create_redis(addr, password=pwd)} does. */
    public static final String PASSWORD = "weft-example";

    /** What to do when there is no {@code redis-server}. */
    public static final String HOW_TO_GET_ONE = "redis-server is not on the PATH, so the Redis example cannot run.\n"
            + "Install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis;\n"
            + "or see https://redis.io/docs/latest/operate/oss_and_stack/install/) and run it again.";

    private final Process process;
    private final int port;

    private RedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The {@code redis-server} executable on the PATH, if any. */
    public static Optional<File> executable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            File f = new File(dir, "redis-server");
            if (f.isFile() && f.canExecute()) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Starts {@code redis-server} on a free loopback port and waits until it accepts connections. */
    public static RedisServer start() {
        File exe = executable().orElseThrow(() -> new IllegalStateException(HOW_TO_GET_ONE));
        for (int attempt = 0; ; attempt++) {
            int port = freePort();
            try {
                Process process = new ProcessBuilder(List.of(exe.getPath(), "--port", String.valueOf(port),
                        "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--requirepass", PASSWORD))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                RedisServer server = new RedisServer(process, port);
                if (server.awaitListening(10_000)) {
                    return server;
                }
                server.close();
                if (attempt == 2) {
                    throw new IllegalStateException("redis-server did not start listening on 127.0.0.1:" + port);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public int port() {
        return port;
    }

    /** {@code redis://PASSWORD@127.0.0.1:PORT}, for Lettuce's {@code RedisURI.create}. */
    public String uri() {
        return "redis://" + PASSWORD + "@127.0.0.1:" + port;
    }

    private boolean awaitListening(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return true;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL after 5 seconds) and waits for it to exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
