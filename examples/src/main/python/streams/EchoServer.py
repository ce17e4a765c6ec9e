# The asyncio documentation's TCP echo server (asyncio-stream.html, "TCP echo server using
# streams"), on a free port of 127.0.0.1 instead of 8888. So that it ends by itself, it serves one
# client (a silent one: the documentation's client is EchoClient.py), then closes.
import asyncio

async def handle_echo(reader, writer):
    data = await reader.read(100)
    message = data.decode()
    addr = writer.get_extra_info('peername')

    print(f"Received {message!r} from {addr!r}")

    print(f"Send: {message!r}")
    writer.write(data)
    await writer.drain()

    print("Close the connection")
    writer.close()
    await writer.wait_closed()

async def say_hello(port):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'Hello World!')
    await reader.read(100)
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(
        handle_echo, '127.0.0.1', 0)

    addrs = ', '.join(str(sock.getsockname()) for sock in server.sockets)
    print(f'Serving on {addrs}')

    async with server:
        # the documentation has: await server.serve_forever()
        await say_hello(server.sockets[0].getsockname()[1])

asyncio.run(main())
