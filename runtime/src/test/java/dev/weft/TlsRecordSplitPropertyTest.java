package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * TLS records however the network cuts them: a client's and a server's {@link SSLProtocol} joined
 * by in-memory transports, the bytes of each side handed to the other in chunks of random sizes
 * (a piece of a record, several records and a piece of the next): what the client writes reaches
 * the server's protocol whole and in order.
 */
class TlsRecordSplitPropertyTest {
    static Path dir;
    static SSLContext server;
    static SSLContext client;

    @BeforeContainer
    static void makeCertificates() throws Exception {
        dir = Files.createTempDirectory("weft-tls-split");
        KeytoolCertificates valid = KeytoolCertificates.selfSigned(dir, "valid", 2);
        server = valid.server();
        client = valid.client();
    }

    @AfterContainer
    static void removeCertificates() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One side of the in-memory connection: keeps what its protocol writes until it is pumped across. */
    static final class Pipe implements Transport {
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();

        @Override
        public void write(byte[] data) {
            sent.writeBytes(data);
        }

        @Override
        public void writelines(List<byte[]> chunks) {
            chunks.forEach(this::write);
        }

        @Override
        public void writeEof() {
        }

        @Override
        public boolean canWriteEof() {
            return false;
        }

        @Override
        public void pauseReading() {
        }

        @Override
        public void resumeReading() {
        }

        @Override
        public boolean isReading() {
            return true;
        }

        @Override
        public void close() {
        }

        @Override
        public boolean isClosing() {
            return false;
        }

        @Override
        public void abort() {
        }

        @Override
        public Object getExtraInfo(String name) {
            return null;
        }

        @Override
        public int getWriteBufferSize() {
            return 0;
        }

        @Override
        public void setWriteBufferLimits(int high, int low) {
        }

        @Override
        public int[] getWriteBufferLimits() {
            return new int[] {0, 0};
        }
    }

    /** Hands what {@code from} sent to {@code to}, in chunks of the given sizes (cycled); whether anything went across. */
    private static boolean pump(Pipe from, SSLProtocol to, List<Integer> cuts, int[] next) {
        byte[] bytes = from.sent.toByteArray();
        from.sent.reset();
        for (int at = 0; at < bytes.length; ) {
            int n = Math.min(cuts.get(next[0]++ % cuts.size()), bytes.length - at);
            to.bufferUpdated(ByteBuffer.wrap(bytes, at, n));
            at += n;
        }
        return bytes.length > 0;
    }

    @Property(tries = 30)
    void bytes_written_arrive_whole_however_the_records_are_cut(
            @ForAll @Size(min = 1, max = 8) List<@Size(max = 70_000) byte[]> messages,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 40_000) Integer> cuts) {
        EventLoop loop = EventLoop.create();
        try {
            RecordingProtocol serverApp = new RecordingProtocol();
            RecordingProtocol clientApp = new RecordingProtocol();
            SSLProtocol serverSide = new SSLProtocol(loop, serverApp, server, null, true, null, 0, true);
            SSLProtocol clientSide = new SSLProtocol(loop, clientApp, client, null, false, "localhost", 443, true);
            Pipe toServer = new Pipe();
            Pipe toClient = new Pipe();
            serverSide.connectionMade(toClient);
            clientSide.connectionMade(toServer);
            int[] next = {0};
            for (int round = 0; round < 50 && (clientApp.transport == null || serverApp.transport == null); round++) {
                pump(toServer, serverSide, cuts, next);
                pump(toClient, clientSide, cuts, next);
                loop.runUntilComplete(loop.done(null)); // the callbacks scheduled (connectionMade) run
            }
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            for (byte[] m : messages) {
                clientApp.transport.write(m);
                written.writeBytes(m);
            }
            for (int round = 0; round < 50 && pump(toServer, serverSide, cuts, next); round++) {
                pump(toClient, clientSide, cuts, next); // the server's session tickets
                loop.runUntilComplete(loop.done(null));
            }
            assertThat(serverApp.events).startsWith("made");
            assertThat(serverApp.lost).isFalse();
            assertThat(serverApp.received.toByteArray()).isEqualTo(written.toByteArray());
        } finally {
            loop.close();
        }
    }
}
