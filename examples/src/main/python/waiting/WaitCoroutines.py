# Seed 002, "下面是改进版本": coroutines made outside the loop, run by asyncio.run(asyncio.wait(...)).
# Python 3.11 refuses bare coroutines in asyncio.wait: wait_all wraps them in tasks, as asyncio.wait
# did up to 3.10. Sleeps 0.5 s instead of 2; nest_asyncio (Jupyter only) left out.
import asyncio
async def func():
    print(1)
    await asyncio.sleep(0.5)
    print(2)
    return '返回值'

async def wait_all(coros):
    return await asyncio.wait([asyncio.create_task(c) for c in coros])

task_list = [
       func(),
       func()
    ] 
done,pending = asyncio.run(wait_all(task_list)) # asyncio.run才创建事件循环
print(done)
