package dev.weft;

/**
 * Python's {@code client_connected_cb} of {@code asyncio.start_server}: called for each
 * connection with its reader and writer; what it returns (typically the coroutine of an
 * {@code @Async} method) runs in a task of its own.
 *
 * <pre>{@code
 * @Async
 * static Coroutine<Void> handleEcho(StreamReader reader, StreamWriter writer) { ... }
 * Server server = await(startServer(Echo::handleEcho, "127.0.0.1", 0));
 * }</pre>
 */
@FunctionalInterface
public interface ClientConnected {
    /**
     * Handles one connection.
     *
     * @param reader the connection's reader
     * @param writer the connection's writer
     * @return a coroutine (run as a task) or a future of the loop, or null for nothing to wait for
     */
    Awaitable<?> accept(StreamReader reader, StreamWriter writer);
}
