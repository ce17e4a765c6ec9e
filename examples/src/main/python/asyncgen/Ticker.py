# PEP 525: the design card's ticker, an async generator consumed by async for; one closed early by
# contextlib.aclosing, its finally run at once; one left suspended, closed when asyncio.run ends.
import asyncio
from contextlib import aclosing

left = None

async def ticker(delay, to):
    try:
        for i in range(to):
            yield i
            await asyncio.sleep(delay)
    finally:
        print("ticker closed")

async def first_two(ticks):
    async for i in ticks:
        print("early", i)
        if i == 1:
            break

async def main():
    global left
    async for i in ticker(0.1, 3):
        print(i)
    async with aclosing(ticker(0.1, 10)) as ticks:
        await first_two(ticks)
    print("after aclosing")
    left = ticker(0.1, 10)
    print("left at", await anext(left))
    print("main done")

asyncio.run(main())
