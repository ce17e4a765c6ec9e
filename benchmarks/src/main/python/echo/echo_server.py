"""The Python baselines of Weft's echo-server benchmark (benchmarks/echo/run).

One process, one event loop, on 127.0.0.1:

  python3 echo_server.py --port P --mode asyncio-streams|uvloop-streams|uvloop-protocol [--tls cert-and-key.pem]

asyncio-streams: CPython's own loop, asyncio.start_server, read(64 KiB), write, drain.
uvloop-streams:  the same handler on uvloop's loop.
uvloop-protocol: an asyncio.Protocol whose data_received writes the data back, on uvloop.
--tls serves TLS with the certificate and key of the PEM file (the run script makes it).
"""

import argparse
import asyncio
import os
import ssl
import sys

READ = 64 * 1024


async def handle(reader, writer):
    try:
        while True:
            data = await reader.read(READ)
            if not data:
                break
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data)


async def serve(mode, port, tls):
    if mode == "uvloop-protocol":
        server = await asyncio.get_running_loop().create_server(Echo, "127.0.0.1", port, ssl=tls, backlog=1024)
    else:
        server = await asyncio.start_server(handle, "127.0.0.1", port, ssl=tls, backlog=1024)
    print(f"{mode}{' tls' if tls else ''} echo server listening on 127.0.0.1:{port}", flush=True)
    async with server:
        await server.serve_forever()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--mode", choices=["asyncio-streams", "uvloop-streams", "uvloop-protocol"], required=True)
    p.add_argument("--tls", help="PEM file with the certificate and its key")
    a = p.parse_args()
    tls = None
    if a.tls:
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(a.tls)
    if a.mode.startswith("uvloop"):
        import uvloop
        uvloop.install()
    print(f"python {sys.version.split()[0]} pid {os.getpid()}", flush=True)
    try:
        asyncio.run(serve(a.mode, a.port, tls))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
