package dev.weft;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.util.HashMap;
import java.util.Map;

/**
 * What the loop's transports share, Python's {@code _SelectorTransport} with its
 * {@code _FlowControlMixin}: closing (gracefully or at once), the fatal-error path, the one call
 * of {@code connectionLost}, and the water marks of the write buffer.
 */
abstract class SelectorTransport implements BaseTransport {
    /** Bytes read at most per read: asyncio's {@code max_size}. */
    static final int MAX_SIZE = 256 * 1024;
    /** asyncio's {@code LOG_THRESHOLD_FOR_CONNLOST_WRITES}. */
    static final int LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5;

    final EventLoop loop;
    final SelectableChannel channel;
    /** Not final: {@code startTls} puts a TLS protocol in front of the application's. */
    BaseProtocol protocol;
    final Server server;
    final Map<String, Object> extra = new HashMap<>(4);

    boolean closing;
    /** Set when the call of connectionLost is scheduled; counts the writes dropped after. */
    int connLost;
    int bufferSize;
    private int high = 64 * 1024;
    private int low = 16 * 1024;
    private boolean protocolPaused;

    SelectorTransport(EventLoop loop, SelectableChannel channel, BaseProtocol protocol, Server server) {
        this.loop = loop;
        this.channel = channel;
        this.protocol = protocol;
        this.server = server;
        extra.put("socket", channel);
        loop.watch(channel); // registered with the loop from now on: closed with it
        if (server != null) {
            server.attach(this);
        }
    }

    /** The reader to register while reading is on. */
    abstract Runnable reader();

    /** The writer to register while bytes wait. */
    abstract Runnable writer();

    /** Whether bytes wait to be sent. */
    abstract boolean buffered();

    /** Drops what waits to be sent. */
    abstract void clearBuffer();

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public Object getExtraInfo(String name) {
        return extra.get(name);
    }

    @Override
    public void close() {
        loop.checkThread("Transport.close");
        if (closing) {
            return;
        }
        closing = true;
        loop.removeReader(channel);
        if (!buffered()) {
            connLost++;
            loop.removeWriter(channel);
            loop.callSoon(() -> callConnectionLost(null));
        }
    }

    @Override
    public void abort() {
        loop.checkThread("Transport.abort");
        forceClose(null);
    }

    /** An error ends the transport; one that is not an I/O error is also reported to the loop's handler. */
    void fatalError(Throwable exc, String message) {
        if (!(exc instanceof IOException)) {
            Map<String, Object> c = new HashMap<>();
            c.put("message", message);
            c.put("exception", exc);
            c.put("transport", this);
            c.put("protocol", protocol);
            loop.callExceptionHandler(c);
        }
        forceClose(exc);
    }

    void forceClose(Throwable exc) {
        if (connLost > 0) {
            return;
        }
        if (buffered()) {
            clearBuffer();
            bufferSize = 0;
            loop.removeWriter(channel);
        }
        if (!closing) {
            closing = true;
            loop.removeReader(channel);
        }
        connLost++;
        loop.callSoon(() -> callConnectionLost(exc));
    }

    void callConnectionLost(Throwable exc) {
        try {
            protocol.connectionLost(exc);
        } finally {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            if (server != null) {
                server.detach(this);
            }
        }
    }

    /** Registers the reader unless the transport is closing or paused (Python's {@code _add_reader}). */
    void addReaderIfReading() {
        if (readingOn()) {
            loop.addReader(channel, reader());
        }
    }

    boolean readingOn() {
        return !closing;
    }

    // ---- flow control (Python's _FlowControlMixin) ----

    @Override
    public int getWriteBufferSize() {
        return bufferSize;
    }

    @Override
    public int[] getWriteBufferLimits() {
        return new int[] {low, high};
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        int[] limits = WriteBufferLimits.of(high, low, 64 * 1024);
        this.high = limits[0];
        this.low = limits[1];
        maybePauseProtocol();
    }

    void maybePauseProtocol() {
        if (bufferSize <= high || protocolPaused) {
            return;
        }
        protocolPaused = true;
        try {
            protocol.pauseWriting();
        } catch (RuntimeException e) {
            report("protocol.pauseWriting() failed", e);
        }
    }

    void maybeResumeProtocol() {
        if (protocolPaused && bufferSize <= low) {
            protocolPaused = false;
            try {
                protocol.resumeWriting();
            } catch (RuntimeException e) {
                report("protocol.resumeWriting() failed", e);
            }
        }
    }

    private void report(String message, Throwable e) {
        Map<String, Object> c = new HashMap<>();
        c.put("message", message);
        c.put("exception", e);
        c.put("transport", this);
        c.put("protocol", protocol);
        loop.callExceptionHandler(c);
    }

    /** asyncio's warning after repeated writes to a lost connection. */
    void droppedWrite() {
        if (connLost >= LOG_THRESHOLD_FOR_CONNLOST_WRITES) {
            System.err.println("socket.send() raised exception.");
        }
        connLost++;
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " " + extra.get("sockname") + " -> " + extra.get("peername")
                + (closing ? " closing" : "") + (bufferSize > 0 ? " buffered=" + bufferSize : "") + ">";
    }
}
