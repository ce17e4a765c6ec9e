package dev.weft;

import static dev.weft.Sockets.HOST;
import static dev.weft.Sockets.runUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The TCP transport: CPython's {@code test_selector_events.py} {@code SelectorSocketTransportTests}
 * cases, on a real connection made by {@code createConnection} to a plain channel the test holds
 * (the "peer", read and written without the loop's help, non-blocking).
 */
class SocketTransportTest {
    private final EventLoop loop = EventLoop.create();
    private final Sockets sockets = new Sockets();
    private SocketChannel peer;
    private RecordingProtocol proto;
    private Transport transport;

    @AfterEach
    void closeAll() throws IOException {
        if (peer != null) {
            peer.close();
        }
        sockets.closeAndCheck(loop);
    }

    /** A transport (and its protocol) connected to {@link #peer}. */
    private void connect() throws IOException {
        java.nio.channels.ServerSocketChannel listening = java.nio.channels.ServerSocketChannel.open();
        listening.bind(new InetSocketAddress(HOST, 0));
        int port = ((InetSocketAddress) listening.getLocalAddress()).getPort();
        TransportAndProtocol<Transport, RecordingProtocol> tp =
                loop.runUntilComplete(loop.createConnection(RecordingProtocol::new, HOST, port));
        peer = listening.accept();
        listening.close();
        peer.configureBlocking(false);
        proto = tp.protocol();
        transport = tp.transport();
        sockets.track((SocketChannel) transport.getExtraInfo("socket"));
    }

    private String peerReads(int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (b.hasRemaining() && System.nanoTime() < deadline) {
            if (peer.read(b) < 0) {
                break;
            }
            loop.runUntilComplete(loop.done(null)); // one more iteration: the transport may flush
        }
        return new String(b.array(), 0, b.position(), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private byte[] lastRead = new byte[0];
    private int lastLength;

    /** Reads what the peer can read until end of stream; the last read is kept in {@link #lastRead}. */
    private int peerDrainsToEof() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64 * 1024);
        int total = 0;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            b.clear();
            int n = peer.read(b);
            if (n < 0) {
                return total;
            }
            total += n;
            if (n > 0) {
                byte[] tail = new byte[Math.min(16, lastLength + n)]; // the last 16 bytes read, across reads
                int fromNew = Math.min(n, tail.length);
                System.arraycopy(lastRead, lastLength - (tail.length - fromNew), tail, 0, tail.length - fromNew);
                System.arraycopy(b.array(), n - fromNew, tail, tail.length - fromNew, fromNew);
                lastRead = tail;
                lastLength = tail.length;
            }
            if (n == 0) {
                loop.runUntilComplete(loop.done(null));
            }
        }
        throw new AssertionError("no end of stream");
    }

    @Test
    void test_ctor_calls_connection_made_then_reads() throws IOException {
        connect();
        assertThat(proto.events).containsExactly("made");
        assertThat(transport.isReading()).isTrue();
        assertThat(transport.getExtraInfo("peername")).isEqualTo(peer.getLocalAddress());
        assertThat(transport.getExtraInfo("sockname")).isEqualTo(peer.getRemoteAddress());
        assertThat(transport.getExtraInfo("socket")).isInstanceOf(SocketChannel.class);
        assertThat(transport.getExtraInfo("nothing")).isNull();
        assertThat(transport.getWriteBufferLimits()).containsExactly(16 * 1024, 64 * 1024);
    }

    @Test
    void test_read_ready() throws IOException {
        connect();
        peer.write(ByteBuffer.wrap("data".getBytes()));
        runUntil(loop, 5, () -> proto.received.size() == 4);
        assertThat(proto.text()).isEqualTo("data");
    }

    /** A stream protocol whose subclass watches the bytes: it must see them, the reader too. */
    static final class WatchedStreamProtocol extends StreamReaderProtocol {
        final java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();

        WatchedStreamProtocol(StreamReader reader, EventLoop loop) {
            super(reader, loop);
        }

        @Override
        public void dataReceived(byte[] data) {
            seen.writeBytes(data);
            super.dataReceived(data);
        }
    }

    @Test
    void a_stream_protocol_subclass_overriding_data_received_gets_the_bytes() throws IOException {
        java.nio.channels.ServerSocketChannel listening = java.nio.channels.ServerSocketChannel.open();
        listening.bind(new InetSocketAddress(HOST, 0));
        int port = ((InetSocketAddress) listening.getLocalAddress()).getPort();
        StreamReader reader = new StreamReader(StreamReader.DEFAULT_LIMIT, loop);
        TransportAndProtocol<Transport, WatchedStreamProtocol> tp = loop.runUntilComplete(
                loop.createConnection(() -> new WatchedStreamProtocol(reader, loop), HOST, port));
        peer = listening.accept();
        listening.close();
        sockets.track((SocketChannel) tp.transport().getExtraInfo("socket"));
        peer.write(ByteBuffer.wrap("seen\n".getBytes()));
        assertThat(new String(loop.runUntilComplete(reader.readline()))).isEqualTo("seen\n");
        assertThat(tp.protocol().seen.toString()).isEqualTo("seen\n");
        tp.transport().close();
    }

    @Test
    void test_read_ready_eof_closes() throws IOException {
        connect();
        peer.shutdownOutput();
        runUntil(loop, 5, () -> proto.lost);
        assertThat(proto.events).containsExactly("made", "eof", "lost");
        assertThat(proto.lostWith).isNull();
        assertThat(transport.isClosing()).isTrue();
    }

    @Test
    void test_read_ready_eof_keep_open_allows_writing_half_close() throws IOException {
        connect();
        proto.keepOpenOnEof = true;
        peer.shutdownOutput();
        runUntil(loop, 5, () -> proto.events.contains("eof"));
        assertThat(transport.isClosing()).isFalse();
        transport.write("after eof".getBytes());
        assertThat(peerReads(9)).isEqualTo("after eof");
        transport.close();
        runUntil(loop, 5, () -> proto.lost);
        assertThat(proto.events).containsExactly("made", "eof", "lost");
    }

    @Test
    void test_read_ready_conn_reset() throws IOException {
        connect();
        peer.setOption(StandardSocketOptions.SO_LINGER, 0);
        peer.close(); // linger 0: the peer resets the connection
        peer = null;
        runUntil(loop, 5, () -> proto.lost);
        assertThat(proto.lostWith).isInstanceOf(IOException.class);
        assertThat(proto.events).containsExactly("made", "lost");
    }

    @Test
    void test_write() throws IOException {
        connect();
        transport.write("data".getBytes());
        assertThat(transport.getWriteBufferSize()).isZero(); // the fast path: the socket took it at once
        assertThat(peerReads(4)).isEqualTo("data");
    }

    @Test
    void test_write_no_data() throws IOException {
        connect();
        transport.write(new byte[0]);
        assertThat(transport.getWriteBufferSize()).isZero();
    }

    @Test
    void test_writelines() throws IOException {
        connect();
        transport.writelines(List.of("ab".getBytes(), "cd".getBytes(), new byte[0], "e".getBytes()));
        assertThat(peerReads(5)).isEqualTo("abcde");
    }

    @Test
    void write_copies_what_it_buffers() throws IOException {
        connect();
        fillUntilBuffered();
        byte[] data = "xyz".getBytes();
        int before = transport.getWriteBufferSize();
        transport.write(data);
        data[0] = 'Q'; // the caller reuses its array
        assertThat(transport.getWriteBufferSize()).isEqualTo(before + 3);
        transport.close();
        peerDrainsToEof();
        assertThat(new String(lastRead, 0, lastLength)).endsWith("xyz");
    }

    /** Writes until the socket stops taking bytes and the transport buffers: the peer does not read. */
    private void fillUntilBuffered() {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < 10_000 && transport.getWriteBufferSize() == 0; i++) {
            transport.write(chunk);
        }
        assertThat(transport.getWriteBufferSize()).isPositive();
    }

    @Test
    void test_write_buffer_flow_control_pauses_and_resumes_the_protocol() throws IOException {
        connect();
        transport.setWriteBufferLimits(1024, 256);
        assertThat(transport.getWriteBufferLimits()).containsExactly(256, 1024);
        fillUntilBuffered();
        transport.write(new byte[2048]);
        assertThat(proto.events).containsExactly("made", "pause");
        peerDrainsUntil(() -> proto.events.contains("resume"));
        assertThat(proto.events).containsExactly("made", "pause", "resume");
        runUntil(loop, 5, () -> transport.getWriteBufferSize() == 0);
    }

    private void peerDrainsUntil(java.util.function.BooleanSupplier condition) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64 * 1024);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            b.clear();
            peer.read(b);
            loop.runUntilComplete(loop.done(null));
        }
    }

    @Test
    void test_set_write_buffer_limits_defaults_and_errors() throws IOException {
        connect();
        transport.setWriteBufferLimits(-1, 100);
        assertThat(transport.getWriteBufferLimits()).containsExactly(100, 400);
        transport.setWriteBufferLimits(800, -1);
        assertThat(transport.getWriteBufferLimits()).containsExactly(200, 800);
        transport.setWriteBufferLimits(-1, -1);
        assertThat(transport.getWriteBufferLimits()).containsExactly(16 * 1024, 64 * 1024);
        assertThatThrownBy(() -> transport.setWriteBufferLimits(10, 20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void test_write_eof() throws IOException {
        connect();
        assertThat(transport.canWriteEof()).isTrue();
        transport.write("last".getBytes());
        transport.writeEof();
        assertThat(peerReads(4)).isEqualTo("last");
        assertThat(peerDrainsToEof()).isZero();
        // reading goes on after a half close
        peer.write(ByteBuffer.wrap("reply".getBytes()));
        runUntil(loop, 5, () -> proto.received.size() == 5);
        assertThat(proto.text()).isEqualTo("reply");
        assertThatThrownBy(() -> transport.write("more".getBytes()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("writeEof");
    }

    @Test
    void test_write_eof_buffer_sends_the_buffer_first() throws IOException {
        connect();
        fillUntilBuffered();
        int buffered = transport.getWriteBufferSize();
        assertThat(buffered).isPositive();
        transport.writeEof();
        assertThat(peerDrainsToEof()).isGreaterThanOrEqualTo(buffered);
        assertThat(proto.lost).isFalse();
    }

    @Test
    void test_close_flushes_the_buffer_then_closes() throws IOException {
        connect();
        fillUntilBuffered();
        int buffered = transport.getWriteBufferSize();
        transport.close();
        assertThat(transport.isClosing()).isTrue();
        assertThat(proto.lost).isFalse();
        assertThat(peerDrainsToEof()).isGreaterThanOrEqualTo(buffered);
        runUntil(loop, 5, () -> proto.lost);
        assertThat(proto.lostWith).isNull();
    }

    @Test
    void test_close_twice_calls_connection_lost_once() throws IOException {
        connect();
        transport.close();
        transport.close();
        runUntil(loop, 5, () -> proto.lost);
        loop.runUntilComplete(loop.done(null));
        assertThat(proto.events).containsExactly("made", "lost");
        assertThat(peerDrainsToEof()).isZero();
    }

    @Test
    void test_abort_drops_the_buffer() throws IOException {
        connect();
        fillUntilBuffered();
        transport.abort();
        assertThat(transport.getWriteBufferSize()).isZero();
        runUntil(loop, 5, () -> proto.lost);
        assertThat(proto.lostWith).isNull();
        assertThat(((SocketChannel) transport.getExtraInfo("socket")).isOpen()).isFalse();
    }

    @Test
    void test_write_after_connection_lost_is_ignored() throws IOException {
        connect();
        transport.close();
        runUntil(loop, 5, () -> proto.lost);
        transport.write("ignored".getBytes()); // asyncio drops it, with a warning after 5
        assertThat(transport.getWriteBufferSize()).isZero();
    }

    @Test
    void test_pause_resume_reading() throws IOException {
        connect();
        transport.pauseReading();
        assertThat(transport.isReading()).isFalse();
        transport.pauseReading(); // twice: nothing
        peer.write(ByteBuffer.wrap("held".getBytes()));
        Future<Void> later = loop.createFuture();
        loop.callLater(0.05, () -> later.setResult(null));
        loop.runUntilComplete(later);
        assertThat(proto.received.size()).isZero();
        transport.resumeReading();
        assertThat(transport.isReading()).isTrue();
        runUntil(loop, 5, () -> proto.received.size() == 4);
        assertThat(proto.text()).isEqualTo("held");
        transport.close();
        assertThat(transport.isReading()).isFalse();
        transport.resumeReading(); // closing: nothing
        assertThat(transport.isReading()).isFalse();
    }
}
