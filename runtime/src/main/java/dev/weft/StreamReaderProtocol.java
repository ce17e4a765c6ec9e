package dev.weft;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Python's {@code asyncio.StreamReaderProtocol}: the {@link Protocol} between a transport and a
 * {@link StreamReader}, with the flow control ({@code FlowControlMixin}) that
 * {@link StreamWriter#drain()} waits on. Given a {@link ClientConnected} callback (a server's),
 * it makes the connection's {@link StreamWriter} and runs the callback's coroutine in a task;
 * an exception escaping that task is reported to the loop's exception handler and closes the
 * transport.
 */
public class StreamReaderProtocol implements Protocol {
    private final EventLoop loop;
    private StreamReader reader;
    private final ClientConnected clientConnected;
    private StreamWriter writer;
    private Transport transport;
    private final Future<Void> closed;
    // FlowControlMixin
    private boolean paused;
    private final ArrayDeque<Future<Void>> drainWaiters = new ArrayDeque<>();
    private boolean connectionLost;

    /**
     * A protocol feeding {@code reader}: Python's {@code StreamReaderProtocol(reader)}.
     *
     * @param reader the reader to feed
     * @param loop the loop the protocol runs on
     */
    public StreamReaderProtocol(StreamReader reader, EventLoop loop) {
        this(reader, null, loop);
    }

    /**
     * A protocol feeding {@code reader} that, once connected, calls {@code clientConnected}:
     * Python's {@code StreamReaderProtocol(reader, client_connected_cb)}.
     *
     * @param reader the reader to feed
     * @param clientConnected called with the reader and a new writer when the connection is made, or null
     * @param loop the loop the protocol runs on
     */
    public StreamReaderProtocol(StreamReader reader, ClientConnected clientConnected, EventLoop loop) {
        this.reader = reader;
        this.clientConnected = clientConnected;
        this.loop = loop;
        this.closed = loop.createFuture();
    }

    @Override
    public void connectionMade(Transport transport) {
        this.transport = transport;
        reader.setTransport(transport);
        if (clientConnected == null) {
            return;
        }
        writer = new StreamWriter(transport, this, reader, loop);
        Awaitable<?> res = clientConnected.accept(reader, writer);
        if (res == null) {
            return;
        }
        Future<?> task = loop.ensureFuture(res);
        task.addDoneCallback(t -> {
            if (t.cancelled()) {
                transport.close();
                return;
            }
            Throwable exc = t.exception();
            if (exc != null) {
                Map<String, Object> context = new HashMap<>();
                context.put("message", "Unhandled exception in client_connected_cb");
                context.put("exception", exc);
                context.put("transport", transport);
                loop.callExceptionHandler(context);
                transport.close();
            }
        });
    }

    @Override
    public void connectionLost(Throwable exc) {
        if (reader != null) {
            if (exc == null) {
                reader.feedEof();
            } else {
                reader.setException(exc);
            }
        }
        if (!closed.done()) {
            if (exc == null) {
                closed.setResult(null);
            } else {
                closed.setException(exc);
                closed.markRetrieved(); // Python's __del__ retrieves it: nobody need wait for it
            }
        }
        // FlowControlMixin.connection_lost
        connectionLost = true;
        if (paused) {
            for (Future<Void> w : drainWaiters) {
                if (!w.done()) {
                    if (exc == null) {
                        w.setResult(null);
                    } else {
                        w.setException(exc);
                    }
                }
            }
        }
        reader = null;
        writer = null;
        transport = null;
    }

    @Override
    public void dataReceived(byte[] data) {
        if (reader != null) {
            reader.feedData(data);
        }
    }

    /**
     * The socket transport's path for this class: the view is copied once into the reader's
     * buffer. A subclass may override {@link #dataReceived}, so only this exact class takes it.
     */
    static BufferedProtocol buffered(Protocol protocol) {
        if (protocol.getClass() != StreamReaderProtocol.class) {
            return null;
        }
        StreamReaderProtocol p = (StreamReaderProtocol) protocol;
        return data -> {
            if (p.reader != null) {
                p.reader.feedData(data);
            }
        };
    }

    @Override
    public boolean eofReceived() {
        if (reader != null) {
            reader.feedEof();
        }
        return true; // keep the write side open: the writer closes it
    }

    @Override
    public void pauseWriting() {
        paused = true;
    }

    @Override
    public void resumeWriting() {
        paused = false;
        for (Future<Void> w : drainWaiters) {
            if (!w.done()) {
                w.setResult(null);
            }
        }
    }

    /** Python's {@code _replace_transport}: the TLS transport of {@link StreamWriter#startTls}. */
    void replaceTransport(Transport transport) {
        this.transport = transport;
    }

    /** Whether this protocol serves a server's connection (it has a client-connected callback). */
    boolean serverSide() {
        return clientConnected != null;
    }

    /** What {@link StreamWriter#drain()} waits on: nothing unless paused (Python's {@code _drain_helper}). */
    Future<Void> drainWaiter() {
        if (connectionLost) {
            Future<Void> f = loop.createFuture();
            f.setException(new java.net.SocketException("Connection lost"));
            return f;
        }
        if (!paused) {
            return null;
        }
        Future<Void> w = loop.createFuture();
        drainWaiters.add(w);
        w.addDoneCallback(drainWaiters::remove);
        return w;
    }

    /** Done when the connection is lost (Python's {@code _get_close_waiter}). */
    Future<Void> closeWaiter() {
        return closed;
    }
}
