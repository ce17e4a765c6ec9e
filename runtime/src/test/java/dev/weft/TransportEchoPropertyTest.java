package dev.weft;

import static dev.weft.Sockets.HOST;
import static dev.weft.Sockets.runUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.channels.SocketChannel;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Bytes through a transport and back: random chunks (empty ones, big ones, small water marks)
 * written to an echo server on one loop come back whole and in order, however the sockets cut them.
 */
class TransportEchoPropertyTest {

    /** Echoes what it receives, closes at end of stream; pauses reading while its own transport's buffer is above the high mark. */
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

        @Override
        public void pauseWriting() {
            transport.pauseReading();
        }

        @Override
        public void resumeWriting() {
            transport.resumeReading();
        }
    }

    @Property(tries = 40)
    void echoed_bytes_equal_the_bytes_written(
            @ForAll @Size(max = 30) List<@Size(max = 70_000) byte[]> chunks,
            @ForAll @IntRange(min = 1, max = 128 * 1024) int highWater) {
        EventLoop loop = EventLoop.create();
        Sockets sockets = new Sockets();
        try {
            Server server = loop.runUntilComplete(loop.createServer(Echo::new, HOST, 0)); // at end of stream it closes: close() sends its buffer first
            RecordingProtocol client = new RecordingProtocol();
            TransportAndProtocol<Transport, RecordingProtocol> tp = loop.runUntilComplete(
                    loop.createConnection(() -> client, HOST, server.sockets().get(0).getPort()));
            sockets.track((SocketChannel) tp.transport().getExtraInfo("socket"));
            tp.transport().setWriteBufferLimits(highWater, -1);
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            for (byte[] chunk : chunks) {
                tp.transport().write(chunk);
                sent.writeBytes(chunk);
                java.util.Arrays.fill(chunk, (byte) '!'); // the caller reuses its array once write returns
                if (chunk.length % 3 == 0) {
                    loop.runUntilComplete(loop.done(null)); // let the loop run between some writes
                }
            }
            tp.transport().writeEof();
            runUntil(loop, 15, () -> client.lost);
            assertThat(client.lostWith).isNull();
            assertThat(client.received.toByteArray()).isEqualTo(sent.toByteArray());
            server.close();
            loop.runUntilComplete(server.waitClosed());
        } finally {
            sockets.closeAndCheck(loop);
        }
    }
}
