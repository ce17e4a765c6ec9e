# Seed 000, "案例 redis 操作": HSET/HGETALL on a real Redis, once, then over many connections at
# once. aioredis is not in the standard library: miniaioredis is the part of it the seed uses, on
# asyncio streams. A redis-server is started on a free port (with a password) and stopped at the
# end. The seed's second part passes bare coroutines to asyncio.wait (gone in 3.11): tasks here.
# (The seed's `await redis.wait_close()` is aioredis's wait_closed().)
import asyncio
import redis_server
import miniaioredis as aioredis

CONNECTIONS = 10

async def exec(addr,pwd):
	print("init redis")
	redis = await aioredis.create_redis(addr, password=pwd)
	await redis.hmset_dict("car", key1=1,key2=2)
	result = await redis.hgetall("car", encoding='utf-8')
	print(result)
	redis.close()
	await redis.wait_closed()
	print("over")

async def many(addr, pwd, n):
	task_list= [asyncio.create_task(exec(addr, pwd)) for _ in range(n)]
	await asyncio.wait(task_list)

server = redis_server.RedisServer()
try:
	addr = ('127.0.0.1', server.port)
	asyncio.run( exec(addr, redis_server.PASSWORD) )
	asyncio.run(many(addr, redis_server.PASSWORD, CONNECTIONS))
finally:
	server.close()
