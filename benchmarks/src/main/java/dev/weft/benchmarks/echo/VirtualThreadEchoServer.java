package dev.weft.benchmarks.echo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The virtual-threads baseline of the echo benchmark: blocking sockets, a virtual thread per
 * connection (and one accepting), each reading into its own 16 KiB array and writing back what
 * it read. Run it on JDK 21 or later with one carrier thread:
 * {@code -Djdk.virtualThreadScheduler.parallelism=1 -Djdk.virtualThreadScheduler.maxPoolSize=1}.
 * Arguments: {@code --port P}.
 */
public final class VirtualThreadEchoServer {
    /** Bytes read at once: between Netty's first guess (2 KiB) and uvloop's 256 KiB. */
    static final int BUFFER = 16 * 1024;

    private VirtualThreadEchoServer() {
    }

    /**
     * Serves until killed.
     *
     * @param args {@code --port P}
     * @throws Exception if the JDK has no virtual threads or the port is taken
     */
    public static void main(String[] args) throws Exception {
        int port = NettyEchoServer.port(args);
        // built for release 17: reach the JDK 21 factory by reflection
        ExecutorService threads = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        ServerSocket listening = new ServerSocket();
        listening.bind(new InetSocketAddress("127.0.0.1", port), 1024);
        System.out.println("virtual threads echo server listening on " + listening.getLocalSocketAddress());
        threads.submit(() -> {
            for (;;) {
                Socket s = listening.accept();
                threads.submit(() -> echo(s));
            }
        }).get();
    }

    private static Void echo(Socket s) throws IOException {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buf = new byte[BUFFER];
            for (int n; (n = in.read(buf)) > 0;) {
                out.write(buf, 0, n);
            }
        }
        return null;
    }
}
