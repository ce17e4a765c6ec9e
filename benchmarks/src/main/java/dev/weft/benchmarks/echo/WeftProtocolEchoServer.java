package dev.weft.benchmarks.echo;

import dev.weft.EventLoop;
import dev.weft.Protocol;
import dev.weft.Server;
import dev.weft.Transport;

/**
 * Weft's protocol row of the echo benchmark: one {@link EventLoop} on the main thread serves
 * every connection with a {@link Protocol} whose {@code dataReceived} writes the data back
 * (asyncio's echo protocol; the uvloop-protocol row is the same program in Python).
 * Arguments: {@code --port P}.
 */
public final class WeftProtocolEchoServer {
    private WeftProtocolEchoServer() {
    }

    /** Writes back what it receives. */
    static final class Echo implements Protocol {
        private Transport transport;

        @Override
        public void connectionMade(Transport t) {
            transport = t;
        }

        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }
    }

    /**
     * Serves until killed.
     *
     * @param args {@code --port P}
     */
    public static void main(String[] args) {
        int port = NettyEchoServer.port(args);
        EventLoop loop = EventLoop.create();
        Server server = loop.runUntilComplete(loop.createServer(Echo::new, "127.0.0.1", port));
        System.out.println("weft protocol echo server listening on " + server.sockets().get(0));
        loop.runForever();
    }
}
