package dev.weft;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The client side of {@link TenThousandConnectionsTest}, run in a child JVM so each process needs
 * only one descriptor a connection: {@code TenThousandClients PORT N AT_ONCE} connects N clients to
 * 127.0.0.1:PORT with one selector (at most AT_ONCE not yet echoed, to respect the listen backlog),
 * sends {@code line i\n} on each and reads it back, prints {@code open N}, keeps every socket open
 * until its stdin closes, then closes them all. Any failure: a message on stderr, exit status 1.
 */
final class TenThousandClients {
    /** One client: the line it sends and what has come back so far. */
    private static final class Client {
        final SocketChannel channel;
        final ByteBuffer out;
        final ByteBuffer in;

        Client(SocketChannel channel, int i) {
            this.channel = channel;
            this.out = ByteBuffer.wrap(("line " + i + "\n").getBytes(StandardCharsets.US_ASCII));
            this.in = ByteBuffer.allocate(out.remaining());
        }
    }

    private TenThousandClients() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        int atOnce = Integer.parseInt(args[2]);
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
        List<SocketChannel> open = new ArrayList<>(n);
        try (Selector selector = Selector.open()) {
            int started = 0;
            int echoed = 0;
            while (echoed < n) {
                for (; started < n && started - echoed < atOnce; started++) {
                    SocketChannel ch = SocketChannel.open();
                    open.add(ch);
                    ch.configureBlocking(false);
                    int ops = ch.connect(server) ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT;
                    ch.register(selector, ops, new Client(ch, started));
                }
                selector.select();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (step(key)) {
                        echoed++;
                    }
                }
            }
            System.out.println("open " + n);
            System.out.flush();
            while (System.in.read() != -1) {
                // hold every connection open until the test closes our stdin
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("TenThousandClients: " + e);
            System.exit(1);
        } finally {
            for (SocketChannel ch : open) {
                ch.close();
            }
        }
    }

    /** Advances one client; true when its echo is complete and correct. */
    private static boolean step(SelectionKey key) throws IOException {
        Client c = (Client) key.attachment();
        if (key.isConnectable() && c.channel.finishConnect()) {
            key.interestOps(SelectionKey.OP_WRITE);
        }
        if (key.isValid() && key.isWritable()) {
            c.channel.write(c.out);
            if (!c.out.hasRemaining()) {
                key.interestOps(SelectionKey.OP_READ);
            }
        }
        if (key.isValid() && key.isReadable()) {
            if (c.channel.read(c.in) < 0) {
                throw new IOException("server closed before echoing " + new String(c.out.array(), StandardCharsets.US_ASCII));
            }
            if (!c.in.hasRemaining()) {
                if (!java.util.Arrays.equals(c.in.array(), c.out.array())) {
                    throw new IOException("echo " + new String(c.in.array(), StandardCharsets.US_ASCII) + " for "
                            + new String(c.out.array(), StandardCharsets.US_ASCII));
                }
                key.interestOps(0);
                return true;
            }
        }
        return false;
    }
}
