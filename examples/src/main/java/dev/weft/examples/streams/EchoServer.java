package dev.weft.examples.streams;

import static dev.weft.Weft.*;
import static dev.weft.examples.Py.repr;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.weft.Async;
import dev.weft.Connection;
import dev.weft.Coroutine;
import dev.weft.Server;
import dev.weft.StreamReader;
import dev.weft.StreamWriter;
import java.util.stream.Collectors;

/**
 * The asyncio documentation's TCP echo server ({@code src/main/python/streams/EchoServer.py}), on a
 * free port of 127.0.0.1 instead of 8888; so that it ends by itself, it serves one silent client,
 * then closes ({@code async with server} is the {@code try}/{@code finally}). The ports differ
 * from run to run: the test compares the lines with them erased.
 */
public class EchoServer {

    @Async
    static Coroutine<Void> handleEcho(StreamReader reader, StreamWriter writer) {  // async def handle_echo(reader, writer):
        byte[] data = await(reader.read(100));                                    //     data = await reader.read(100)
        String message = new String(data, UTF_8);                                 //     message = data.decode()
        Object addr = writer.getExtraInfo("peername");                            //     addr = writer.get_extra_info('peername')

        System.out.println("Received " + repr(message) + " from " + addr);        //     print(f"Received {message!r} from {addr!r}")

        System.out.println("Send: " + repr(message));                             //     print(f"Send: {message!r}")
        writer.write(data);                                                       //     writer.write(data)
        await(writer.drain());                                                    //     await writer.drain()

        System.out.println("Close the connection");                               //     print("Close the connection")
        writer.close();                                                           //     writer.close()
        await(writer.waitClosed());                                               //     await writer.wait_closed()
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> sayHello(int port) {                                   // async def say_hello(port):
        Connection c = await(openConnection("127.0.0.1", port));                  //     reader, writer = await asyncio.open_connection('127.0.0.1', port)
        c.writer().write("Hello World!".getBytes(UTF_8));                         //     writer.write(b'Hello World!')
        await(c.reader().read(100));                                              //     await reader.read(100)
        c.writer().close();                                                       //     writer.close()
        await(c.writer().waitClosed());                                           //     await writer.wait_closed()
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> main() {                                               // async def main():
        Server server = await(startServer(                                        //     server = await asyncio.start_server(
                EchoServer::handleEcho, "127.0.0.1", 0));                         //         handle_echo, '127.0.0.1', 0)

        String addrs = server.sockets().stream()                                  //     addrs = ', '.join(str(sock.getsockname()) for sock in server.sockets)
                .map(String::valueOf).collect(Collectors.joining(", "));
        System.out.println("Serving on " + addrs);                                //     print(f'Serving on {addrs}')

        try {                                                                     //     async with server:
            // the documentation has: await(server.serveForever());
            await(sayHello(server.sockets().get(0).getPort()));                   //         await say_hello(server.sockets[0].getsockname()[1])
        } finally {
            server.close();
            await(server.waitClosed());
        }
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(main());                                                              // asyncio.run(main())
    }
}
