package dev.weft.benchmarks.echo;

import static dev.weft.Weft.await;
import static dev.weft.Weft.startServer;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Server;
import dev.weft.StreamReader;
import dev.weft.StreamWriter;
import dev.weft.Weft;

/**
 * Weft's streams row of the echo benchmark: {@code startServer} runs a task per connection that
 * reads up to 64 KiB, writes it back and drains (the asyncio-streams and uvloop-streams rows are
 * the same program in Python). Arguments: {@code --port P}.
 */
public final class WeftStreamsEchoServer {
    /** Bytes read at once, as the Python rows read. */
    static final int READ = 64 * 1024;

    private WeftStreamsEchoServer() {
    }

    @Async
    static Coroutine<Void> echo(StreamReader reader, StreamWriter writer) {
        for (;;) {
            byte[] data = await(reader.read(READ));
            if (data.length == 0) {
                break;
            }
            writer.write(data);
            await(writer.drain());
        }
        writer.close();
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> serve(int port) {
        Server server = await(startServer(WeftStreamsEchoServer::echo, "127.0.0.1", port));
        System.out.println("weft streams echo server listening on " + server.sockets().get(0));
        await(server.serveForever());
        return Coroutine.done();
    }

    /**
     * Serves until killed.
     *
     * @param args {@code --port P}
     */
    public static void main(String[] args) {
        Weft.run(serve(NettyEchoServer.port(args)));
    }
}
