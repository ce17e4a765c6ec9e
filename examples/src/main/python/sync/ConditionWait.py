# Seed 003, "Condition": the seed shows only `async with cond: await cond.wait()`; this is the
# smallest program around it: notify() wakes one waiter, notify_all() every one.
import asyncio
async def consumer(cond, items, name, wanted):
    for _ in range(wanted):
        async with cond:
            while not items:
                await cond.wait()
            print(name, 'got', items.pop(0))
async def producer(cond, items):
    await asyncio.sleep(0.1)
    async with cond:
        items.append('x')
        cond.notify()
    await asyncio.sleep(0.1)
    async with cond:
        items.append('y')
        items.append('z')
        cond.notify_all()
async def main():
    cond = asyncio.Condition()
    items = []
    await asyncio.gather(consumer(cond, items, 'c1', 2),
                         consumer(cond, items, 'c2', 1),
                         producer(cond, items))
    print('left:', len(items))
asyncio.run(main())
