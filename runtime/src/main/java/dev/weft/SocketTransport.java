package dev.weft;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * A TCP connection served by the loop: Python's {@code _SelectorSocketTransport}. Writes try the
 * socket at once when nothing is buffered and register for writability only for what is left,
 * which waits in a {@link WriteBuffer} (copied once, sent with gathering writes);
 * reads go into the loop's one direct buffer and reach the protocol as a fresh array, or, for the
 * loop's own protocols ({@link BufferedProtocol}), as a view they copy once.
 */
final class SocketTransport extends SelectorTransport implements Transport {
    private final SocketChannel socket;
    private Protocol streamProtocol;
    /** The protocol's buffered path (the streams', TLS's), or null: it gets arrays. */
    private BufferedProtocol bufferedProtocol;
    private final WriteBuffer buffer;
    private final Runnable readReady = this::readReady;
    private final Runnable writeReady = this::writeReady;
    private boolean eof;
    private boolean paused;

    SocketTransport(EventLoop loop, SocketChannel socket, Protocol protocol, Future<Void> waiter, Server server)
            throws IOException {
        super(loop, socket, protocol, server);
        this.socket = socket;
        this.buffer = new WriteBuffer(loop);
        this.streamProtocol = protocol;
        this.bufferedProtocol = BufferedProtocol.of(protocol);
        extra.put("sockname", UnixSockets.pythonName(socket.getLocalAddress()));
        extra.put("peername", UnixSockets.pythonName(socket.getRemoteAddress()));
        loop.callSoon(() -> protocol.connectionMade(this));
        loop.callSoon(this::addReaderIfReading); // only once connectionMade has run
        if (waiter != null) {
            loop.callSoon(() -> {
                if (!waiter.cancelled()) {
                    waiter.setResult(null);
                }
            });
        }
    }

    /** Python's {@code set_protocol}: the protocol that hears from now on ({@code startTls}'s TLS protocol). */
    void setProtocol(Protocol protocol) {
        this.protocol = protocol;
        this.streamProtocol = protocol;
        this.bufferedProtocol = BufferedProtocol.of(protocol);
    }

    @Override
    Runnable reader() {
        return readReady;
    }

    @Override
    Runnable writer() {
        return writeReady;
    }

    @Override
    boolean buffered() {
        return !buffer.isEmpty();
    }

    @Override
    void clearBuffer() {
        buffer.clear();
    }

    @Override
    boolean readingOn() {
        return !closing && !paused;
    }

    // ---- reading ----

    @Override
    public boolean isReading() {
        return readingOn();
    }

    @Override
    public void pauseReading() {
        loop.checkThread("Transport.pauseReading");
        if (!isReading()) {
            return;
        }
        paused = true;
        loop.removeReader(socket);
    }

    @Override
    public void resumeReading() {
        loop.checkThread("Transport.resumeReading");
        if (closing || !paused) {
            return;
        }
        paused = false;
        addReaderIfReading();
    }

    private void readReady() {
        if (connLost > 0) {
            return;
        }
        ByteBuffer rb = loop.readBuffer();
        int n;
        try {
            n = socket.read(rb);
        } catch (IOException e) {
            fatalError(e, "Fatal read error on socket transport");
            return;
        }
        if (n == 0) {
            return; // spurious wake-up
        }
        if (n < 0) {
            readEof();
            return;
        }
        rb.flip();
        try {
            BufferedProtocol buffered = bufferedProtocol;
            if (buffered != null) {
                buffered.bufferUpdated(rb); // copied once, into the reader's (or TLS's) buffer
            } else {
                byte[] data = new byte[n];
                rb.get(data);
                streamProtocol.dataReceived(data);
            }
        } catch (RuntimeException e) {
            fatalError(e, "Fatal error: protocol.dataReceived() call failed.");
        }
    }

    private void readEof() {
        boolean keepOpen;
        try {
            keepOpen = streamProtocol.eofReceived();
        } catch (RuntimeException e) {
            fatalError(e, "Fatal error: protocol.eofReceived() call failed.");
            return;
        }
        if (keepOpen) {
            loop.removeReader(socket); // the protocol may still write, but nothing more can be read
        } else {
            close();
        }
    }

    // ---- writing ----

    @Override
    public void write(byte[] data) {
        loop.checkThread("Transport.write");
        if (data == null) {
            throw new NullPointerException("write(null): pass the bytes to send");
        }
        write(ByteBuffer.wrap(data));
    }

    /**
     * {@link #write(byte[])} from a buffer (TLS's records): its remaining bytes are sent, and what
     * the socket does not take at once is copied into the write buffer, once; the caller may
     * reuse {@code data} when this returns.
     */
    void write(ByteBuffer data) {
        if (eof) {
            throw new IllegalStateException("Cannot call write() after writeEof()");
        }
        if (!data.hasRemaining()) {
            return;
        }
        if (connLost > 0) {
            droppedWrite();
            return;
        }
        if (buffer.isEmpty()) {
            try {
                socket.write(data); // the fast path: the socket usually takes it all
            } catch (IOException e) {
                fatalError(e, "Fatal write error on socket transport");
                return;
            }
            if (!data.hasRemaining()) {
                return;
            }
            loop.addWriter(socket, writeReady);
        }
        bufferSize += data.remaining();
        buffer.add(data); // copied: the caller may reuse its array (asyncio keeps immutable bytes)
        maybePauseProtocol();
    }

    @Override
    public void writelines(List<byte[]> chunks) {
        for (byte[] chunk : chunks) {
            write(chunk);
        }
    }

    private void writeReady() {
        if (connLost > 0) {
            return;
        }
        try {
            bufferSize -= (int) buffer.writeTo(socket); // one gathering write of every segment
        } catch (IOException e) {
            loop.removeWriter(socket);
            buffer.clear();
            bufferSize = 0;
            fatalError(e, "Fatal write error on socket transport");
            return;
        }
        maybeResumeProtocol();
        if (buffer.isEmpty()) {
            loop.removeWriter(socket);
            if (closing) {
                callConnectionLost(null);
            } else if (eof) {
                shutdownOutput();
            }
        }
    }

    @Override
    public void writeEof() {
        loop.checkThread("Transport.writeEof");
        if (closing || eof) {
            return;
        }
        eof = true;
        if (buffer.isEmpty()) {
            shutdownOutput();
        }
    }

    private void shutdownOutput() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            fatalError(e, "Fatal error on socket transport: shutdown");
        }
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }
}
