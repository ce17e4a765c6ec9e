# Seed 001, aiohttp's POST: the first session blocks the whole loop with time.sleep before it
# starts (the seed's lesson). The seed blocks 5 s; 0.5 here. The server is local instead of
# localhost:10056; miniaiohttp is the part of aiohttp the seed uses; the bare coroutines are
# wrapped in tasks, as Python 3.11 requires.
import asyncio
import json
import time
import local_server
import miniaiohttp as aiohttp

async def init(base, num):
    async with aiohttp.ClientSession() as session:
        if num == 1:
            time.sleep(0.5)
        print("session begin", num)
        async with session.post(base + "/hello/", data=json.dumps({"data": "hello"})) as response:
            print("client begin", num)
            data = json.loads(await response.text())

            print(data["data"])
        print("session end", num)
    print("other")

async def wait_all(coros):
    return await asyncio.wait([asyncio.ensure_future(c) for c in coros])

if __name__ == '__main__':
    web = local_server.start()
    loop = asyncio.get_event_loop()
    tasks = [init(web.url(''), 1), init(web.url(''), 2)]
    loop.run_until_complete(wait_all(tasks))
    web.close()
