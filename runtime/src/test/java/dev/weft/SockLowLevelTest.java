package dev.weft;

import static dev.weft.Sockets.HOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The loop's low-level socket calls: CPython's {@code test_sock_lowlevel.py}
 * ({@code test_sock_client_ops}, {@code test_sock_accept}, {@code test_huge_content},
 * {@code test_sock_client_fail}, ...) on non-blocking channels, and {@code getaddrinfo}.
 */
class SockLowLevelTest {
    private final EventLoop loop = EventLoop.create();
    private final Sockets sockets = new Sockets();
    private ServerSocketChannel listening;

    @AfterEach
    void closeAll() {
        sockets.closeAndCheck(loop);
    }

    private InetSocketAddress listen() throws IOException {
        listening = sockets.track(ServerSocketChannel.open());
        listening.bind(new InetSocketAddress(HOST, 0));
        listening.configureBlocking(false);
        return (InetSocketAddress) listening.getLocalAddress();
    }

    private SocketChannel client() throws IOException {
        SocketChannel c = sockets.track(SocketChannel.open());
        c.configureBlocking(false);
        return c;
    }

    @Test
    void test_sock_client_ops() throws IOException {
        InetSocketAddress address = listen();
        SocketChannel c = client();
        Future<SocketChannel> accepted = loop.sockAccept(listening);
        loop.runUntilComplete(loop.sockConnect(c, address));
        SocketChannel s = sockets.track(loop.runUntilComplete(accepted));
        assertThat(s.isBlocking()).isFalse();
        assertThat(s.getRemoteAddress()).isEqualTo(c.getLocalAddress());
        loop.runUntilComplete(loop.sockSendall(c, "GET / HTTP/1.0\r\n\r\n".getBytes()));
        byte[] got = loop.runUntilComplete(loop.sockRecv(s, 1024));
        assertThat(new String(got)).isEqualTo("GET / HTTP/1.0\r\n\r\n");
        // recv_into
        ByteBuffer into = ByteBuffer.allocate(8);
        Future<Integer> n = loop.sockRecvInto(c, into); // nothing yet: waits for the reply
        loop.runUntilComplete(loop.done(null));
        assertThat(n.done()).isFalse();
        loop.runUntilComplete(loop.sockSendall(s, "HTTP/1.0 200".getBytes()));
        assertThat(loop.runUntilComplete(n)).isEqualTo(8);
        assertThat(new String(into.array())).isEqualTo("HTTP/1.0");
        s.shutdownOutput();
        byte[] rest = loop.runUntilComplete(loop.sockRecv(c, 1024));
        assertThat(new String(rest)).isEqualTo(" 200");
        assertThat(loop.runUntilComplete(loop.sockRecv(c, 1024))).isEmpty(); // end of stream: b""
        assertThat(loop.runUntilComplete(loop.sockRecvInto(c, ByteBuffer.allocate(4)))).isEqualTo(-1);
    }

    @Test
    void test_huge_content() throws IOException {
        InetSocketAddress address = listen();
        SocketChannel c = client();
        Future<SocketChannel> accepted = loop.sockAccept(listening);
        loop.runUntilComplete(loop.sockConnect(c, address));
        SocketChannel s = sockets.track(loop.runUntilComplete(accepted));
        byte[] data = new byte[16 * 1024 * 1024];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        Future<Void> sent = loop.sockSendall(c, data);
        Arrays.fill(data, 0, 100, (byte) 0); // sendall copied what it had left to send... or sent it
        byte[] expected = new byte[data.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (i * 31);
        }
        ByteBuffer got = ByteBuffer.allocate(data.length);
        while (got.hasRemaining()) {
            int k = loop.runUntilComplete(loop.sockRecvInto(s, got));
            assertThat(k).isPositive();
        }
        loop.runUntilComplete(sent);
        assertThat(got.array()).isEqualTo(expected);
    }

    @Test
    void test_sock_client_fail() throws IOException {
        SocketChannel c = client();
        Future<Void> f = loop.sockConnect(c, new InetSocketAddress(HOST, Sockets.closedPort()));
        assertThatThrownBy(() -> loop.runUntilComplete(f)).isInstanceOf(ConnectException.class);
    }

    @Test
    void test_cancel_sock_accept_stops_accepting() throws IOException {
        InetSocketAddress address = listen();
        Future<SocketChannel> accepted = loop.sockAccept(listening);
        loop.runUntilComplete(loop.done(null));
        accepted.cancel();
        assertThatThrownBy(() -> loop.runUntilComplete(accepted)).isInstanceOf(CancellationException.class);
        SocketChannel c = client();
        loop.runUntilComplete(loop.sockConnect(c, address));
        loop.runUntilComplete(loop.done(null));
        assertThat(loop.removeReader(listening)).isFalse(); // the cancelled call left no reader behind
        SocketChannel s = sockets.track(loop.runUntilComplete(loop.sockAccept(listening)));
        assertThat(s.getRemoteAddress()).isEqualTo(c.getLocalAddress());
        s.close(); // never registered with the loop: ours to close
    }

    @Test
    void test_cancel_sock_recv_leaves_no_reader() throws IOException {
        InetSocketAddress address = listen();
        SocketChannel c = client();
        Future<SocketChannel> accepted = loop.sockAccept(listening);
        loop.runUntilComplete(loop.sockConnect(c, address));
        SocketChannel s = sockets.track(loop.runUntilComplete(accepted));
        Future<byte[]> recv = loop.sockRecv(c, 10);
        recv.cancel();
        loop.runUntilComplete(loop.done(null));
        assertThat(loop.removeReader(c)).isFalse();
        s.close(); // never registered with the loop: ours to close
    }

    @Test
    void sock_calls_refuse_blocking_channels() throws IOException {
        SocketChannel c = sockets.track(SocketChannel.open());
        assertThatThrownBy(() -> loop.sockRecv(c, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blocking");
        assertThatThrownBy(() -> loop.sockRecv(c, -1)).isInstanceOf(IllegalArgumentException.class);
        c.close();
    }

    @Test
    void test_getaddrinfo() {
        List<InetSocketAddress> got = loop.runUntilComplete(loop.getaddrinfo(HOST, 80));
        assertThat(got).containsExactly(new InetSocketAddress(HOST, 80));
        assertThatThrownBy(() -> loop.runUntilComplete(loop.getaddrinfo("no-such-host.invalid", 80)))
                .isInstanceOf(UnknownHostException.class);
    }
}
