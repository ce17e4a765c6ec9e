# Seed 001, aiohttp's GET: fetch(session) prints the "data" field of a JSON document. The seed
# shows only fetch; main runs it once, against a local server instead of localhost:10056.
import asyncio
import json
import local_server
import miniaiohttp as aiohttp

async def fetch(session, base):
    async with session.get(base + "/test/") as response:
        data = json.loads(await response.text())
        print(data["data"])

async def main(base):
    async with aiohttp.ClientSession() as session:
        await fetch(session, base)

web = local_server.start()
asyncio.run(main(web.url('')))
web.close()
