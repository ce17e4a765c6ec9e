# The part of aioredis 1.x the seed uses (create_redis, hmset_dict, hgetall, close, wait_closed),
# speaking RESP over asyncio's streams: aioredis is not in the standard library (and is no longer
# maintained). Not an example: a helper the example imports.
import asyncio


class Redis:
    def __init__(self, reader, writer):
        self._reader, self._writer = reader, writer
        self._lock = asyncio.Lock()

    async def execute(self, *args):
        async with self._lock:
            parts = [str(a).encode() for a in args]
            self._writer.write(b'*%d\r\n' % len(parts)
                               + b''.join(b'$%d\r\n%s\r\n' % (len(p), p) for p in parts))
            await self._writer.drain()
            return await self._read()

    async def _read(self):
        line = (await self._reader.readline())[:-2]
        kind, rest = line[:1], line[1:]
        if kind == b'+':
            return rest.decode()
        if kind == b'-':
            raise RuntimeError(rest.decode())
        if kind == b':':
            return int(rest)
        if kind == b'$':
            n = int(rest)
            return None if n < 0 else (await self._reader.readexactly(n + 2))[:-2]
        if kind == b'*':
            return [await self._read() for _ in range(int(rest))]
        raise RuntimeError('unexpected reply %r' % line)

    async def hmset_dict(self, key, **fields):
        args = [x for kv in fields.items() for x in kv]
        return await self.execute('HSET', key, *args)

    async def hgetall(self, key, encoding=None):
        flat = await self.execute('HGETALL', key)
        if encoding:
            flat = [x.decode(encoding) for x in flat]
        return dict(zip(flat[::2], flat[1::2]))

    def close(self):
        self._writer.close()

    async def wait_closed(self):
        await self._writer.wait_closed()


async def create_redis(address, password=None):
    host, port = address
    reader, writer = await asyncio.open_connection(host, port)
    redis = Redis(reader, writer)
    if password is not None:
        await redis.execute('AUTH', password)
    return redis
