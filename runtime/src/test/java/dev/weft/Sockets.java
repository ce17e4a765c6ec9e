package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** What the socket tests share: 127.0.0.1 only, and a record of every channel, to check the loop closed them all. */
final class Sockets {
    static final String HOST = "127.0.0.1";

    private final List<Channel> channels = new ArrayList<>();

    <C extends Channel> C track(C channel) {
        channels.add(channel);
        return channel;
    }

    /** A connected pair of non-blocking channels (Python's {@code socket.socketpair()}), both tracked. */
    SocketChannel[] pair() {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(HOST, 0));
            SocketChannel a = track(SocketChannel.open(server.getLocalAddress()));
            SocketChannel b = track(server.accept());
            a.configureBlocking(false);
            b.configureBlocking(false);
            return new SocketChannel[] {a, b};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nobody listens on (bound, then closed). */
    static int closedPort() {
        try (ServerSocketChannel s = ServerSocketChannel.open()) {
            s.bind(new InetSocketAddress(HOST, 0));
            return ((InetSocketAddress) s.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the loop, then checks that every channel tracked is closed. */
    void closeAndCheck(EventLoop loop) {
        loop.close();
        for (Channel c : channels) {
            assertThat(c.isOpen()).as("%s closed by the loop", c).isFalse();
        }
    }

    /** Runs the loop until {@code condition} holds, failing after {@code seconds} of real time. */
    static void runUntil(EventLoop loop, double seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos((long) (seconds * 1000));
        Future<Void> done = loop.createFuture();
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            if (condition.getAsBoolean()) {
                done.setResult(null);
            } else if (System.nanoTime() > deadline) {
                done.setException(new AssertionError("condition not met within " + seconds + " s"));
            } else {
                loop.callLater(0.001, poll[0]);
            }
        };
        loop.callSoon(poll[0]);
        loop.runUntilComplete(done);
    }
}
