# Seed 001: ten coroutines run by the loop; display() is empty, so nothing is printed.
# The bare coroutines are wrapped in tasks, as asyncio.wait did up to Python 3.10.
import asyncio
import time, datetime
async def display(num):
    pass
async def wait_all(coros):
    return await asyncio.wait([asyncio.ensure_future(c) for c in coros])
tasks = []
for num in range(10):
    tasks.append(display(num))  # 生成任务列表
loop = asyncio.get_event_loop()
loop.run_until_complete(wait_all(tasks))
loop.close()
