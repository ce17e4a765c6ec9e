# Seed 003: running a coroutine needs no loop created beforehand.
import asyncio
async def main():
    print('hello')
    await asyncio.sleep(1)
asyncio.run(main())
