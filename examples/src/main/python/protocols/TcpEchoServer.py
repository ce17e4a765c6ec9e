# The asyncio documentation's TCP echo server using protocols (asyncio-protocol.html, "TCP Echo
# Server"), on a free port of 127.0.0.1 instead of 8888. So that it ends by itself, it serves one
# client (a quiet one: the documentation's client is TcpEchoClient.py), then closes.
import asyncio


class EchoServerProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        peername = transport.get_extra_info('peername')
        print('Connection from {}'.format(peername))
        self.transport = transport

    def data_received(self, data):
        message = data.decode()
        print('Data received: {!r}'.format(message))

        print('Send: {!r}'.format(message))
        self.transport.write(data)

        print('Close the client socket')
        self.transport.close()


async def say_hello(port):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'Hello World!')
    await reader.read()
    writer.close()
    await writer.wait_closed()


async def main():
    # Get a reference to the event loop as we plan to use
    # low-level APIs.
    loop = asyncio.get_running_loop()

    server = await loop.create_server(
        EchoServerProtocol,
        '127.0.0.1', 0)

    async with server:
        # the documentation has: await server.serve_forever()
        await say_hello(server.sockets[0].getsockname()[1])


asyncio.run(main())
