package dev.weft.examples.protocols;

import static dev.weft.Weft.*;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.DatagramProtocol;
import dev.weft.DatagramTransport;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.TransportAndProtocol;
import java.net.InetSocketAddress;

/**
 * The asyncio documentation's UDP echo client ({@code src/main/python/protocols/UdpEchoClient.py}).
 * The documentation runs the echo server in another process, on port 9999; here a quiet echo
 * server on a free port of 127.0.0.1 is started first, and closed at the end.
 */
public class UdpEchoClient {

    static class EchoClientProtocol implements DatagramProtocol {                  // class EchoClientProtocol:
        private final String message;
        private final Future<Boolean> onConLost;
        private DatagramTransport transport;

        EchoClientProtocol(String message, Future<Boolean> onConLost) {            //     def __init__(self, message, on_con_lost):
            this.message = message;                                                //         self.message = message
            this.onConLost = onConLost;                                            //         self.on_con_lost = on_con_lost
            this.transport = null;                                                 //         self.transport = None
        }

        @Override
        public void connectionMade(DatagramTransport transport) {                  //     def connection_made(self, transport):
            this.transport = transport;                                            //         self.transport = transport
            System.out.println("Send: " + message);                                //         print('Send:', self.message)
            this.transport.sendto(message.getBytes(UTF_8));                        //         self.transport.sendto(self.message.encode())
        }

        @Override
        public void datagramReceived(byte[] data, InetSocketAddress addr) {        //     def datagram_received(self, data, addr):
            System.out.println("Received: " + new String(data, UTF_8));            //         print("Received:", data.decode())

            System.out.println("Close the socket");                                //         print("Close the socket")
            transport.close();                                                     //         self.transport.close()
        }

        @Override
        public void errorReceived(Exception exc) {                                 //     def error_received(self, exc):
            System.out.println("Error received: " + exc);                          //         print('Error received:', exc)
        }

        @Override
        public void connectionLost(Throwable exc) {                                //     def connection_lost(self, exc):
            System.out.println("Connection closed");                               //         print("Connection closed")
            onConLost.setResult(true);                                             //         self.on_con_lost.set_result(True)
        }
    }

    static class QuietEchoProtocol implements DatagramProtocol {                   // class QuietEchoProtocol(asyncio.DatagramProtocol):
        private DatagramTransport transport;

        @Override
        public void connectionMade(DatagramTransport transport) {                  //     def connection_made(self, transport):
            this.transport = transport;                                            //         self.transport = transport
        }

        @Override
        public void datagramReceived(byte[] data, InetSocketAddress addr) {        //     def datagram_received(self, data, addr):
            transport.sendto(data, addr);                                          //         self.transport.sendto(data, addr)
        }
    }

    @Async
    static Coroutine<Void> main() {                                               // async def main():
        EventLoop loop = getRunningLoop();                                        //     loop = asyncio.get_running_loop()
        DatagramTransport server = await(loop.createDatagramEndpoint(             //     server, _ = await loop.create_datagram_endpoint(
                QuietEchoProtocol::new, new InetSocketAddress("127.0.0.1", 0), null)).transport(); // QuietEchoProtocol, local_addr=('127.0.0.1', 0))

        Future<Boolean> onConLost = loop.createFuture();                          //     on_con_lost = loop.create_future()
        String message = "Hello World!";                                          //     message = "Hello World!"

        TransportAndProtocol<DatagramTransport, EchoClientProtocol> tp = await(loop.createDatagramEndpoint( // transport, protocol = await loop.create_datagram_endpoint(
                () -> new EchoClientProtocol(message, onConLost),                 //         lambda: EchoClientProtocol(message, on_con_lost),
                null, (InetSocketAddress) server.getExtraInfo("sockname")));      //         remote_addr=server.get_extra_info('sockname'))

        try {                                                                     //     try:
            await(onConLost);                                                     //         await on_con_lost
        } finally {                                                               //     finally:
            tp.transport().close();                                               //         transport.close()
            server.close();                                                       //         server.close()
        }
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(main());                                                              // asyncio.run(main())
    }
}
