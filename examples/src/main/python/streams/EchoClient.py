# The asyncio documentation's TCP echo client (asyncio-stream.html, "TCP echo client using
# streams"). The documentation runs the echo server in another process, on port 8888; here a
# silent echo server on a free port of 127.0.0.1 is started first, and closed at the end.
import asyncio

async def tcp_echo_client(message, port):
    reader, writer = await asyncio.open_connection(
        '127.0.0.1', port)

    print(f'Send: {message!r}')
    writer.write(message.encode())
    await writer.drain()

    data = await reader.read(100)
    print(f'Received: {data.decode()!r}')

    print('Close the connection')
    writer.close()
    await writer.wait_closed()

async def echo(reader, writer):
    writer.write(await reader.read(100))
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(echo, '127.0.0.1', 0)
    async with server:
        await tcp_echo_client('Hello World!', server.sockets[0].getsockname()[1])

asyncio.run(main())
