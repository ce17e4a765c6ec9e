package dev.weft.examples.protocols;

import static dev.weft.Weft.*;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Protocol;
import dev.weft.Transport;
import dev.weft.TransportAndProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The asyncio documentation's "Register an open socket to wait for data using a protocol"
 * ({@code src/main/python/protocols/RegisterOpenSocket.py}): {@code createConnection} given a
 * socket already connected. Java has no {@code socket.socketpair()}: the pair is a connection
 * over 127.0.0.1 ({@link #socketpair()}).
 */
public class RegisterOpenSocket {

    static class MyProtocol implements Protocol {                                  // class MyProtocol(asyncio.Protocol):
        private Transport transport;
        final Future<Boolean> onConLost;

        MyProtocol(Future<Boolean> onConLost) {                                    //     def __init__(self, on_con_lost):
            this.transport = null;                                                 //         self.transport = None
            this.onConLost = onConLost;                                            //         self.on_con_lost = on_con_lost
        }

        @Override
        public void connectionMade(Transport transport) {                          //     def connection_made(self, transport):
            this.transport = transport;                                            //         self.transport = transport
        }

        @Override
        public void dataReceived(byte[] data) {                                    //     def data_received(self, data):
            System.out.println("Received: " + new String(data, UTF_8));            //         print("Received:", data.decode())

            // We are done: close the transport;
            // connectionLost() will be called automatically.
            transport.close();                                                     //         self.transport.close()
        }

        @Override
        public void connectionLost(Throwable exc) {                                //     def connection_lost(self, exc):
            // The socket has been closed
            onConLost.setResult(true);                                             //         self.on_con_lost.set_result(True)
        }
    }

    /** Python's {@code socket.socketpair()}: two connected sockets (here over 127.0.0.1). */
    static SocketChannel[] socketpair() {
        try (ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            SocketChannel w = SocketChannel.open(listener.getLocalAddress());
            return new SocketChannel[] {listener.accept(), w};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void send(SocketChannel sock, byte[] data) {                            // wsock.send(data)
        try {
            sock.write(ByteBuffer.wrap(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void close(SocketChannel sock) {                                        // wsock.close()
        try {
            sock.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Async
    static Coroutine<Void> main() {                                               // async def main():
        EventLoop loop = getRunningLoop();                                        //     loop = asyncio.get_running_loop()
        Future<Boolean> onConLost = loop.createFuture();                          //     on_con_lost = loop.create_future()

        // Create a pair of connected sockets
        SocketChannel[] pair = socketpair();                                      //     rsock, wsock = socket.socketpair()
        SocketChannel rsock = pair[0];
        SocketChannel wsock = pair[1];

        // Register the socket to wait for data.
        TransportAndProtocol<Transport, MyProtocol> tp = await(loop.createConnection( // transport, protocol = await loop.create_connection(
                () -> new MyProtocol(onConLost), rsock));                         //         lambda: MyProtocol(on_con_lost), sock=rsock)

        // Simulate the reception of data from the network.
        loop.callSoon(() -> send(wsock, "abc".getBytes(UTF_8)));                  //     loop.call_soon(wsock.send, 'abc'.encode())

        try {                                                                     //     try:
            await(tp.protocol().onConLost);                                       //         await protocol.on_con_lost
        } finally {                                                               //     finally:
            tp.transport().close();                                               //         transport.close()
            close(wsock);                                                         //         wsock.close()
        }
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(main());                                                              // asyncio.run(main())
    }
}
