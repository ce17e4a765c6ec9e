# The part of aiohttp the seeds use (ClientSession, session.get/post as `async with`, response.status,
# await response.text(), await response.content.read()), on asyncio's own streams: aiohttp is not in
# the standard library, and the Python twins must run with python3 alone. HTTP/1.1, plain http only,
# one connection per request. Not an example: a helper the examples import.
import asyncio
from urllib.parse import urlsplit


class _Content:
    def __init__(self, body):
        self._body = body

    async def read(self):
        return self._body


class ClientResponse:
    def __init__(self, status, body):
        self.status = status
        self.content = _Content(body)

    async def text(self, encoding='utf-8'):
        return self.content._body.decode(encoding)


class _Request:
    def __init__(self, method, url, data):
        self.method, self.url, self.data = method, url, data

    async def __aenter__(self):
        parts = urlsplit(self.url)
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port or 80)
        body = self.data.encode() if isinstance(self.data, str) else (self.data or b'')
        target = parts.path + ('?' + parts.query if parts.query else '')
        head = (f'{self.method} {target} HTTP/1.1\r\nHost: {parts.netloc}\r\n'
                f'Content-Length: {len(body)}\r\nConnection: close\r\n\r\n')
        writer.write(head.encode() + body)
        await writer.drain()
        status_line = await reader.readline()
        length = None
        while True:
            line = await reader.readline()
            if line in (b'\r\n', b''):
                break
            name, _, value = line.decode().partition(':')
            if name.strip().lower() == 'content-length':
                length = int(value.strip())
        payload = await (reader.readexactly(length) if length is not None else reader.read())
        writer.close()
        await writer.wait_closed()
        return ClientResponse(int(status_line.split()[1]), payload)

    async def __aexit__(self, *exc):
        return False


class ClientSession:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False

    def get(self, url, verify_ssl=None, **kwargs):
        return _Request('GET', url, None)

    def post(self, url, data=None, **kwargs):
        return _Request('POST', url, data)
