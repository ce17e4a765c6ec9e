# Seed 003, "semaphore": the seed shows only `async with sem: # work with shared resource`; this is
# the smallest program around it: five workers, at most two inside at a time.
import asyncio
async def work(sem, n):
    global inside
    async with sem:
        inside += 1
        print(f'enter {n}, inside: {inside}')
        await asyncio.sleep(0.05 * (n + 1))
        inside -= 1
        print(f'leave {n}')
async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(work(sem, n) for n in range(5)))
inside = 0
asyncio.run(main())
