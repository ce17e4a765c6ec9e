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

/**
 * The asyncio documentation's TCP echo client ({@code src/main/python/streams/EchoClient.py}).
 * The documentation runs the echo server in another process, on port 8888; here a silent echo
 * server on a free port of 127.0.0.1 is started first, and closed at the end.
 */
public class EchoClient {

    @Async
    static Coroutine<Void> tcpEchoClient(String message, int port) {              // async def tcp_echo_client(message, port):
        Connection c = await(openConnection(                                      //     reader, writer = await asyncio.open_connection(
                "127.0.0.1", port));                                              //         '127.0.0.1', port)
        StreamReader reader = c.reader();
        StreamWriter writer = c.writer();

        System.out.println("Send: " + repr(message));                             //     print(f'Send: {message!r}')
        writer.write(message.getBytes(UTF_8));                                    //     writer.write(message.encode())
        await(writer.drain());                                                    //     await writer.drain()

        byte[] data = await(reader.read(100));                                    //     data = await reader.read(100)
        System.out.println("Received: " + repr(new String(data, UTF_8)));         //     print(f'Received: {data.decode()!r}')

        System.out.println("Close the connection");                               //     print('Close the connection')
        writer.close();                                                           //     writer.close()
        await(writer.waitClosed());                                               //     await writer.wait_closed()
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> echo(StreamReader reader, StreamWriter writer) {       // async def echo(reader, writer):
        writer.write(await(reader.read(100)));                                    //     writer.write(await reader.read(100))
        writer.close();                                                           //     writer.close()
        await(writer.waitClosed());                                               //     await writer.wait_closed()
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> main() {                                               // async def main():
        Server server = await(startServer(EchoClient::echo, "127.0.0.1", 0));     //     server = await asyncio.start_server(echo, '127.0.0.1', 0)
        try {                                                                     //     async with server:
            await(tcpEchoClient("Hello World!", server.sockets().get(0).getPort())); //         await tcp_echo_client('Hello World!', server.sockets[0].getsockname()[1])
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
