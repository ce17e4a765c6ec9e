package dev.weft;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * A UDP endpoint served by the loop: Python's {@code _SelectorDatagramTransport}. A datagram is
 * sent at once when nothing waits; otherwise it is buffered whole, with its address. Errors of
 * a send or receive go to the protocol's {@code errorReceived}; the endpoint stays open.
 */
final class DatagramSocketTransport extends SelectorTransport implements DatagramTransport {
    /** Bytes counted per buffered datagram besides its data (asyncio's header estimate). */
    private static final int HEADER_SIZE = 8;

    private final DatagramChannel socket;
    private final DatagramProtocol datagramProtocol;
    /** The remote address of a connected endpoint, else null. */
    private final InetSocketAddress address;
    private final ArrayDeque<Object[]> buffer = new ArrayDeque<>();
    private final Runnable readReady = this::readReady;
    private final Runnable sendtoReady = this::sendtoReady;

    private DatagramSocketTransport(EventLoop loop, DatagramChannel socket, DatagramProtocol protocol,
            InetSocketAddress address, Future<Void> waiter) throws IOException {
        super(loop, socket, protocol, null);
        this.socket = socket;
        this.datagramProtocol = protocol;
        this.address = address;
        extra.put("sockname", AddressTuple.of(socket.getLocalAddress()));
        extra.put("peername", AddressTuple.of(address));
        loop.callSoon(() -> protocol.connectionMade(this));
        loop.callSoon(this::addReaderIfReading);
        loop.callSoon(() -> {
            if (!waiter.cancelled()) {
                waiter.setResult(null);
            }
        });
    }

    static <P extends DatagramProtocol> void open(EventLoop loop, Supplier<P> protocolFactory, InetSocketAddress local,
            InetSocketAddress remote, Future<TransportAndProtocol<DatagramTransport, P>> result) throws IOException {
        InetSocketAddress any = local != null ? local : remote;
        ProtocolFamily family = any.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        DatagramChannel channel = DatagramChannel.open(family);
        DatagramSocketTransport transport;
        P protocol;
        Future<Void> waiter = loop.createFuture();
        try {
            channel.configureBlocking(false);
            channel.bind(local);
            if (remote != null) {
                channel.connect(remote);
            }
            protocol = protocolFactory.get();
            transport = new DatagramSocketTransport(loop, channel, protocol, remote, waiter);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        waiter.addDoneCallback(w -> {
            if (result.done()) {
                transport.close();
            } else {
                result.setResult(new TransportAndProtocol<>(transport, protocol));
            }
        });
    }

    @Override
    Runnable reader() {
        return readReady;
    }

    @Override
    Runnable writer() {
        return sendtoReady;
    }

    @Override
    boolean buffered() {
        return !buffer.isEmpty();
    }

    @Override
    void clearBuffer() {
        buffer.clear();
    }

    private void readReady() {
        if (connLost > 0) {
            return;
        }
        ByteBuffer rb = loop.readBuffer();
        SocketAddress from;
        try {
            from = socket.receive(rb);
        } catch (IOException e) {
            datagramProtocol.errorReceived(e); // PortUnreachableException, say: the endpoint goes on
            return;
        }
        if (from == null) {
            return; // spurious wake-up
        }
        byte[] data = new byte[rb.position()];
        rb.flip();
        rb.get(data);
        try {
            // printed as Python prints it, ('127.0.0.1', 9999), as a stream transport's peername is
            datagramProtocol.datagramReceived(data, (InetSocketAddress) AddressTuple.of(from));
        } catch (RuntimeException e) {
            fatalError(e, "Fatal error: protocol.datagramReceived() call failed.");
        }
    }

    @Override
    public void sendto(byte[] data) {
        if (address == null) {
            throw new IllegalStateException("sendto(data) without an address needs a connected endpoint: give the address");
        }
        sendto(data, null);
    }

    @Override
    public void sendto(byte[] data, InetSocketAddress addr) {
        loop.checkThread("DatagramTransport.sendto");
        if (data == null) {
            throw new NullPointerException("sendto(null): pass the datagram's bytes");
        }
        if (address != null) {
            if (addr != null && !addr.equals(address)) {
                throw new IllegalArgumentException("Invalid address: must be null or " + address);
            }
            addr = address;
        } else if (addr == null) {
            throw new IllegalArgumentException("sendto: the endpoint is not connected, give the address");
        }
        if (data.length == 0) {
            return; // java.nio cannot send an empty datagram (Python 3.13 can; 3.12 did not either)
        }
        if (connLost > 0 && address != null) {
            droppedWrite();
            return;
        }
        if (buffer.isEmpty()) {
            try {
                if (send(ByteBuffer.wrap(data), addr)) {
                    return;
                }
                loop.addWriter(socket, sendtoReady);
            } catch (IOException e) {
                datagramProtocol.errorReceived(e);
                return;
            }
        }
        buffer.add(new Object[] {data.clone(), addr}); // copied: the caller may reuse its array
        bufferSize += data.length + HEADER_SIZE;
        maybePauseProtocol();
    }

    /** One try at sending a datagram: whether the socket took it. */
    private boolean send(ByteBuffer data, InetSocketAddress addr) throws IOException {
        if (address != null) {
            return socket.write(data) > 0;
        }
        return socket.send(data, addr) > 0;
    }

    private void sendtoReady() {
        Object[] head;
        while ((head = buffer.peek()) != null) {
            byte[] data = (byte[]) head[0];
            try {
                if (!send(ByteBuffer.wrap(data), (InetSocketAddress) head[1])) {
                    break; // still full: wait for the next writability
                }
            } catch (IOException e) {
                buffer.poll();
                bufferSize -= data.length + HEADER_SIZE;
                datagramProtocol.errorReceived(e);
                return;
            }
            buffer.poll();
            bufferSize -= data.length + HEADER_SIZE;
        }
        maybeResumeProtocol();
        if (buffer.isEmpty()) {
            loop.removeWriter(socket);
            if (closing) {
                callConnectionLost(null);
            }
        }
    }
}
