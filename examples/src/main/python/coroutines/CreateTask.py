# Seed 002, "Task 对象": the seed shows this output. Sleeps 0.5 s instead of 2; nest_asyncio left out.
import asyncio
async def func():
    print(1)
    await asyncio.sleep(0.5)
    print(2)
    return '返回值'

async def main():
    print("main 开始")
# 创建task对象，添加到事件循环
    task1 = asyncio.create_task(func())
# 添加到事件循环
    task2 = asyncio.create_task(func())

    print("main end")

    ret1 = await task1
    ret2 = await task2
    print(ret1,ret2)


asyncio.run(main())
