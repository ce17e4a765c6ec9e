package dev.weft;

import static dev.weft.Weft.await;

import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Python's {@code asyncio.open_connection} and {@code asyncio.start_server}, as in
 * {@code Lib/asyncio/streams.py}: a {@link StreamReaderProtocol} over the loop's transports.
 */
final class Streams {
    private Streams() {
    }

    static Coroutine<Connection> openConnection(String host, int port, int limit) {
        return openConnection(host, port, limit, null, null);
    }

    /** With TLS over {@code ssl} when it is not null, the server's certificate checked against {@code serverHostname}. */
    @Async
    static Coroutine<Connection> openConnection(String host, int port, int limit, SSLContext ssl, String serverHostname) {
        EventLoop loop = EventLoop.requireRunning("openConnection");
        StreamReader reader = new StreamReader(limit, loop);
        StreamReaderProtocol protocol = new StreamReaderProtocol(reader, loop);
        TransportAndProtocol<Transport, StreamReaderProtocol> tp = await(ssl == null
                ? loop.createConnection(() -> protocol, host, port)
                : loop.createConnection(() -> protocol, host, port, ssl, serverHostname));
        StreamWriter writer = new StreamWriter(tp.transport(), protocol, reader, loop);
        return Coroutine.returning(new Connection(reader, writer));
    }

    static Coroutine<Server> startServer(ClientConnected clientConnected, String host, int port, int limit) {
        return startServer(clientConnected, host, port, limit, null);
    }

    /** With TLS over {@code ssl} on every connection when it is not null. */
    @Async
    static Coroutine<Server> startServer(ClientConnected clientConnected, String host, int port, int limit, SSLContext ssl) {
        EventLoop loop = EventLoop.requireRunning("startServer");
        Supplier<Protocol> factory = () -> new StreamReaderProtocol(new StreamReader(limit, loop), clientConnected, loop);
        Server server = await(ssl == null ? loop.createServer(factory, host, port) : loop.createServer(factory, host, port, ssl));
        return Coroutine.returning(server);
    }

    /** Python's {@code open_unix_connection(path)}; TLS over {@code ssl} when it is not null. */
    @Async
    static Coroutine<Connection> openUnixConnection(String path, int limit, SSLContext ssl, String serverHostname) {
        EventLoop loop = EventLoop.requireRunning("openUnixConnection");
        StreamReader reader = new StreamReader(limit, loop);
        StreamReaderProtocol protocol = new StreamReaderProtocol(reader, loop);
        TransportAndProtocol<Transport, StreamReaderProtocol> tp = await(ssl == null
                ? loop.createUnixConnection(() -> protocol, path)
                : loop.createUnixConnection(() -> protocol, path, ssl, serverHostname));
        StreamWriter writer = new StreamWriter(tp.transport(), protocol, reader, loop);
        return Coroutine.returning(new Connection(reader, writer));
    }

    /** Python's {@code start_unix_server(client_connected_cb, path)}; TLS over {@code ssl} when it is not null. */
    @Async
    static Coroutine<Server> startUnixServer(ClientConnected clientConnected, String path, int limit, SSLContext ssl) {
        EventLoop loop = EventLoop.requireRunning("startUnixServer");
        Supplier<Protocol> factory = () -> new StreamReaderProtocol(new StreamReader(limit, loop), clientConnected, loop);
        Server server = await(loop.createUnixServer(factory, path, ssl));
        return Coroutine.returning(server);
    }
}
