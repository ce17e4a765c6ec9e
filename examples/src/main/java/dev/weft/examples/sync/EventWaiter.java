package dev.weft.examples.sync;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Event;
import dev.weft.Task;

/**
 * Seed 003, "Event": a task waits until {@code main} sets the event
 * ({@code src/main/python/sync/EventWaiter.py}).
 *
 * <p>The seed comments out {@code await waiter_task}, so {@code main} returns right after
 * {@code event.set()}. The waiter still prints "... got it!": {@code set()} made it ready, and when
 * {@code main} ends the loop finishes the iteration it is in, running the waiter, before
 * {@code run} stops it and cancels what is left. Weft's loop stops the same way.
 * {@code event.wait()} is {@code event.waitSet()}: {@code wait()} belongs to {@link Object}.
 */
public class EventWaiter {

    @Async
    static Coroutine<Void> waiter(Event event) {                    // async def waiter(event):
        System.out.println("waiting for it ...");                   //     print('waiting for it ...')
        await(event.waitSet());                                     //     await event.wait()
        System.out.println("... got it!");                          //     print('... got it!')
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> main() {                                 // async def main():
        // Create an Event object.
        Event event = new Event();                                  //     event = asyncio.Event()

        // Spawn a Task to wait until 'event' is set.
        Task<Void> waiterTask = createTask(waiter(event));          //     waiter_task = asyncio.create_task(waiter(event))

        // Sleep for 1 second and set the event.
        await(sleep(1));                                            //     await asyncio.sleep(1)
        event.set();                                                //     event.set()
        System.out.println(1);                                      //     print(1)

        // Wait until the waiter task is finished.
        // await(waiterTask);                                       //     # await waiter_task
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(main());                                                // asyncio.run(main())
    }
}
