package dev.weft.examples.tls;

import static dev.weft.Weft.*;
import static dev.weft.examples.Py.repr;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.weft.Async;
import dev.weft.Connection;
import dev.weft.Coroutine;
import dev.weft.Server;
import dev.weft.StreamReader;
import dev.weft.StreamWriter;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * The asyncio documentation's TCP echo pair over TLS ({@code src/main/python/tls/TlsEcho.py}):
 * {@code startServer} and {@code openConnection} given an {@link SSLContext}, the client checking
 * the server's certificate against the name {@code localhost}. The key and the self-signed
 * certificate are the example's resources ({@code localhost.key}, {@code localhost.pem}), which
 * {@link PemContexts} loads as {@code load_cert_chain} and {@code cafile=} do.
 */
public class TlsEcho {

    @Async
    static Coroutine<Void> handleEcho(StreamReader reader, StreamWriter writer) {     // async def handle_echo(reader, writer):
        byte[] data = await(reader.readline());                                      //     data = await reader.readline()
        String tls = ((SSLEngine) writer.getExtraInfo("ssl_object"))                 //     tls = writer.get_extra_info('ssl_object').version()
                .getSession().getProtocol();
        System.out.println("Received " + repr(new String(data, UTF_8)) + " over " + tls); //     print(f"Received {data.decode()!r} over {tls}")
        writer.write(data);                                                          //     writer.write(data)
        await(writer.drain());                                                       //     await writer.drain()
        writer.close();                                                              //     writer.close()
        await(writer.waitClosed());                                                  //     await writer.wait_closed()
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> main(SSLContext serverCtx, SSLContext clientCtx) {       // async def main():
        Server server = await(startServer(TlsEcho::handleEcho, "127.0.0.1", 0, serverCtx)); // server = await asyncio.start_server(handle_echo, '127.0.0.1', 0, ssl=server_ctx)
        int port = server.sockets().get(0).getPort();                               //     port = server.sockets[0].getsockname()[1]
        try {                                                                        //     async with server:
            Connection c = await(openConnection(                                     //         reader, writer = await asyncio.open_connection(
                    "127.0.0.1", port, clientCtx, "localhost"));                     //             '127.0.0.1', port, ssl=client_ctx, server_hostname='localhost')
            X509Certificate cert = (X509Certificate) c.writer().getExtraInfo("peercert");
            String peer = cert.getSubjectX500Principal().getName().replace("CN=", ""); // peer = writer.get_extra_info('peercert')['subject'][0][0][1]
            System.out.println("Connected to " + repr(peer));                        //         print(f"Connected to {peer!r}")
            c.writer().write("Hello over TLS!\n".getBytes(UTF_8));                   //         writer.write(b'Hello over TLS!\n')
            await(c.writer().drain());                                               //         await writer.drain()
            System.out.println("Echoed: " + repr(new String(await(c.reader().readline()), UTF_8))); // print(f"Echoed: {(await reader.readline()).decode()!r}")
            c.writer().close();                                                      //         writer.close()
            await(c.writer().waitClosed());                                          //         await writer.wait_closed()
        } finally {
            server.close();
            await(server.waitClosed());
        }
        return Coroutine.done();
    }

    public static void main(String[] args) {
        SSLContext serverCtx = PemContexts.server("localhost.pem", "localhost.key"); // server_ctx.load_cert_chain(CERTS / 'localhost.pem', CERTS / 'localhost.key')
        SSLContext clientCtx = PemContexts.client("localhost.pem");                   // client_ctx = ssl.create_default_context(cafile=CERTS / 'localhost.pem')
        run(main(serverCtx, clientCtx));                                              // asyncio.run(main())
    }
}
