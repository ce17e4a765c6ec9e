# Seed 002, "下面的方式更常用": tasks waited for with asyncio.wait. Sleeps 0.5 s instead of 2;
# nest_asyncio (Jupyter only) left out.
import asyncio
async def func():
    print(1)
    await asyncio.sleep(0.5)
    print(2)
    return '返回值'

async def main():
    print("main 开始")
    task_list = [
        asyncio.create_task(func()),
        asyncio.create_task(func())
    ]
    print('main end')
    done,pending = await asyncio.wait(task_list,timeout=None)
    print(done)


asyncio.run(main())
