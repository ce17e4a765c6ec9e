package dev.weft;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Python's {@code asyncio.Server}: listening sockets served by the loop, which accepts each
 * connection, makes a protocol for it with the factory and a {@link Transport}
 * ({@link EventLoop#createServer}). Use it on the loop's thread.
 *
 * <pre>{@code
 * Server server = await(loop.createServer(Echo::new, "127.0.0.1", 0));
 * int port = server.sockets().get(0).getPort();
 * ...
 * server.close();
 * await(server.waitClosed());   // once every connection it accepted is closed too
 * }</pre>
 */
public final class Server {
    /** Connections accepted per readiness, at most: asyncio's {@code backlog} loop. */
    private static final int BACKLOG = 100;
    /** Seconds before accepting again after an accept failed (say, out of descriptors): asyncio's value. */
    private static final double ACCEPT_RETRY_DELAY = 1;

    private final EventLoop loop;
    private final Supplier<? extends Protocol> protocolFactory;
    /** The listening channels; null once closed. */
    private List<ServerSocketChannel> channels;
    private final List<InetSocketAddress> addresses;
    /** Every bound address: the internet ones as {@link AddressTuple}s, the Unix ones as the JDK gives them. */
    private final List<SocketAddress> bound;
    /** For a Unix server: its socket file's path, and its identity once bound (null: nothing to clean up). */
    private String unixPath;
    private Object unixFileKey;
    /** The connections accepted and not yet lost (Python's {@code _clients}). */
    private final java.util.Set<SelectorTransport> clients = new java.util.LinkedHashSet<>();
    /** The futures of {@link #waitClosed()}; null once closed and every connection gone. */
    private List<Future<Void>> waiters = new ArrayList<>();
    private boolean serving;
    private Future<Void> servingForever;
    /** TLS on every connection accepted, when not null. */
    private SSLContext sslContext;

    private Server(EventLoop loop, Supplier<? extends Protocol> protocolFactory, List<ServerSocketChannel> channels)
            throws IOException {
        this.loop = loop;
        this.protocolFactory = protocolFactory;
        this.channels = channels;
        List<InetSocketAddress> a = new ArrayList<>(channels.size());
        List<SocketAddress> b = new ArrayList<>(channels.size());
        for (ServerSocketChannel c : channels) {
            SocketAddress local = AddressTuple.of(c.getLocalAddress());
            b.add(local);
            if (local instanceof InetSocketAddress) {
                a.add((InetSocketAddress) local);
            }
        }
        this.addresses = Collections.unmodifiableList(a);
        this.bound = Collections.unmodifiableList(b);
    }

    /**
     * Python's {@code create_unix_server(path=...)}: a stale socket file at {@code path} is
     * removed first; the file bound is removed again on {@link #close()} if it is still the
     * same file (3.13's {@code cleanup_socket=True}).
     */
    static Server bindUnix(EventLoop loop, Supplier<? extends Protocol> protocolFactory, String path) throws IOException {
        UnixSockets.removeStale(path);
        ServerSocketChannel c = UnixSockets.JDK.openServerChannel();
        try {
            try {
                c.bind(UnixSockets.JDK.address(path), BACKLOG);
            } catch (java.net.BindException e) {
                java.net.BindException inUse = new java.net.BindException("Address '" + path + "' is already in use");
                inUse.initCause(e);
                throw inUse;
            }
            c.configureBlocking(false);
            loop.watch(c);
            Server server = new Server(loop, protocolFactory, new ArrayList<>(Collections.singletonList(c)));
            server.unixPath = path;
            server.unixFileKey = UnixSockets.fileKey(path);
            return server;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Binds a listening channel on each address (registered with the loop, not accepting yet). */
    static Server bind(EventLoop loop, Supplier<? extends Protocol> protocolFactory, List<InetSocketAddress> addresses)
            throws IOException {
        List<ServerSocketChannel> channels = new ArrayList<>(addresses.size());
        try {
            for (InetSocketAddress address : addresses) {
                ServerSocketChannel c = ServerSocketChannel.open();
                channels.add(c);
                c.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                try {
                    c.bind(address, BACKLOG);
                } catch (IOException e) {
                    IOException bindError = new java.net.BindException("error while attempting to bind on address "
                            + address + ": " + e.getMessage());
                    bindError.initCause(e);
                    throw bindError;
                }
                c.configureBlocking(false);
                loop.watch(c);
            }
            return new Server(loop, protocolFactory, channels);
        } catch (IOException | RuntimeException e) {
            for (ServerSocketChannel c : channels) {
                c.close();
            }
            throw e;
        }
    }

    /** Serves TLS over {@code context} on each connection accepted from now on (Python's {@code ssl=}). */
    void useTls(SSLContext context) {
        this.sslContext = context;
    }

    /**
     * The loop the server belongs to.
     *
     * @return the server's event loop
     */
    public EventLoop getLoop() {
        return loop;
    }

    /**
     * The internet addresses the server listens on (with the port chosen when 0 was asked); empty
     * once closed, as Python's {@code server.sockets}, and for a Unix server (see {@link #addresses()}).
     *
     * @return the listening addresses
     */
    public List<InetSocketAddress> sockets() {
        return channels == null ? Collections.emptyList() : addresses;
    }

    /**
     * Every address the server listens on, whatever its family, as Python's
     * {@code [s.getsockname() for s in server.sockets]}: the internet ones as in
     * {@link #sockets()}, a Unix server's as a {@code java.net.UnixDomainSocketAddress} (its
     * {@code getPath()} is the socket file's path); empty once closed.
     *
     * @return the listening addresses
     */
    public List<SocketAddress> addresses() {
        return channels == null ? Collections.emptyList() : bound;
    }

    /**
     * Whether the server accepts connections: Python's {@code is_serving()}.
     *
     * @return whether it is serving and not closed
     */
    public boolean isServing() {
        return serving;
    }

    /**
     * Starts accepting connections: Python's {@code start_serving()}. Does nothing if serving.
     *
     * @throws IllegalStateException if the server is closed
     */
    public void startServing() {
        loop.checkThread("Server.startServing");
        if (channels == null) {
            throw new IllegalStateException("server " + this + " is closed");
        }
        if (serving) {
            return;
        }
        serving = true;
        for (ServerSocketChannel c : channels) {
            loop.addReader(c, () -> acceptReady(c));
        }
    }

    /**
     * Python's {@code serve_forever()}: starts serving and gives a future that is never done by
     * itself; cancelling it (or the task awaiting it) closes the server, and {@link #close()}
     * cancels it.
     *
     * @return a future that ends only by cancellation
     * @throws IllegalStateException if the server is closed, or already awaited on {@code serveForever}
     */
    public Future<Void> serveForever() {
        loop.checkThread("Server.serveForever");
        if (servingForever != null) {
            throw new IllegalStateException("server " + this + " is already being awaited on serveForever()");
        }
        if (channels == null) {
            throw new IllegalStateException("server " + this + " is closed");
        }
        startServing();
        Future<Void> f = loop.createFuture();
        servingForever = f;
        f.addDoneCallback(done -> {
            if (servingForever == done) {
                servingForever = null;
            }
            close();
        });
        return f;
    }

    /**
     * Stops listening and closes the listening sockets: Python's {@code close()}. Connections
     * already accepted stay open. A Unix server removes its socket file, unless another has
     * replaced it (Python 3.13). Closing twice does nothing.
     */
    public void close() {
        loop.checkThread("Server.close");
        List<ServerSocketChannel> cs = channels;
        if (cs == null) {
            return;
        }
        channels = null;
        for (ServerSocketChannel c : cs) {
            loop.removeReader(c);
            try {
                c.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        if (unixPath != null) {
            UnixSockets.cleanUp(unixPath, unixFileKey);
        }
        serving = false;
        Future<Void> f = servingForever;
        if (f != null && !f.done()) {
            servingForever = null;
            f.cancel();
        }
        if (clients.isEmpty()) {
            wakeup();
        }
    }

    /**
     * Closes every connection the server accepted (what each has buffered is still sent):
     * Python's {@code close_clients()} (3.13). With {@link #close()}, lets {@link #waitClosed()}
     * end without waiting for the handlers to close their connections.
     */
    public void closeClients() {
        loop.checkThread("Server.closeClients");
        for (SelectorTransport t : new ArrayList<>(clients)) {
            t.close();
        }
    }

    /**
     * Aborts every connection the server accepted, dropping what each has buffered: Python's
     * {@code abort_clients()} (3.13).
     */
    public void abortClients() {
        loop.checkThread("Server.abortClients");
        for (SelectorTransport t : new ArrayList<>(clients)) {
            t.abort();
        }
    }

    /**
     * Python's {@code wait_closed()}: a future done once the server is closed and every
     * connection it accepted is closed too (done at once if that is so already).
     *
     * @return a future done when the server and its connections are closed
     */
    public Future<Void> waitClosed() {
        loop.checkThread("Server.waitClosed");
        Future<Void> f = loop.createFuture();
        if (waiters == null) {
            f.setResult(null);
        } else {
            waiters.add(f);
        }
        return f;
    }

    void attach(SelectorTransport transport) {
        clients.add(transport);
    }

    void detach(SelectorTransport transport) {
        clients.remove(transport);
        if (clients.isEmpty() && channels == null) {
            wakeup();
        }
    }

    private void wakeup() {
        List<Future<Void>> ws = waiters;
        waiters = null;
        if (ws != null) {
            for (Future<Void> w : ws) {
                if (!w.done()) {
                    w.setResult(null);
                }
            }
        }
    }

    /** Python's {@code _accept_connection}: up to {@link #BACKLOG} connections per readiness. */
    private void acceptReady(ServerSocketChannel listening) {
        for (int i = 0; i < BACKLOG && channels != null; i++) {
            SocketChannel c;
            try {
                c = listening.accept();
            } catch (IOException e) {
                // out of descriptors, say: tell, stop accepting for a while, as asyncio does
                report("socket.accept() out of system resource", e);
                loop.removeReader(listening);
                loop.callLater(ACCEPT_RETRY_DELAY, () -> {
                    if (channels != null && serving) {
                        loop.addReader(listening, () -> acceptReady(listening));
                    }
                });
                return;
            }
            if (c == null) {
                return;
            }
            serve(c);
        }
    }

    private void serve(SocketChannel c) {
        try {
            c.configureBlocking(false);
            if (unixPath == null) {
                c.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            Protocol protocol = protocolFactory.get();
            if (sslContext != null) { // the application's protocol hears of the connection once the handshake is done
                protocol = new SSLProtocol(loop, protocol, sslContext, null, true, null, 0, true);
            }
            new SocketTransport(loop, c, protocol, null, this);
        } catch (IOException | RuntimeException e) {
            try {
                c.close();
            } catch (IOException ignored) {
                // reported below
            }
            report("Error on transport creation for incoming connection", e);
        }
    }

    private void report(String message, Throwable e) {
        Map<String, Object> context = new HashMap<>();
        context.put("message", message);
        context.put("exception", e);
        context.put("server", this);
        loop.callExceptionHandler(context);
    }

    @Override
    public String toString() {
        return "<Server sockets=" + sockets() + (serving ? " serving" : "") + ">";
    }
}
