# Seed 004's aiohttp download, over asyncio's streams alone: each image fetched with a plain
# HTTP/1.1 GET on open_connection, concurrently, and written to a file. The images come from the
# crawler examples' local server on 127.0.0.1, the files go to a temporary directory.
import asyncio
import os
import sys
import tempfile
from urllib.parse import urlsplit
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'crawler'))
import local_server


async def get(url):
    parts = urlsplit(url)
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    writer.write(f'GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nConnection: close\r\n\r\n'.encode())
    status = (await reader.readline()).decode().split()[1]
    length = 0
    while (line := await reader.readline()) != b'\r\n':
        name, value = line.decode().split(':', 1)
        if name.lower() == 'content-length':
            length = int(value)
    content = await reader.readexactly(length)
    writer.close()
    await writer.wait_closed()
    return status, content


async def fetch(url, directory):
    print("发送请求:", url)
    status, content = await get(url)
    file_name = url.rsplit("/")[-1] + '.png'
    with open(os.path.join(directory, file_name), mode="wb") as file_object:
        file_object.write(content)
        print("下载完成", status, len(content))


async def main(web, directory):
    url_list = [
        web.url('/img/u=4198287529,277447.png'),
        web.url('/img/u=2529476510,3041785782.png'),
        web.url('/img/u=1951548898,3927145.png'),
    ]
    tasks = [asyncio.create_task(fetch(url, directory)) for url in url_list]
    await asyncio.wait(tasks)

web = local_server.start()
with tempfile.TemporaryDirectory() as directory:
    asyncio.run(main(web, directory))
web.close()
