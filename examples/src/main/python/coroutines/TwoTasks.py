# Seed 000, section 3 (2): two tasks, each awaited for its result (None).
# The seed sleeps 2 seconds; 0.5 here, the tasks still overlap.
import asyncio
async def function_name():
	await asyncio.sleep(0.5)
	pass
async def process():
	task1 = asyncio.create_task(function_name())
	task2 = asyncio.create_task(function_name())
	result1 = await task1
	result2 = await task2
	print(result1, result2)
asyncio.run(process())
