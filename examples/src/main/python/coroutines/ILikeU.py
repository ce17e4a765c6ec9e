# Seed 002, "快速上手": calling a coroutine function runs nothing; asyncio.run does.
import asyncio
async def func():
	print("I like u")

result = func()

# loop = asyncio.get_event_loop()
# loop.run_until_complete(result)
asyncio.run(result) # python 3.7
