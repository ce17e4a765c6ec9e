# The asyncio documentation's UDP echo client (asyncio-protocol.html, "UDP Echo Client"). The
# documentation runs the echo server in another process, on port 9999; here a quiet echo server on
# a free port of 127.0.0.1 is started first, and closed at the end.
import asyncio


class EchoClientProtocol:
    def __init__(self, message, on_con_lost):
        self.message = message
        self.on_con_lost = on_con_lost
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport
        print('Send:', self.message)
        self.transport.sendto(self.message.encode())

    def datagram_received(self, data, addr):
        print("Received:", data.decode())

        print("Close the socket")
        self.transport.close()

    def error_received(self, exc):
        print('Error received:', exc)

    def connection_lost(self, exc):
        print("Connection closed")
        self.on_con_lost.set_result(True)


class QuietEchoProtocol(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        self.transport.sendto(data, addr)


async def main():
    # Get a reference to the event loop as we plan to use
    # low-level APIs.
    loop = asyncio.get_running_loop()
    server, _ = await loop.create_datagram_endpoint(QuietEchoProtocol, local_addr=('127.0.0.1', 0))

    on_con_lost = loop.create_future()
    message = "Hello World!"

    transport, protocol = await loop.create_datagram_endpoint(
        lambda: EchoClientProtocol(message, on_con_lost),
        remote_addr=server.get_extra_info('sockname'))

    try:
        await on_con_lost
    finally:
        transport.close()
        server.close()


asyncio.run(main())
