# Seed 002, "async & await": at each sleep the loop switches to the other task.
# The seed sleeps 2 seconds; 0.5 here. nest_asyncio (needed only inside Jupyter) is left out, and
# the loop is made before the tasks, which ensure_future puts on it (the seed's order relied on
# get_event_loop() creating the same loop twice).
import asyncio


async def func1():
    print(1)
    # 网络IO请求：下载一张图片
    await asyncio.sleep(0.5) # 遇到IO耗时操作，自动化切换到tasks中的其它任务
    print(2)

async def func2():
    print(3)
    # 网络IO请求：下载一张图片
    await asyncio.sleep(0.5) # 自动切换
    print(4)

loop = asyncio.get_event_loop() # 获取一个事件循环对象
tasks = [
    asyncio.ensure_future(func1()),
    asyncio.ensure_future(func2())
]

loop.run_until_complete(asyncio.wait(tasks)) # asyncio.wait是创建了一个新的协程，这行代码使得tasks的任务全部完成后才继续下一行代码
