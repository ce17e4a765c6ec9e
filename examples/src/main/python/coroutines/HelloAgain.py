# Seed 001, "test demo": two hello() coroutines interleave at their awaits.
# Python 3.11 refuses bare coroutines in asyncio.wait ("Passing coroutines is forbidden, use tasks
# explicitly"): wait_all wraps them with ensure_future, as asyncio.wait itself did up to 3.10.
import asyncio
import time
async def test():
    print("io等待")
    await asyncio.sleep(1)
    return 'hello'
async def hello():
    print("Hello world")
    r = await test()
    print("hello again")
async def wait_all(coros):
    return await asyncio.wait([asyncio.ensure_future(c) for c in coros])
loop = asyncio.get_event_loop()
tasks = [hello(), hello()]
loop.run_until_complete(wait_all(tasks))
loop.close()
