# An exception raised three awaits deep: its traceback names every coroutine it passed through,
# outermost first, each at the line of its await.
import asyncio
import traceback

async def level3():
    await asyncio.sleep(0)
    raise ValueError("three awaits deep")

async def level2():
    await level3()

async def level1():
    await level2()

async def main():
    await level1()

try:
    asyncio.run(main())
except ValueError as e:
    print("caught:", e)
    for frame in traceback.extract_tb(e.__traceback__):
        if frame.filename == __file__ and frame.name != "<module>":
            print(f"  {frame.name}, line {frame.lineno}")
