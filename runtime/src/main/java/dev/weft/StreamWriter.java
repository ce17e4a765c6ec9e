package dev.weft;

import static dev.weft.Weft.await;
import static dev.weft.Weft.sleep;

import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * Python's {@code asyncio.StreamWriter}: writes to a connection, with {@link #drain()} to wait
 * while the transport's buffer is above its high-water mark.
 *
 * <pre>{@code
 * writer.write(data);
 * await(writer.drain());
 * writer.close();
 * await(writer.waitClosed());
 * }</pre>
 */
public class StreamWriter {
    /** Not final: {@link #startTls} swaps in the TLS transport. */
    private Transport transport;
    private final StreamReaderProtocol protocol;
    private final StreamReader reader;
    private final EventLoop loop;

    /**
     * A writer over {@code transport}: Python's {@code StreamWriter(transport, protocol, reader, loop)}.
     *
     * @param transport the connection's transport
     * @param protocol its protocol, which tells when writing may go on
     * @param reader the connection's reader (whose exception {@link #drain()} raises), or null
     * @param loop the loop
     */
    public StreamWriter(Transport transport, StreamReaderProtocol protocol, StreamReader reader, EventLoop loop) {
        this.transport = transport;
        this.protocol = protocol;
        this.reader = reader;
        this.loop = loop;
    }

    /**
     * The transport written to.
     *
     * @return the transport
     */
    public Transport transport() {
        return transport;
    }

    /**
     * Writes {@code data} ({@link Transport#write}): never blocks; follow with {@link #drain()}.
     *
     * @param data the bytes to send
     */
    public void write(byte[] data) {
        transport.write(data);
    }

    /**
     * Writes each array in turn.
     *
     * @param chunks the arrays to send
     */
    public void writelines(List<byte[]> chunks) {
        transport.writelines(chunks);
    }

    /** Closes the write side once the buffer is sent ({@link Transport#writeEof}). */
    public void writeEof() {
        transport.writeEof();
    }

    /**
     * Whether {@link #writeEof()} is supported.
     *
     * @return whether the transport can half close
     */
    public boolean canWriteEof() {
        return transport.canWriteEof();
    }

    /** Closes the connection (what is buffered is still sent); see {@link #waitClosed()}. */
    public void close() {
        transport.close();
    }

    /**
     * Whether the writer is closing or closed.
     *
     * @return whether the transport is closing
     */
    public boolean isClosing() {
        return transport.isClosing();
    }

    /**
     * Python's {@code wait_closed()}: done when the connection is closed; throws the error that
     * closed it, if one did.
     *
     * @return a coroutine done when the connection is lost
     */
    @Async
    public Coroutine<Void> waitClosed() {
        await(protocol.closeWaiter());
        return Coroutine.done();
    }

    /**
     * The transport's extra information ({@code "peername"}, {@code "sockname"}, {@code "socket"}).
     *
     * @param name what to get
     * @return the value, or null
     */
    public Object getExtraInfo(String name) {
        return transport.getExtraInfo(name);
    }

    /**
     * Python's {@code drain()}: waits until writing may go on (the transport's buffer is at its
     * low-water mark); done at once when the buffer is below the high-water mark. Throws the
     * reader's exception if the connection failed, and {@link java.net.SocketException}
     * ("Connection lost") once it is lost.
     *
     * @return a coroutine done when the buffer has drained enough
     */
    @Async
    public Coroutine<Void> drain() {
        if (reader != null) {
            Throwable exc = reader.exception();
            if (exc != null) {
                throw dev.weft.internal.Unchecked.<RuntimeException>raise(exc);
            }
        }
        if (transport.isClosing()) {
            // let connectionLost run first (it is scheduled with callSoon), so the wait below sees it
            await(sleep(0));
        }
        Future<Void> w = protocol.drainWaiter();
        if (w != null) {
            await(w);
        }
        return Coroutine.done();
    }

    /**
     * Python's {@code StreamWriter.start_tls(sslcontext)} (3.11+): upgrades the connection to
     * TLS, this side the server if the writer was given to a server's handler. Buffered writes are
     * drained first; once the handshake is done, {@link #write} encrypts and the connection's
     * reader gets decrypted bytes. A client checks the server's certificate against the peer's
     * address (see {@link #startTls(SSLContext, String)}). A failed handshake closes the
     * connection and throws its {@link javax.net.ssl.SSLException}.
     *
     * @param sslContext the TLS context
     * @return a coroutine done when the handshake is
     */
    public Coroutine<Void> startTls(SSLContext sslContext) {
        return startTls(sslContext, null);
    }

    /**
     * {@link #startTls(SSLContext)} with Python's {@code server_hostname}: the name the server's
     * certificate must have, for a client (null: the peer's address; "": no name checked).
     *
     * @param sslContext the TLS context
     * @param serverHostname the name to check, or null, or ""
     * @return a coroutine done when the handshake is
     */
    @Async
    public Coroutine<Void> startTls(SSLContext sslContext, String serverHostname) {
        await(drain());
        Transport tls = await(loop.startTls(transport, protocol, sslContext, protocol.serverSide(), serverHostname));
        transport = tls;
        protocol.replaceTransport(tls);
        return Coroutine.done();
    }

    @Override
    public String toString() {
        return "<StreamWriter transport=" + transport + (reader != null ? " reader=" + reader : "") + ">";
    }
}
