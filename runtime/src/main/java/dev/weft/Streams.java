package dev.weft;

import static dev.weft.Weft.await;

/**
 * Python's {@code asyncio.open_connection} and {@code asyncio.start_server}, as in
 * {@code Lib/asyncio/streams.py}: a {@link StreamReaderProtocol} over the loop's transports.
 */
final class Streams {
    private Streams() {
    }

    @Async
    static Coroutine<Connection> openConnection(String host, int port, int limit) {
        EventLoop loop = EventLoop.requireRunning("openConnection");
        StreamReader reader = new StreamReader(limit, loop);
        StreamReaderProtocol protocol = new StreamReaderProtocol(reader, loop);
        TransportAndProtocol<Transport, StreamReaderProtocol> tp = await(loop.createConnection(() -> protocol, host, port));
        StreamWriter writer = new StreamWriter(tp.transport(), protocol, reader, loop);
        return Coroutine.returning(new Connection(reader, writer));
    }

    @Async
    static Coroutine<Server> startServer(ClientConnected clientConnected, String host, int port, int limit) {
        EventLoop loop = EventLoop.requireRunning("startServer");
        Server server = await(loop.createServer(
                () -> new StreamReaderProtocol(new StreamReader(limit, loop), clientConnected, loop), host, port));
        return Coroutine.returning(server);
    }
}
