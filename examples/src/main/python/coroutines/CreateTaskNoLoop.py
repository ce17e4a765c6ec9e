# Seed 002, "下面的方式会报错": create_task before asyncio.run fails: no loop runs yet.
# The seed dies of the RuntimeError; here it is caught: 会报错 (it fails), the message on stderr.
# (The coroutine object made for it is never awaited: Python warns about that on stderr.)
import asyncio
import sys
async def func():
    print(1)
    await asyncio.sleep(2)
    print(2)
    return '返回值'

try:
    task_list = [
            asyncio.create_task(func()),
            asyncio.create_task(func())
        ] # 会报错，因为还没有创建事件循环
    print(task_list)
except RuntimeError as e:
    print("会报错")
    print(e, file=sys.stderr)
