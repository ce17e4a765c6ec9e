# Seed 000, section 3 (3): a bare future, given its result by another task. Sleeps 0.5 s instead of 2.
import asyncio
async def set_result(loop_fun):
    await asyncio.sleep(0.5)
    loop_fun.set_result("结束内容")
async def process():
    loop = asyncio.get_event_loop()
    loop_fun = loop.create_future()
    await loop.create_task(set_result(loop_fun))
    result_data = await loop_fun
    print(result_data)
asyncio.run(process())
