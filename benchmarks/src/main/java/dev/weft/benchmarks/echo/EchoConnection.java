package dev.weft.benchmarks.echo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One connection of the load client: sends its message, counts the bytes echoed back, and
 * sends again once all came back (closed loop). Plain TCP; {@link TlsEchoConnection} speaks TLS.
 * Every method runs on the client's one selector thread.
 */
class EchoConnection {
    final SocketChannel channel;
    SelectionKey key;
    /** The message to send: this connection's own view of the shared message buffer. */
    final ByteBuffer message;
    final int size;
    /** Bytes echoed of the message in flight. */
    int received;
    /** When the message in flight was sent ({@link System#nanoTime()}). */
    long sentAt;

    EchoConnection(SocketChannel channel, ByteBuffer sharedMessage) {
        this.channel = channel;
        this.message = sharedMessage.duplicate();
        this.size = sharedMessage.capacity();
    }

    /** Starts a round trip: sends the message (what the socket does not take now, on writability). */
    void send(long now) throws IOException {
        sentAt = now;
        received = 0;
        message.clear();
        flush();
    }

    /** Writes what is pending; asks for writability while something is left. */
    void flush() throws IOException {
        ByteBuffer out = pending();
        channel.write(out);
        int ops = out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /** The bytes waiting to go to the socket. */
    ByteBuffer pending() {
        return message;
    }

    /**
     * Reads what the socket has.
     *
     * @param scratch a buffer to read into, whose content is dropped
     * @return how many bytes of the echo arrived, or -1 at end of stream
     */
    int read(ByteBuffer scratch) throws IOException {
        scratch.clear();
        return channel.read(scratch);
    }
}
