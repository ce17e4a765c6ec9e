package dev.weft.examples.protocols;

import static dev.weft.Weft.*;
import static dev.weft.examples.Py.repr;
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
 * The asyncio documentation's UDP echo server ({@code src/main/python/protocols/UdpEchoServer.py}),
 * on a free port of 127.0.0.1 instead of 9999; so that it ends by itself, it serves one datagram
 * from a quiet client instead of serving for an hour. The client's port differs from run to run:
 * the test compares the lines with it erased.
 */
public class UdpEchoServer {

    static class EchoServerProtocol implements DatagramProtocol {                  // class EchoServerProtocol(asyncio.DatagramProtocol):
        private DatagramTransport transport;

        @Override
        public void connectionMade(DatagramTransport transport) {                  //     def connection_made(self, transport):
            this.transport = transport;                                            //         self.transport = transport
        }

        @Override
        public void datagramReceived(byte[] data, InetSocketAddress addr) {        //     def datagram_received(self, data, addr):
            String message = new String(data, UTF_8);                              //         message = data.decode()
            System.out.println("Received " + repr(message) + " from " + addr);     //         print('Received %r from %s' % (message, addr))
            System.out.println("Send " + repr(message) + " to " + addr);           //         print('Send %r to %s' % (message, addr))
            transport.sendto(data, addr);                                          //         self.transport.sendto(data, addr)
        }
    }

    static class QuietClientProtocol implements DatagramProtocol {                 // class QuietClientProtocol(asyncio.DatagramProtocol):
        private final Future<byte[]> echoed;

        QuietClientProtocol(Future<byte[]> echoed) {                               //     def __init__(self, echoed):
            this.echoed = echoed;                                                  //         self.echoed = echoed
        }

        @Override
        public void connectionMade(DatagramTransport transport) {                  //     def connection_made(self, transport):
            transport.sendto("Hello World!".getBytes(UTF_8));                      //         transport.sendto(b'Hello World!')
        }

        @Override
        public void datagramReceived(byte[] data, InetSocketAddress addr) {        //     def datagram_received(self, data, addr):
            echoed.setResult(data);                                                //         self.echoed.set_result(data)
        }
    }

    @Async
    static Coroutine<Void> main() {                                               // async def main():
        System.out.println("Starting UDP server");                                //     print("Starting UDP server")

        EventLoop loop = getRunningLoop();                                        //     loop = asyncio.get_running_loop()

        // One protocol instance will be created to serve all client requests.
        TransportAndProtocol<DatagramTransport, EchoServerProtocol> tp = await(loop.createDatagramEndpoint( // transport, protocol = await loop.create_datagram_endpoint(
                EchoServerProtocol::new,                                          //         EchoServerProtocol,
                new InetSocketAddress("127.0.0.1", 0), null));                    //         local_addr=('127.0.0.1', 0))
        DatagramTransport transport = tp.transport();

        try {                                                                     //     try:
            // the documentation has: await(sleep(3600));  // Serve for 1 hour.
            Future<byte[]> echoed = loop.createFuture();                          //         echoed = loop.create_future()
            TransportAndProtocol<DatagramTransport, QuietClientProtocol> client = await(loop.createDatagramEndpoint( // client, _ = await loop.create_datagram_endpoint(
                    () -> new QuietClientProtocol(echoed),                        //             lambda: QuietClientProtocol(echoed),
                    null, (InetSocketAddress) transport.getExtraInfo("sockname"))); //           remote_addr=transport.get_extra_info('sockname'))
            await(echoed);                                                        //         await echoed
            client.transport().close();                                           //         client.close()
        } finally {                                                               //     finally:
            transport.close();                                                    //         transport.close()
        }
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(main());                                                              // asyncio.run(main())
    }
}
