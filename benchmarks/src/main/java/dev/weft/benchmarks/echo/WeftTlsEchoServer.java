package dev.weft.benchmarks.echo;

import static dev.weft.Weft.await;
import static dev.weft.Weft.startServer;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Server;
import dev.weft.Weft;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;

/**
 * Weft's TLS row of the echo benchmark: the streams server of {@link WeftStreamsEchoServer}
 * (a task per connection: read up to 64 KiB, write, drain) with {@code startServer(..., ssl)},
 * the JDK's {@code SSLEngine} on the loop's thread (the uvloop-streams-tls row is the same
 * program in Python). Arguments: {@code --port P --tls store.p12} (the key store of {@link EchoTls}).
 */
public final class WeftTlsEchoServer {
    private WeftTlsEchoServer() {
    }

    @Async
    static Coroutine<Void> serve(int port, SSLContext tls) {
        Server server = await(startServer(WeftStreamsEchoServer::echo, "127.0.0.1", port, tls));
        System.out.println("weft tls echo server listening on " + server.sockets().get(0));
        await(server.serveForever());
        return Coroutine.done();
    }

    /**
     * Serves until killed.
     *
     * @param args {@code --port P --tls store.p12}
     * @throws Exception if the key store cannot be read
     */
    public static void main(String[] args) throws Exception {
        String store = NettyEchoServer.option(args, "--tls", null);
        if (store == null) {
            throw new IllegalArgumentException("WeftTlsEchoServer: give --tls store.p12 (benchmarks/echo/run makes one)");
        }
        Weft.run(serve(NettyEchoServer.port(args), EchoTls.serverContext(Path.of(store))));
    }
}
