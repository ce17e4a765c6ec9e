package dev.weft;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * TLS between a socket transport and the application's protocol: Python's
 * {@code asyncio.sslproto.SSLProtocol}, its state machine kept (handshake, wrapped, flushing,
 * shutdown), an {@link SSLEngine} in place of OpenSSL's memory BIOs. The socket transport sees
 * this protocol; the application's protocol sees an {@link SSLProtocolTransport}.
 *
 * <p>Everything runs on the loop's thread, the engine's delegated tasks too (certificate
 * checks, key exchange): CPU work of a few milliseconds per handshake, done inline as
 * OpenSSL does it inside asyncio's loop. Renegotiation (TLS 1.2 and older) is refused: a peer
 * asking for one ends the connection with an {@link SSLException}. Closing sends close_notify
 * and waits (at most {@link #SHUTDOWN_TIMEOUT} seconds) for the peer's; a close_notify
 * received is the application's end of stream.
 */
final class SSLProtocol implements Protocol, BufferedProtocol {
    /** Seconds a handshake may take: asyncio's {@code SSL_HANDSHAKE_TIMEOUT}. */
    static final double HANDSHAKE_TIMEOUT = 60.0;
    /** Seconds to wait for the peer's close_notify: asyncio's {@code SSL_SHUTDOWN_TIMEOUT}. */
    static final double SHUTDOWN_TIMEOUT = 30.0;
    /** asyncio's {@code FLOW_CONTROL_HIGH_WATER_SSL_WRITE} (512 KiB) and {@code _READ} (256 KiB). */
    private static final int HIGH_WATER_WRITE = 512 * 1024;
    private static final int HIGH_WATER_READ = 256 * 1024;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    enum State { UNWRAPPED, DO_HANDSHAKE, WRAPPED, FLUSHING, SHUTDOWN }

    private enum AppState { INIT, CON_MADE, EOF, CON_LOST }

    private final EventLoop loop;
    private final SSLEngine engine;
    private Protocol app;
    /** The application's buffered path (the streams'), or null: it gets arrays. */
    private final BufferedProtocol appBuffered;
    private Future<Void> waiter;
    private SSLProtocolTransport appTransport;
    private Transport transport;
    private State state = State.UNWRAPPED;
    private AppState appState;
    private int connLost;
    private final Map<String, Object> extra = new HashMap<>(8);

    /**
     * Bytes from the socket not unwrapped yet (Python's incoming BIO): {@code [netInStart,
     * position)}, in write mode. Unwrapping moves {@link #netInStart} on, so that the records of
     * one read are not moved to the front of the buffer after each one (see {@link #engineUnwrap}).
     */
    private ByteBuffer netIn;
    private int netInStart;
    /** Application bytes unwrapped, not yet given to the application. */
    private ByteBuffer appIn;
    /**
     * Records wrapped, waiting for the socket transport (Python's outgoing BIO), in write mode: a
     * buffer borrowed from the loop ({@link EventLoop#tlsBuffer}) while records wait, else null.
     * Every record of a write goes out in one socket write.
     */
    private ByteBuffer netOut;
    /** Application bytes waiting for the handshake. */
    private final ArrayDeque<ByteBuffer> writeBacklog = new ArrayDeque<>();
    private int writeBufferSize;

    private boolean eofReceived;
    private boolean sslWritingPaused;
    private boolean appReadingPaused;
    private boolean sslReadingPaused;
    private boolean appWritingPaused;
    private int outgoingHigh = HIGH_WATER_WRITE;
    private int outgoingLow = HIGH_WATER_WRITE / 4;
    private TimerHandle handshakeTimeout;
    private TimerHandle shutdownTimeout;

    /**
     * @param callConnectionMade false for {@code startTls}, whose protocol is connected already
     */
    SSLProtocol(EventLoop loop, Protocol app, SSLContext context, Future<Void> waiter, boolean serverSide,
            String serverHostname, int peerPort, boolean callConnectionMade) {
        this.loop = loop;
        this.app = app;
        this.appBuffered = BufferedProtocol.of(app);
        this.waiter = waiter;
        this.engine = engine(context, serverSide, serverHostname, peerPort);
        this.appState = callConnectionMade ? AppState.INIT : AppState.CON_MADE;
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(packet);
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        extra.put("sslcontext", context);
        this.appTransport = new SSLProtocolTransport(loop, this);
    }

    /**
     * The engine: a client checks the server's name ({@code "HTTPS"} identification, asyncio's
     * {@code check_hostname}) and sends it as SNI unless it is an address; an empty name checks none.
     */
    private static SSLEngine engine(SSLContext context, boolean serverSide, String serverHostname, int peerPort) {
        boolean named = !serverSide && serverHostname != null && !serverHostname.isEmpty();
        SSLEngine e = named ? context.createSSLEngine(serverHostname, peerPort) : context.createSSLEngine();
        e.setUseClientMode(!serverSide);
        if (named) {
            SSLParameters p = e.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            if (SocketCalls.literal(serverHostname, 0) == null) {
                p.setServerNames(Collections.singletonList(new SNIHostName(serverHostname)));
            }
            e.setSSLParameters(p);
        }
        return e;
    }

    SSLProtocolTransport appTransport() {
        return appTransport;
    }

    State state() {
        return state;
    }

    Object extraInfo(String name) {
        if (extra.containsKey(name)) {
            return extra.get(name);
        }
        Transport t = transport;
        return t == null ? null : t.getExtraInfo(name);
    }

    private void wakeupWaiter(Throwable exc) {
        Future<Void> w = waiter;
        waiter = null;
        if (w == null || w.done()) {
            return;
        }
        if (exc != null) {
            w.setException(exc);
        } else {
            w.setResult(null);
        }
    }

    // ---- the socket transport's protocol ----

    @Override
    public void connectionMade(Transport transport) {
        this.transport = transport;
        startHandshake();
    }

    @Override
    public void connectionLost(Throwable exc) {
        writeBacklog.clear();
        releaseNetOut();
        connLost++;
        if (appTransport != null) {
            appTransport.closed = true;
        }
        boolean handshaking = state == State.DO_HANDSHAKE;
        if (!handshaking && (appState == AppState.CON_MADE || appState == AppState.EOF)) {
            appState = AppState.CON_LOST;
            Protocol p = app;
            loop.callSoon(() -> p.connectionLost(exc));
        }
        state = State.UNWRAPPED;
        transport = null;
        appTransport = null;
        app = null;
        wakeupWaiter(exc != null || !handshaking ? exc
                : new SSLHandshakeException("the connection was closed during the TLS handshake"));
        cancelTimers();
    }

    private void cancelTimers() {
        if (shutdownTimeout != null) {
            shutdownTimeout.cancel();
            shutdownTimeout = null;
        }
        if (handshakeTimeout != null) {
            handshakeTimeout.cancel();
            handshakeTimeout = null;
        }
    }

    @Override
    public void dataReceived(byte[] data) {
        bufferUpdated(ByteBuffer.wrap(data));
    }

    /** Moves the bytes not unwrapped yet to the front of {@link #netIn}, into a bigger one if {@code n} more do not fit. */
    private void makeRoom(int n) {
        int size = netInSize();
        ByteBuffer to = size + n <= netIn.capacity() ? netIn : ByteBuffer.allocate(Math.max(netIn.capacity() * 2, size + n));
        netIn.limit(netIn.position()).position(netInStart);
        if (to == netIn) {
            netIn.compact();
        } else {
            to.put(netIn);
            netIn = to;
        }
        netInStart = 0;
    }

    private int netInSize() {
        return netIn.position() - netInStart;
    }

    /** The socket's bytes, copied once into {@link #netIn} (Python's incoming BIO). */
    @Override
    public void bufferUpdated(ByteBuffer data) {
        if (netIn.remaining() < data.remaining()) {
            makeRoom(data.remaining());
        }
        netIn.put(data);
        switch (state) {
            case DO_HANDSHAKE:
                doHandshake();
                break;
            case WRAPPED:
                doRead();
                break;
            case FLUSHING:
                doFlush();
                break;
            case SHUTDOWN:
                doShutdown();
                break;
            default:
                break;
        }
    }

    @Override
    public boolean eofReceived() {
        eofReceived = true;
        try {
            switch (state) {
                case DO_HANDSHAKE:
                    onHandshakeComplete(new SSLHandshakeException("the peer closed the connection during the TLS handshake"));
                    break;
                case WRAPPED:
                    state = State.FLUSHING;
                    if (appReadingPaused) {
                        return true;
                    }
                    doFlush();
                    break;
                case FLUSHING:
                    doWrite();
                    state = State.SHUTDOWN;
                    doShutdown();
                    break;
                case SHUTDOWN:
                    doShutdown();
                    break;
                default:
                    break;
            }
        } catch (RuntimeException | SSLException e) {
            if (transport != null) {
                transport.close();
            }
            throw dev.weft.internal.Unchecked.<RuntimeException>raise(e);
        }
        return false;
    }

    @Override
    public void pauseWriting() {
        sslWritingPaused = true;
    }

    @Override
    public void resumeWriting() {
        sslWritingPaused = false;
        processOutgoing();
    }

    // ---- handshake ----

    private void startHandshake() {
        state = State.DO_HANDSHAKE;
        handshakeTimeout = loop.callLater(HANDSHAKE_TIMEOUT, this::checkHandshakeTimeout);
        try {
            engine.beginHandshake();
        } catch (SSLException e) {
            onHandshakeComplete(e);
            return;
        }
        doHandshake();
    }

    private void checkHandshakeTimeout() {
        if (state == State.DO_HANDSHAKE) {
            fatalError(new SSLHandshakeException("TLS handshake is taking longer than " + HANDSHAKE_TIMEOUT
                    + " seconds: aborting the connection"), "SSL handshake timed out");
        }
    }

    private void doHandshake() {
        boolean done;
        try {
            done = engineHandshake();
        } catch (SSLException e) {
            onHandshakeComplete(e);
            return;
        }
        processOutgoing();
        if (done) {
            onHandshakeComplete(null);
        }
    }

    private void onHandshakeComplete(SSLException exc) {
        if (handshakeTimeout != null) {
            handshakeTimeout.cancel();
            handshakeTimeout = null;
        }
        if (exc != null) {
            if (!(exc instanceof SSLHandshakeException)) { // say which step failed: the handshake (a plaintext peer, say)
                SSLHandshakeException e = new SSLHandshakeException("TLS handshake failed: " + exc.getMessage());
                e.initCause(exc);
                exc = e;
            }
            sendAlert();
            state = State.UNWRAPPED;
            fatalError(exc, exc.getCause() instanceof java.security.cert.CertificateException
                    ? "SSL handshake failed on verifying the certificate" : "SSL handshake failed");
            wakeupWaiter(exc);
            return;
        }
        state = State.WRAPPED;
        extra.put("ssl_object", engine);
        extra.put("sslsession", engine.getSession());
        extra.put("cipher", engine.getSession().getCipherSuite());
        extra.put("peercert", peerCertificate());
        if (appState == AppState.INIT) {
            appState = AppState.CON_MADE;
            app.connectionMade(appTransport);
        }
        wakeupWaiter(null);
        doRead();
    }

    private Certificate peerCertificate() {
        try {
            return engine.getSession().getPeerCertificates()[0];
        } catch (SSLPeerUnverifiedException e) {
            return null; // a server that did not ask for the client's certificate
        }
    }

    /** Sends the alert the engine owes the peer after a failure, so it learns why; best effort. */
    private void sendAlert() {
        try {
            engine.closeOutbound();
            while (!engine.isOutboundDone() && engineWrap(EMPTY).bytesProduced() > 0) {
                // each pass wraps one record of the alert
            }
        } catch (SSLException | RuntimeException ignored) {
            // the engine is broken: nothing more to tell
        }
        processOutgoing();
    }

    // ---- shutdown ----

    void startShutdown() {
        if (state == State.FLUSHING || state == State.SHUTDOWN || state == State.UNWRAPPED) {
            return;
        }
        if (appTransport != null) {
            appTransport.closed = true;
        }
        if (state == State.DO_HANDSHAKE) {
            abort(null);
        } else {
            state = State.FLUSHING;
            shutdownTimeout = loop.callLater(SHUTDOWN_TIMEOUT, this::checkShutdownTimeout);
            doFlush();
        }
    }

    private void checkShutdownTimeout() {
        if (state == State.FLUSHING || state == State.SHUTDOWN) {
            forceClose(new TimeoutException("SSL shutdown timed out"));
        }
    }

    private void doFlush() {
        doRead();
        if (state != State.FLUSHING) {
            return; // the read ended the connection
        }
        state = State.SHUTDOWN;
        doShutdown();
    }

    /** Sends close_notify, then waits for the peer's unless the socket's end of stream came first. */
    private void doShutdown() {
        try {
            if (!eofReceived) {
                engine.closeOutbound();
                while (!engine.isOutboundDone() && engineWrap(EMPTY).bytesProduced() > 0) {
                    // the close_notify record
                }
                processOutgoing();
                boolean peerClosed = engine.isInboundDone() || engineRead();
                appIn.clear(); // what the peer sent after we closed is dropped, as OpenSSL's SSL_shutdown does
                if (!peerClosed) {
                    return;
                }
            }
            processOutgoing();
            callEofReceived();
            onShutdownComplete(null);
        } catch (SSLException e) {
            onShutdownComplete(e);
        }
    }

    private void onShutdownComplete(SSLException exc) {
        if (shutdownTimeout != null) {
            shutdownTimeout.cancel();
            shutdownTimeout = null;
        }
        if (exc != null) {
            fatalError(exc, "Fatal error on SSL shutdown");
        } else {
            Transport t = transport;
            if (t != null) {
                loop.callSoon(t::close);
            }
        }
    }

    void abort(Throwable exc) {
        state = State.UNWRAPPED;
        forceClose(exc);
    }

    private void forceClose(Throwable exc) {
        Transport t = transport;
        if (t instanceof SelectorTransport) {
            ((SelectorTransport) t).forceClose(exc);
        } else if (t != null) {
            t.abort();
        }
    }

    // ---- writing ----

    void writeAppdata(byte[] data) {
        if (state == State.FLUSHING || state == State.SHUTDOWN || state == State.UNWRAPPED) {
            if (connLost >= SelectorTransport.LOG_THRESHOLD_FOR_CONNLOST_WRITES) {
                System.err.println("SSL connection is closed");
            }
            connLost++;
            return;
        }
        try {
            if (state == State.WRAPPED && writeBacklog.isEmpty()) {
                engineWriteAll(ByteBuffer.wrap(data)); // wrapped at once: no copy of the caller's array
                processOutgoing();
            } else {
                writeBacklog.add(ByteBuffer.wrap(data.clone()));
                writeBufferSize += data.length;
                if (state == State.WRAPPED) {
                    doWrite();
                }
            }
        } catch (SSLException | RuntimeException e) {
            fatalError(e, "Fatal error on SSL protocol");
        }
    }

    private void doWrite() throws SSLException {
        ByteBuffer head;
        while ((head = writeBacklog.poll()) != null) {
            writeBufferSize -= head.remaining();
            engineWriteAll(head);
        }
        processOutgoing();
    }

    private void processOutgoing() {
        Transport t = transport;
        ByteBuffer out = netOut;
        if (!sslWritingPaused && t != null && out != null) {
            out.flip();
            try {
                if (t instanceof SocketTransport) {
                    ((SocketTransport) t).write(out); // what the socket does not take is copied once
                } else {
                    byte[] records = new byte[out.remaining()];
                    out.get(records);
                    t.write(records);
                }
            } finally {
                releaseNetOut();
            }
        }
        controlAppWriting();
    }

    private void releaseNetOut() {
        ByteBuffer out = netOut;
        if (out != null) {
            netOut = null;
            loop.releaseTlsBuffer(out);
        }
    }

    // ---- reading ----

    private void doRead() {
        if (state != State.WRAPPED && state != State.FLUSHING) {
            return;
        }
        try {
            if (!appReadingPaused) {
                boolean closeNotify = engineRead();
                if (appIn.position() > 0) {
                    deliver();
                }
                if (closeNotify) {
                    callEofReceived();
                    startShutdown();
                }
                if (!writeBacklog.isEmpty()) {
                    doWrite();
                } else {
                    processOutgoing();
                }
            }
            controlSslReading();
        } catch (SSLException | RuntimeException e) {
            fatalError(e, "Fatal error on SSL protocol");
        }
    }

    /** Gives {@link #appIn} to the application: a view its reader copies once, else a fresh array. */
    private void deliver() {
        appIn.flip();
        try {
            if (appBuffered != null) {
                appBuffered.bufferUpdated(appIn);
            } else {
                // a copy the JIT does not zero first (appIn is a heap buffer)
                int from = appIn.arrayOffset() + appIn.position();
                byte[] data = Arrays.copyOfRange(appIn.array(), from, from + appIn.remaining());
                app.dataReceived(data);
            }
        } finally {
            appIn.clear();
        }
    }

    private void callEofReceived() {
        if (appState != AppState.CON_MADE) {
            return;
        }
        appState = AppState.EOF;
        try {
            app.eofReceived(); // keeping the connection open has no effect over TLS, as in asyncio
        } catch (RuntimeException e) {
            fatalError(e, "Error calling eof_received()");
        }
    }

    // ---- flow control ----

    private void controlAppWriting() {
        int size = writeBufferSize();
        if (size >= outgoingHigh && !appWritingPaused) {
            appWritingPaused = true;
            try {
                app.pauseWriting();
            } catch (RuntimeException e) {
                report("protocol.pauseWriting() failed", e);
            }
        } else if (size <= outgoingLow && appWritingPaused) {
            appWritingPaused = false;
            try {
                app.resumeWriting();
            } catch (RuntimeException e) {
                report("protocol.resumeWriting() failed", e);
            }
        }
    }

    int writeBufferSize() {
        return (netOut == null ? 0 : netOut.position()) + writeBufferSize;
    }

    int[] writeBufferLimits() {
        return new int[] {outgoingLow, outgoingHigh};
    }

    void setWriteBufferLimits(int high, int low) {
        int[] limits = WriteBufferLimits.of(high, low, HIGH_WATER_WRITE);
        outgoingHigh = limits[0];
        outgoingLow = limits[1];
        controlAppWriting();
    }

    boolean appReadingPaused() {
        return appReadingPaused;
    }

    void pauseReading() {
        appReadingPaused = true;
    }

    void resumeReading() {
        if (!appReadingPaused) {
            return;
        }
        appReadingPaused = false;
        loop.callSoon(() -> {
            if (state == State.WRAPPED) {
                doRead();
            } else if (state == State.FLUSHING) {
                doFlush();
            } else if (state == State.SHUTDOWN) {
                doShutdown();
            }
        });
    }

    /** Pauses the socket while undelivered bytes pile up behind a paused application. */
    private void controlSslReading() {
        int size = netInSize();
        Transport t = transport;
        if (t == null) {
            return;
        }
        if (size >= HIGH_WATER_READ && !sslReadingPaused) {
            sslReadingPaused = true;
            t.pauseReading();
        } else if (size <= HIGH_WATER_READ / 4 && sslReadingPaused) {
            sslReadingPaused = false;
            t.resumeReading();
        }
    }

    // ---- errors ----

    private void fatalError(Throwable exc, String message) {
        forceClose(exc);
        if (!(exc instanceof IOException)) {
            report(message, exc);
        }
    }

    private void report(String message, Throwable exc) {
        Map<String, Object> c = new HashMap<>();
        c.put("message", message);
        c.put("exception", exc);
        c.put("transport", transport);
        c.put("protocol", this);
        loop.callExceptionHandler(c);
    }

    // ---- the engine (what OpenSSL's SSL object and BIOs do for asyncio) ----

    /** Runs the handshake as far as the bytes at hand go: true once it is done. */
    private boolean engineHandshake() throws SSLException {
        for (;;) {
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK:
                    runDelegatedTasks();
                    break;
                case NEED_WRAP:
                    if (engineWrap(EMPTY).getStatus() == SSLEngineResult.Status.CLOSED) {
                        throw new SSLHandshakeException("the TLS engine closed during the handshake");
                    }
                    break;
                case NEED_UNWRAP:
                case NEED_UNWRAP_AGAIN:
                    SSLEngineResult r = engineUnwrap();
                    if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                        return false;
                    }
                    if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                        throw new SSLHandshakeException("the peer closed the TLS session during the handshake");
                    }
                    break;
                default:
                    return true;
            }
        }
    }

    /** The engine's CPU work (certificate checks, key agreement), inline on the loop's thread. */
    private void runDelegatedTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** Unwraps what {@link #netIn} holds into {@link #appIn}: true once the peer's close_notify came. */
    private boolean engineRead() throws SSLException {
        for (;;) {
            SSLEngineResult r = engineUnwrap();
            if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                return true;
            }
            HandshakeStatus hs = r.getHandshakeStatus();
            if (hs != HandshakeStatus.NOT_HANDSHAKING && hs != HandshakeStatus.FINISHED) {
                postHandshake();
            }
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                return false;
            }
        }
    }

    /**
     * A handshake message after the handshake: TLS 1.3's key updates and session tickets are
     * served; a renegotiation (TLS 1.2 and older) is refused, as asyncio's loop does not follow one.
     */
    private void postHandshake() throws SSLException {
        if (!"TLSv1.3".equals(engine.getSession().getProtocol())) {
            throw new SSLException("TLS renegotiation refused: the peer asked for a new handshake on "
                    + engine.getSession().getProtocol());
        }
        engineHandshake();
        processOutgoing();
    }

    /** One unwrap (a record, or none): what it consumes moves {@link #netInStart} on, nothing is moved. */
    private SSLEngineResult engineUnwrap() throws SSLException {
        int end = netIn.position();
        netIn.limit(end).position(netInStart);
        try {
            for (;;) {
                SSLEngineResult r = engine.unwrap(netIn, appIn);
                if (r.getStatus() != SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    return r;
                }
                ByteBuffer bigger = ByteBuffer.allocate(appIn.capacity() + engine.getSession().getApplicationBufferSize());
                appIn.flip();
                bigger.put(appIn);
                appIn = bigger;
            }
        } finally {
            netInStart = netIn.position();
            netIn.limit(netIn.capacity()).position(end);
            if (netInStart == end) {
                netIn.clear(); // all unwrapped: the next bytes go to the front
                netInStart = 0;
            }
        }
    }

    /** Wraps all of {@code src}, record by record, onto {@link #netOut}. */
    private void engineWriteAll(ByteBuffer src) throws SSLException {
        while (src.hasRemaining()) {
            if (engineWrap(src).getStatus() == SSLEngineResult.Status.CLOSED) {
                throw new SSLException("the TLS session is closed");
            }
        }
    }

    private SSLEngineResult engineWrap(ByteBuffer src) throws SSLException {
        int packet = engine.getSession().getPacketBufferSize();
        for (;;) {
            ByteBuffer out = netOut;
            if (out == null) {
                // room for 64 KiB of application data, wrapped: a 64 KiB write goes out in one socket write
                netOut = out = loop.tlsBuffer(4 * packet);
            }
            SSLEngineResult r = engine.wrap(src, out);
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                ByteBuffer bigger = ByteBuffer.allocate(out.capacity() + Math.max(out.capacity(), packet));
                out.flip();
                netOut = bigger.put(out);
                continue;
            }
            return r;
        }
    }

    @Override
    public String toString() {
        return "<SSLProtocol " + state + (engine.getUseClientMode() ? " client" : " server") + ">";
    }
}
