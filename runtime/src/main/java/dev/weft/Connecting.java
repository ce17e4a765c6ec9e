package dev.weft;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * {@link EventLoop#createConnection} in progress, Python's {@code create_connection}: resolve
 * the host, try its addresses in turn with {@code sock_connect}, then make the transport and
 * give it and the protocol once the protocol's {@code connectionMade} has run. Cancelling the
 * result closes the socket being connected.
 */
final class Connecting<P extends Protocol> {
    private final EventLoop loop;
    private final Supplier<P> protocolFactory;
    private final Future<TransportAndProtocol<Transport, P>> result;
    private List<? extends SocketAddress> addresses;
    /** Whether the addresses are a Unix socket's path (no TCP options then). */
    private boolean unix;
    private int next;
    private IOException firstError;
    private SocketChannel channel;
    /** The {@code sockConnect} in progress, cancelled with the result. */
    private Future<Void> connecting;
    /** TLS over the connection when not null, the server's name checked against {@link #serverHostname}. */
    private final SSLContext sslContext;
    private final String serverHostname;

    private Connecting(EventLoop loop, Supplier<P> protocolFactory, SSLContext sslContext, String serverHostname) {
        this.loop = loop;
        this.protocolFactory = protocolFactory;
        this.result = loop.createFuture();
        this.sslContext = sslContext;
        this.serverHostname = serverHostname;
    }

    static <P extends Protocol> Future<TransportAndProtocol<Transport, P>> start(EventLoop loop, Supplier<P> protocolFactory,
            String host, int port) {
        return start(loop, protocolFactory, host, port, null, null);
    }

    static <P extends Protocol> Future<TransportAndProtocol<Transport, P>> start(EventLoop loop, Supplier<P> protocolFactory,
            String host, int port, SSLContext sslContext, String serverHostname) {
        Connecting<P> c = new Connecting<>(loop, protocolFactory, sslContext, serverHostname);
        c.result.addDoneCallback(f -> {
            if (f.cancelled()) {
                if (c.connecting != null) {
                    c.connecting.cancel();
                }
                c.closeChannel();
            }
        });
        loop.whenDone(loop.resolve(host, port), c.result, c::tryAll);
        return c.result;
    }

    /** Python's {@code create_unix_connection(protocol_factory, path)}: one address, no resolving. */
    static <P extends Protocol> Future<TransportAndProtocol<Transport, P>> startUnix(EventLoop loop, Supplier<P> protocolFactory,
            SocketAddress path, SSLContext sslContext, String serverHostname) {
        Connecting<P> c = new Connecting<>(loop, protocolFactory, sslContext, serverHostname);
        c.unix = true;
        c.result.addDoneCallback(f -> {
            if (f.cancelled()) {
                if (c.connecting != null) {
                    c.connecting.cancel();
                }
                c.closeChannel();
            }
        });
        c.tryAll(java.util.Collections.singletonList(path));
        return c.result;
    }

    /** Python's {@code create_connection(sock=sock)}: the transport over a socket already connected. */
    static <P extends Protocol> Future<TransportAndProtocol<Transport, P>> adopt(EventLoop loop, Supplier<P> protocolFactory,
            SocketChannel sock) {
        Connecting<P> c = new Connecting<>(loop, protocolFactory, null, null);
        c.channel = sock;
        try {
            sock.configureBlocking(false);
            loop.watch(sock);
        } catch (IOException | RuntimeException e) {
            c.closeChannel();
            c.result.setException(e);
            return c.result;
        }
        c.connected();
        return c.result;
    }

    private void tryAll(List<? extends SocketAddress> resolved) {
        addresses = resolved;
        tryNext();
    }

    private void tryNext() {
        if (result.done()) {
            return;
        }
        if (next == addresses.size()) {
            result.setException(firstError != null ? firstError : new IOException("getaddrinfo() returned empty list"));
            return;
        }
        SocketAddress address = addresses.get(next++);
        try {
            channel = unix ? UnixSockets.JDK.openChannel() : SocketChannel.open();
            channel.configureBlocking(false);
            if (!unix) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
        } catch (IOException e) {
            failed(e);
            return;
        }
        connecting = loop.sockConnect(channel, address);
        connecting.addDoneCallback(f -> {
            connecting = null;
            Throwable e = f.cancelled() ? null : f.exception(); // retrieved, whatever happens next
            if (result.done()) {
                return;
            }
            if (e instanceof IOException) {
                failed((IOException) e);
            } else if (e != null) {
                closeChannel();
                result.setException(e);
            } else {
                connected();
            }
        });
    }

    /** One address failed: remember its error (the others as suppressed ones) and try the next. */
    private void failed(IOException e) {
        closeChannel();
        if (firstError == null) {
            firstError = e;
        } else {
            firstError.addSuppressed(e);
        }
        tryNext();
    }

    private void connected() {
        SocketChannel c = channel;
        P protocol;
        SocketTransport transport;
        Transport appTransport;
        Future<Void> waiter = loop.createFuture();
        try {
            protocol = protocolFactory.get();
            if (sslContext == null) {
                transport = new SocketTransport(loop, c, protocol, waiter, null);
                appTransport = transport;
            } else { // Python's _make_ssl_transport: the waiter is done once the handshake is
                SocketAddress peer = c.getRemoteAddress();
                int port = peer instanceof InetSocketAddress ? ((InetSocketAddress) peer).getPort() : 0;
                SSLProtocol ssl = new SSLProtocol(loop, protocol, sslContext, waiter, false, serverHostname, port, true);
                transport = new SocketTransport(loop, c, ssl, null, null);
                appTransport = ssl.appTransport();
            }
        } catch (IOException | RuntimeException e) {
            closeChannel();
            result.setException(e);
            return;
        }
        channel = null; // the transport's now
        waiter.addDoneCallback(w -> {
            Throwable e = w.cancelled() ? null : w.exception();
            if (result.done()) {
                transport.close();
            } else if (e != null) {
                transport.close();
                result.setException(e);
            } else {
                result.setResult(new TransportAndProtocol<>(appTransport, protocol));
            }
        });
    }

    private void closeChannel() {
        SocketChannel c = channel;
        channel = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing more to do with it
            }
        }
    }
}
