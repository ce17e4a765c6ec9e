package dev.weft;

import java.util.List;

/**
 * The {@link Transport} an application's protocol sees over TLS: Python's
 * {@code asyncio.sslproto._SSLProtocolTransport}. Writes are encrypted at once and handed to the
 * socket's transport; {@link #close()} sends close_notify first. TLS has no half close:
 * {@link #writeEof()} throws. Extra information adds {@code "sslcontext"}, {@code "ssl_object"}
 * (the {@link javax.net.ssl.SSLEngine}), {@code "sslsession"}, {@code "cipher"} and
 * {@code "peercert"} (the peer's first certificate, or null) to the socket's.
 */
final class SSLProtocolTransport implements Transport {
    private final EventLoop loop;
    private final SSLProtocol ssl;
    boolean closed;

    SSLProtocolTransport(EventLoop loop, SSLProtocol ssl) {
        this.loop = loop;
        this.ssl = ssl;
    }

    @Override
    public void write(byte[] data) {
        loop.checkThread("Transport.write");
        if (data == null) {
            throw new NullPointerException("write(null): pass the bytes to send");
        }
        if (data.length > 0) {
            ssl.writeAppdata(data);
        }
    }

    @Override
    public void writelines(List<byte[]> chunks) {
        for (byte[] chunk : chunks) {
            write(chunk);
        }
    }

    /**
     * TLS cannot half close: asyncio's {@code NotImplementedError("SSL doesn't support half-closes")}.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void writeEof() {
        throw new UnsupportedOperationException("TLS does not support half-closes: call close()");
    }

    @Override
    public boolean canWriteEof() {
        return false;
    }

    @Override
    public void pauseReading() {
        loop.checkThread("Transport.pauseReading");
        ssl.pauseReading();
    }

    @Override
    public void resumeReading() {
        loop.checkThread("Transport.resumeReading");
        ssl.resumeReading();
    }

    @Override
    public boolean isReading() {
        return !ssl.appReadingPaused();
    }

    @Override
    public void close() {
        loop.checkThread("Transport.close");
        if (!closed) {
            closed = true;
            ssl.startShutdown();
        }
    }

    @Override
    public boolean isClosing() {
        return closed;
    }

    @Override
    public void abort() {
        loop.checkThread("Transport.abort");
        closed = true;
        ssl.abort(null);
    }

    @Override
    public Object getExtraInfo(String name) {
        return ssl.extraInfo(name);
    }

    @Override
    public int getWriteBufferSize() {
        return ssl.writeBufferSize();
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        ssl.setWriteBufferLimits(high, low);
    }

    @Override
    public int[] getWriteBufferLimits() {
        return ssl.writeBufferLimits();
    }

    @Override
    public String toString() {
        return "<SSLProtocolTransport " + ssl + (closed ? " closed" : "") + ">";
    }
}
