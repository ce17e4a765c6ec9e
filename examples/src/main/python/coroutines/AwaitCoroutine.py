# Seed 000, section 3 (1): awaiting a coroutine object runs it inline.
# The seed forgot the await before asyncio.sleep(2): nothing sleeps, "ok" comes at once, and
# Python warns on stderr that coroutine 'sleep' was never awaited. Kept as the seed wrote it.
import asyncio
async def process():
	asyncio.sleep(2)
	print("ok")
async def function_name():
	await process()
	pass
asyncio.run(function_name())
