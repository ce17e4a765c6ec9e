package dev.weft;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The loop's low-level socket calls, Python's {@code sock_connect}, {@code sock_accept},
 * {@code sock_recv}, {@code sock_recv_into} and {@code sock_sendall}: each tries the call at
 * once, and only if the socket would block registers a reader or writer that retries it; the
 * registration is dropped when the future is done (or cancelled).
 */
final class SocketCalls {
    private SocketCalls() {
    }

    static Future<Void> connect(EventLoop loop, SocketChannel channel, SocketAddress address) {
        Future<Void> fut = loop.createFuture();
        try {
            loop.watch(channel);
            if (channel.connect(address)) {
                fut.setResult(null);
                return fut;
            }
        } catch (IOException e) {
            fut.setException(e);
            return fut;
        }
        loop.addWriter(channel, () -> {
            if (fut.done()) {
                return;
            }
            try {
                if (channel.finishConnect()) {
                    loop.removeWriter(channel);
                    fut.setResult(null);
                }
            } catch (IOException e) {
                loop.removeWriter(channel);
                fut.setException(e);
            }
        });
        fut.addDoneCallback(f -> loop.removeWriter(channel));
        return fut;
    }

    static Future<SocketChannel> accept(EventLoop loop, ServerSocketChannel server) {
        Future<SocketChannel> fut = loop.createFuture();
        loop.watch(server);
        if (acceptInto(server, fut)) {
            return fut;
        }
        loop.addReader(server, () -> {
            if (!fut.done() && acceptInto(server, fut)) {
                loop.removeReader(server);
            }
        });
        fut.addDoneCallback(f -> loop.removeReader(server));
        return fut;
    }

    /** One try at accepting: whether {@code fut} is done. */
    private static boolean acceptInto(ServerSocketChannel server, Future<SocketChannel> fut) {
        try {
            SocketChannel c = server.accept();
            if (c == null) {
                return false;
            }
            c.configureBlocking(false);
            fut.setResult(c);
        } catch (IOException e) {
            fut.setException(e);
        }
        return true;
    }

    static Future<byte[]> recv(EventLoop loop, SocketChannel channel, int n) {
        return whenReadable(loop, channel, () -> {
            ByteBuffer b = n <= SelectorTransport.MAX_SIZE ? loop.readBuffer() : ByteBuffer.allocate(n);
            b.limit(n);
            int got = channel.read(b);
            if (got == 0 && n > 0) {
                return null;
            }
            byte[] data = new byte[Math.max(got, 0)];
            b.flip();
            b.get(data);
            return data;
        });
    }

    static Future<Integer> recvInto(EventLoop loop, SocketChannel channel, ByteBuffer buffer) {
        return whenReadable(loop, channel, () -> {
            int got = channel.read(buffer);
            return got == 0 && buffer.hasRemaining() ? null : got;
        });
    }

    /** A read that gives null when it would block. */
    private interface Read<T> {
        T tryRead() throws IOException;
    }

    private static <T> Future<T> whenReadable(EventLoop loop, SocketChannel channel, Read<T> read) {
        Future<T> fut = loop.createFuture();
        loop.watch(channel);
        if (readInto(read, fut)) {
            return fut;
        }
        loop.addReader(channel, () -> {
            if (!fut.done() && readInto(read, fut)) {
                loop.removeReader(channel);
            }
        });
        fut.addDoneCallback(f -> loop.removeReader(channel));
        return fut;
    }

    private static <T> boolean readInto(Read<T> read, Future<T> fut) {
        try {
            T v = read.tryRead();
            if (v == null) {
                return false;
            }
            fut.setResult(v);
        } catch (IOException e) {
            fut.setException(e);
        }
        return true;
    }

    static Future<Void> sendall(EventLoop loop, SocketChannel channel, byte[] data) {
        Future<Void> fut = loop.createFuture();
        loop.watch(channel);
        ByteBuffer now = ByteBuffer.wrap(data);
        try {
            channel.write(now);
        } catch (IOException e) {
            fut.setException(e);
            return fut;
        }
        if (!now.hasRemaining()) {
            fut.setResult(null);
            return fut;
        }
        ByteBuffer rest = ByteBuffer.wrap(Arrays.copyOfRange(data, now.position(), data.length));
        loop.addWriter(channel, () -> {
            if (fut.done()) {
                return;
            }
            try {
                channel.write(rest);
            } catch (IOException e) {
                loop.removeWriter(channel);
                fut.setException(e);
                return;
            }
            if (!rest.hasRemaining()) {
                loop.removeWriter(channel);
                fut.setResult(null);
            }
        });
        fut.addDoneCallback(f -> loop.removeWriter(channel));
        return fut;
    }

    /** {@code getaddrinfo}'s blocking part, run in the executor. */
    static List<InetSocketAddress> lookUp(String host, int port) throws UnknownHostException {
        InetAddress[] all = InetAddress.getAllByName(host);
        List<InetSocketAddress> out = new ArrayList<>(all.length);
        for (InetAddress a : all) {
            out.add(new InetSocketAddress(a, port));
        }
        return out;
    }

    /** The address of a literal IPv4 or IPv6 host, which needs no lookup; null for a name. */
    static InetSocketAddress literal(String host, int port) {
        if (!isLiteral(host)) {
            return null;
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return null; // not a well-formed literal after all: let the resolver say why
        }
    }

    private static boolean isLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        int dots = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots == 3;
    }
}
