package dev.weft.benchmarks.echo;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;

/**
 * A load-client connection speaking TLS through an {@link SSLEngine}. The handshake runs
 * blocking, before the measured run starts ({@link #handshake}); then each message is wrapped
 * whole into TLS records and sent, and what arrives is unwrapped and counted, on the client's
 * selector thread as plain connections are.
 */
final class TlsEchoConnection extends EchoConnection {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** The largest plaintext of one TLS record. */
    private static final int RECORD = 16384;

    private final SSLEngine engine;
    /** Records to send, in read mode between calls. */
    private final ByteBuffer netOut;
    /** Records received and not yet unwrapped, in write mode between calls. */
    private final ByteBuffer netIn;

    TlsEchoConnection(SocketChannel channel, ByteBuffer sharedMessage, SSLEngine engine) {
        super(channel, sharedMessage);
        this.engine = engine;
        int packet = engine.getSession().getPacketBufferSize();
        this.netOut = ByteBuffer.allocateDirect((size / RECORD + 2) * packet);
        this.netIn = ByteBuffer.allocateDirect(2 * packet);
        netOut.flip();
    }

    /** Runs the handshake on the channel in blocking mode. */
    void handshake(ByteBuffer scratch) throws IOException {
        engine.beginHandshake();
        HandshakeStatus hs = engine.getHandshakeStatus();
        while (hs != HandshakeStatus.FINISHED && hs != HandshakeStatus.NOT_HANDSHAKING) {
            SSLEngineResult r;
            switch (hs) {
                case NEED_WRAP:
                    netOut.clear();
                    r = engine.wrap(EMPTY, netOut);
                    netOut.flip();
                    while (netOut.hasRemaining()) {
                        channel.write(netOut);
                    }
                    check(r);
                    hs = r.getHandshakeStatus();
                    break;
                case NEED_UNWRAP:
                case NEED_UNWRAP_AGAIN:
                    netIn.flip();
                    scratch.clear();
                    r = engine.unwrap(netIn, scratch);
                    netIn.compact();
                    if (r.getStatus() == Status.BUFFER_UNDERFLOW && channel.read(netIn) < 0) {
                        throw new EOFException("server closed during the TLS handshake");
                    }
                    if (r.getStatus() != Status.BUFFER_UNDERFLOW) {
                        check(r);
                    }
                    hs = r.getHandshakeStatus();
                    break;
                case NEED_TASK:
                    runTasks();
                    hs = engine.getHandshakeStatus();
                    break;
                default:
                    throw new SSLException("unexpected handshake status " + hs);
            }
        }
    }

    @Override
    void send(long now) throws IOException {
        sentAt = now;
        received = 0;
        message.clear();
        netOut.clear();
        while (message.hasRemaining()) {
            check(engine.wrap(message, netOut));
        }
        netOut.flip();
        flush();
    }

    @Override
    ByteBuffer pending() {
        return netOut;
    }

    @Override
    int read(ByteBuffer scratch) throws IOException {
        if (channel.read(netIn) < 0) {
            return -1;
        }
        netIn.flip();
        int produced = 0;
        for (;;) {
            scratch.clear();
            SSLEngineResult r = engine.unwrap(netIn, scratch);
            if (r.getStatus() == Status.BUFFER_UNDERFLOW) {
                break;
            }
            check(r);
            produced += r.bytesProduced();
            // TLS 1.3 sends session tickets after the handshake: they may ask for a task or a wrap
            if (r.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                runTasks();
            }
            if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                break;
            }
        }
        netIn.compact();
        return produced;
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private static void check(SSLEngineResult r) throws SSLException {
        if (r.getStatus() != Status.OK) {
            throw new SSLException("TLS " + r.getStatus() + " (" + r + ")");
        }
    }
}
