# Seed 003, "Event": a task waits until main sets the event. The seed comments out
# `await waiter_task`; the waiter prints "... got it!" anyway: set() made it ready, and the loop
# finishes its iteration before asyncio.run stops it.
import asyncio
async def waiter(event):
    print('waiting for it ...')
    await event.wait()
    print('... got it!')
async def main():
    # Create an Event object.
    event = asyncio.Event()
    # Spawn a Task to wait until 'event' is set.
    waiter_task = asyncio.create_task(waiter(event))
    # Sleep for 1 second and set the event.
    await asyncio.sleep(1)
    event.set()
    print(1)
    # Wait until the waiter task is finished.
    # await waiter_task
asyncio.run(main())
