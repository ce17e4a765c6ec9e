# Seed 003, "Lock": the seed shows only `async with lock: # access shared state`; this is the
# smallest program around it. Under the lock no task loses another's increment.
import asyncio
async def add(lock, name):
    global counter
    async with lock:
        seen = counter
        await asyncio.sleep(0.01)
        counter = seen + 1
        print(name, counter)
async def main():
    lock = asyncio.Lock()
    await asyncio.gather(add(lock, 'a'), add(lock, 'b'), add(lock, 'c'))
    print('counter =', counter)
counter = 0
asyncio.run(main())
