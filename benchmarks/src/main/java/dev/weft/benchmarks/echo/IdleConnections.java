package dev.weft.benchmarks.echo;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The idle-connections mode of {@link EchoClient} ({@code --idle N}): opens {@code --idle-first}
 * connections, echoes one byte on each (so the server has accepted and served it), prints
 * {@code HELD n}, waits for the {@code --go-file} to appear, opens the rest up to N the same way,
 * prints {@code HELD N} and holds them all, idle, for {@code --hold} seconds (or until killed).
 * The run script reads the server's memory at both {@code HELD} lines: the difference over the
 * connections opened in between is the cost of an idle connection, without the server's
 * one-time costs (classes loaded, code compiled, buffers pooled).
 */
final class IdleConnections {
    private final EchoClient.Options o;
    private final List<SocketChannel> held = new ArrayList<>();
    private final ByteBuffer one = ByteBuffer.allocateDirect(1);

    IdleConnections(EchoClient.Options o) {
        this.o = o;
    }

    void run() throws Exception {
        try {
            open(Math.min(o.idleFirst, o.idle));
            System.out.println("HELD " + held.size());
            if (o.goFile != null) {
                long deadline = System.nanoTime() + (long) (o.hold * 1e9);
                while (!Files.exists(o.goFile) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
            open(o.idle - held.size());
            System.out.println("HELD " + held.size());
            Thread.sleep((long) (o.hold * 1000));
        } finally {
            for (SocketChannel c : held) {
                c.close();
            }
        }
    }

    private void open(int n) throws IOException, InterruptedException {
        for (int i = 0; i < n; i++) {
            SocketChannel c = EchoClient.connect(o.port, System.nanoTime() + EchoClient.CONNECT_WAIT_NANOS);
            held.add(c);
            one.clear();
            one.put((byte) 'x').flip();
            c.write(one);
            one.clear();
            if (c.read(one) != 1) {
                throw new EOFException("no echo on connection " + held.size());
            }
        }
    }
}
