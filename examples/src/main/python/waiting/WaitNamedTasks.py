# Seed 000, section 3 (2), "合并任务": named tasks waited for with asyncio.wait; print(done) shows
# the set of done tasks (in no fixed order). Sleeps 0.5 s instead of 2.
import asyncio
async def function_name():
	await asyncio.sleep(0.5)
	pass
async def process():
	print("start")
	task_list = [
		asyncio.create_task(function_name(),name="task_name1"),
		asyncio.create_task(function_name(),name="task_name2")
	]
	# 循环检查完成的任务
	done,pending = await asyncio.wait(task_list,timeout=None)
	print(done)
asyncio.run(process())
