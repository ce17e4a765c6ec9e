package dev.weft.examples.protocols;

import static dev.weft.Weft.*;
import static dev.weft.examples.Py.repr;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.weft.Async;
import dev.weft.Connection;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Protocol;
import dev.weft.Server;
import dev.weft.Transport;

/**
 * The asyncio documentation's TCP echo server using protocols
 * ({@code src/main/python/protocols/TcpEchoServer.py}), on a free port of 127.0.0.1 instead of
 * 8888; so that it ends by itself, it serves one quiet client, then closes. The ports differ from
 * run to run: the test compares the lines with them erased.
 */
public class TcpEchoServer {

    static class EchoServerProtocol implements Protocol {                          // class EchoServerProtocol(asyncio.Protocol):
        private Transport transport;

        @Override
        public void connectionMade(Transport transport) {                          //     def connection_made(self, transport):
            Object peername = transport.getExtraInfo("peername");                  //         peername = transport.get_extra_info('peername')
            System.out.println("Connection from " + peername);                     //         print('Connection from {}'.format(peername))
            this.transport = transport;                                            //         self.transport = transport
        }

        @Override
        public void dataReceived(byte[] data) {                                    //     def data_received(self, data):
            String message = new String(data, UTF_8);                              //         message = data.decode()
            System.out.println("Data received: " + repr(message));                 //         print('Data received: {!r}'.format(message))

            System.out.println("Send: " + repr(message));                          //         print('Send: {!r}'.format(message))
            transport.write(data);                                                 //         self.transport.write(data)

            System.out.println("Close the client socket");                         //         print('Close the client socket')
            transport.close();                                                     //         self.transport.close()
        }
    }

    @Async
    static Coroutine<Void> sayHello(int port) {                                   // async def say_hello(port):
        Connection c = await(openConnection("127.0.0.1", port));                  //     reader, writer = await asyncio.open_connection('127.0.0.1', port)
        c.writer().write("Hello World!".getBytes(UTF_8));                         //     writer.write(b'Hello World!')
        await(c.reader().read(-1));                                               //     await reader.read()
        c.writer().close();                                                       //     writer.close()
        await(c.writer().waitClosed());                                           //     await writer.wait_closed()
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> main() {                                               // async def main():
        EventLoop loop = getRunningLoop();                                        //     loop = asyncio.get_running_loop()

        Server server = await(loop.createServer(                                  //     server = await loop.create_server(
                EchoServerProtocol::new,                                          //         EchoServerProtocol,
                "127.0.0.1", 0));                                                 //         '127.0.0.1', 0)

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
