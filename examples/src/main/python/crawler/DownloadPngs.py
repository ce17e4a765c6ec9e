# Seed 004, aiohttp download: images fetched concurrently and written to files. The seed's URL list
# is cut off; three images of a local server stand in for it, written to a temporary directory.
import asyncio
import os
import tempfile
import local_server
import miniaiohttp as aiohttp


async def fetch(session, url, directory):
    print("发送请求:", url)
    async with session.get(url, verify_ssl=False) as response:
        content = await response.content.read()
        file_name = url.rsplit("/")[-1] + '.png'
        with open(os.path.join(directory, file_name), mode="wb") as file_object:
            file_object.write(content)
            print("下载完成")


async def main(web, directory):
    async with aiohttp.ClientSession() as session:
        url_list = [
            web.url('/img/u=4198287529,277447.png'),
            web.url('/img/u=2529476510,3041785782.png'),
            web.url('/img/u=1951548898,3927145.png'),
        ]
        tasks = [asyncio.create_task(fetch(session, url, directory)) for url in url_list]
        await asyncio.wait(tasks)

web = local_server.start()
with tempfile.TemporaryDirectory() as directory:
    asyncio.run(main(web, directory))
web.close()
