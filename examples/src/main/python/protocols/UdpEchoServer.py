# The asyncio documentation's UDP echo server (asyncio-protocol.html, "UDP Echo Server"), on a free
# port of 127.0.0.1 instead of 9999. So that it ends by itself, it serves one datagram (from a
# quiet client: the documentation's client is UdpEchoClient.py) instead of serving for an hour.
import asyncio


# the documentation's class has no base class: asyncio.DatagramProtocol gives the
# connection_lost it lacks, which transport.close() calls (its absence prints a traceback)
class EchoServerProtocol(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        message = data.decode()
        print('Received %r from %s' % (message, addr))
        print('Send %r to %s' % (message, addr))
        self.transport.sendto(data, addr)


class QuietClientProtocol(asyncio.DatagramProtocol):
    def __init__(self, echoed):
        self.echoed = echoed

    def connection_made(self, transport):
        transport.sendto(b'Hello World!')

    def datagram_received(self, data, addr):
        self.echoed.set_result(data)


async def main():
    print("Starting UDP server")

    # Get a reference to the event loop as we plan to use
    # low-level APIs.
    loop = asyncio.get_running_loop()

    # One protocol instance will be created to serve all
    # client requests.
    transport, protocol = await loop.create_datagram_endpoint(
        EchoServerProtocol,
        local_addr=('127.0.0.1', 0))

    try:
        # the documentation has: await asyncio.sleep(3600)  # Serve for 1 hour.
        echoed = loop.create_future()
        client, _ = await loop.create_datagram_endpoint(
            lambda: QuietClientProtocol(echoed),
            remote_addr=transport.get_extra_info('sockname'))
        await echoed
        client.close()
    finally:
        transport.close()


asyncio.run(main())
