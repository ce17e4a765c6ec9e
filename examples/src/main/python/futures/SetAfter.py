# Seed 002, "Future对象": a future gets its result from a task. Sleeps 0.5 s instead of 2.
import asyncio

async def set_after(fut):
    await asyncio.sleep(0.5)
    fut.set_result("666")

async def main():
    # 获取事件循环
    loop = asyncio._get_running_loop()

    # 创建一个future对象，没绑定任何行为
    fut = loop.create_future()

    await loop.create_task( set_after(fut))

    # 等待future对象获取最终结果，否则一直等下去
    data = await fut
    print(data)

asyncio.run(main())
