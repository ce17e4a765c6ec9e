# Seed 002, "asyncio": generator-based coroutines, yield from asyncio.sleep(...).
# @asyncio.coroutine is gone in Python 3.11; @types.coroutine is what remains of it. Sleeps 0.5 s
# instead of 2; nest_asyncio (Jupyter only) left out.
import asyncio
import types

@types.coroutine
def func1():
    print(1)
    # 网络IO请求：下载一张图片
    yield from asyncio.sleep(0.5) # 遇到IO耗时操作，自动化切换到tasks中的其它任务
    print(2)

@types.coroutine
def func2():
    print(3)
    # 网络IO请求：下载一张图片
    yield from asyncio.sleep(0.5) # 自动切换
    print(4)

loop = asyncio.get_event_loop() # 获取一个事件循环对象
tasks = [
    asyncio.ensure_future(func1()),
    asyncio.ensure_future(func2())
]

loop.run_until_complete(asyncio.wait(tasks)) # asyncio.wait是创建了一个新的协程，这行代码使得tasks的任务全部完成后才继续下一行代码
