# Seed 004: a coroutine object runs only when handed to the loop.
# (Python 3.10+ says get_event_loop() with no running loop is deprecated; new_event_loop() is the
# spelling that stays. Seed's code kept; the warning goes to stderr.)
import asyncio
async def func():
    print(1)
f = func()
loop = asyncio.get_event_loop()
loop.run_until_complete( f )
loop.close()
