# A TaskGroup body: a task created in it, a coroutine awaited in it; the group waits for both.
import asyncio

async def fetch(what):
    await asyncio.sleep(0.1)
    print("fetched", what)
    return "page " + what

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fetch("a"))
        b = await fetch("b")
    print("both done, b was", b)

asyncio.run(main())
