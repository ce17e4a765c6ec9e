package dev.weft.examples.protocols;

import static dev.weft.Weft.*;
import static dev.weft.examples.Py.repr;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Protocol;
import dev.weft.Server;
import dev.weft.Transport;
import dev.weft.TransportAndProtocol;

/**
 * The asyncio documentation's TCP echo client using protocols
 * ({@code src/main/python/protocols/TcpEchoClient.py}). The documentation runs the echo server in
 * another process, on port 8888; here a quiet echo server on a free port of 127.0.0.1 is started
 * first, and closed at the end.
 */
public class TcpEchoClient {

    static class EchoClientProtocol implements Protocol {                          // class EchoClientProtocol(asyncio.Protocol):
        private final String message;
        private final Future<Boolean> onConLost;

        EchoClientProtocol(String message, Future<Boolean> onConLost) {            //     def __init__(self, message, on_con_lost):
            this.message = message;                                                //         self.message = message
            this.onConLost = onConLost;                                            //         self.on_con_lost = on_con_lost
        }

        @Override
        public void connectionMade(Transport transport) {                          //     def connection_made(self, transport):
            transport.write(message.getBytes(UTF_8));                              //         transport.write(self.message.encode())
            System.out.println("Data sent: " + repr(message));                     //         print('Data sent: {!r}'.format(self.message))
        }

        @Override
        public void dataReceived(byte[] data) {                                    //     def data_received(self, data):
            System.out.println("Data received: " + repr(new String(data, UTF_8))); //         print('Data received: {!r}'.format(data.decode()))
        }

        @Override
        public void connectionLost(Throwable exc) {                                //     def connection_lost(self, exc):
            System.out.println("The server closed the connection");               //         print('The server closed the connection')
            onConLost.setResult(true);                                             //         self.on_con_lost.set_result(True)
        }
    }

    static class QuietEchoProtocol implements Protocol {                           // class QuietEchoProtocol(asyncio.Protocol):
        private Transport transport;

        @Override
        public void connectionMade(Transport transport) {                          //     def connection_made(self, transport):
            this.transport = transport;                                            //         self.transport = transport
        }

        @Override
        public void dataReceived(byte[] data) {                                    //     def data_received(self, data):
            transport.write(data);                                                 //         self.transport.write(data)
            transport.close();                                                     //         self.transport.close()
        }
    }

    @Async
    static Coroutine<Void> main() {                                               // async def main():
        EventLoop loop = getRunningLoop();                                        //     loop = asyncio.get_running_loop()
        Server server = await(loop.createServer(QuietEchoProtocol::new, "127.0.0.1", 0)); // server = await loop.create_server(QuietEchoProtocol, '127.0.0.1', 0)

        Future<Boolean> onConLost = loop.createFuture();                          //     on_con_lost = loop.create_future()
        String message = "Hello World!";                                          //     message = 'Hello World!'

        TransportAndProtocol<Transport, EchoClientProtocol> tp = await(loop.createConnection( // transport, protocol = await loop.create_connection(
                () -> new EchoClientProtocol(message, onConLost),                 //         lambda: EchoClientProtocol(message, on_con_lost),
                "127.0.0.1", server.sockets().get(0).getPort()));                 //         '127.0.0.1', server.sockets[0].getsockname()[1])

        try {                                                                     //     try:
            await(onConLost);                                                     //         await on_con_lost
        } finally {                                                               //     finally:
            tp.transport().close();                                               //         transport.close()
            server.close();                                                       //         server.close()
            await(server.waitClosed());                                           //         await server.wait_closed()
        }
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(main());                                                              // asyncio.run(main())
    }
}
