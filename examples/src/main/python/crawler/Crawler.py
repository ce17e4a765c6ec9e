# The seeds' crawler grown up: 20 pages downloaded concurrently, at most LIMIT requests at once
# (a Semaphore), each given TIMEOUT seconds (wait_for), failures collected with the results
# (gather(..., return_exceptions=True)) and printed in the order of the URLs. /fail answers 500;
# /slow takes 3 s and times out. miniaiohttp: the part of aiohttp the seeds use, on asyncio streams.
import asyncio
import local_server
import miniaiohttp as aiohttp

LIMIT = 4
TIMEOUT = 1.0

async def download(session, url):
    async with session.get(url) as response:
        if response.status != 200:
            raise IOError(f'HTTP {response.status}')
        return len(await response.text())

async def fetch(session, sem, url):
    async with sem:
        return await asyncio.wait_for(download(session, url), TIMEOUT)

async def main(web):
    async with aiohttp.ClientSession() as session:
        sem = asyncio.Semaphore(LIMIT)
        names = [f'page-{i:02}' for i in range(20)] + ['fail', 'slow']
        downloads = [fetch(session, sem, web.url(
            f'/page/{name}?delay=100&size={1000 + 37 * int(name[5:])}'
            if name.startswith('page-') else '/' + name))
            for name in names]
        results = await asyncio.gather(*downloads, return_exceptions=True)
        ok = 0
        for name, result in zip(names, results):
            if isinstance(result, asyncio.TimeoutError):
                print(f'{name}: timed out after {TIMEOUT} s')
            elif isinstance(result, IOError):
                print(f'{name}: failed: {result}')
            else:
                print(f'{name}: {result} characters')
                ok += 1
        print(f'{ok} of {len(names)} downloaded')
        print(f'never more than {LIMIT} requests at once:', web.max_in_flight() <= LIMIT)

if __name__ == "__main__":
    web = local_server.start()
    asyncio.run(main(web))
    web.close()
