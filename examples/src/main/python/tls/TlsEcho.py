# The TCP echo pair of the asyncio documentation (asyncio-stream.html) over TLS: start_server and
# open_connection given an SSLContext (ssl=), the client checking the server's certificate against
# its name. The key and the self-signed certificate for "localhost" (valid to 2126) are the
# example's resources, beside its Java twin: ../../resources/dev/weft/examples/tls/.
import asyncio
import pathlib
import ssl

CERTS = pathlib.Path(__file__).parent / '../../resources/dev/weft/examples/tls'

async def handle_echo(reader, writer):
    data = await reader.readline()
    tls = writer.get_extra_info('ssl_object').version()
    print(f"Received {data.decode()!r} over {tls}")
    writer.write(data)
    await writer.drain()
    writer.close()
    await writer.wait_closed()

async def main():
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(CERTS / 'localhost.pem', CERTS / 'localhost.key')
    client_ctx = ssl.create_default_context(cafile=CERTS / 'localhost.pem')

    server = await asyncio.start_server(handle_echo, '127.0.0.1', 0, ssl=server_ctx)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection(
            '127.0.0.1', port, ssl=client_ctx, server_hostname='localhost')
        peer = writer.get_extra_info('peercert')['subject'][0][0][1]
        print(f"Connected to {peer!r}")
        writer.write(b'Hello over TLS!\n')
        await writer.drain()
        print(f"Echoed: {(await reader.readline()).decode()!r}")
        writer.close()
        await writer.wait_closed()

asyncio.run(main())
