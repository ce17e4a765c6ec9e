package dev.weft.examples.sync;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Held;
import dev.weft.Lock;

/**
 * Seed 003, "Lock": the seed shows only {@code async with lock: # access shared state}; this is
 * the smallest program around it ({@code src/main/python/sync/LockShared.py}). Three tasks read a
 * shared counter, suspend, and write it back: under the lock none loses another's increment, and
 * they enter in the order they asked. {@code async with lock:} is
 * {@code try (Held h = await(lock.acquire()))}.
 */
public class LockShared {

    static int counter;

    @Async
    static Coroutine<Void> add(Lock lock, String name) {           // async def add(lock, name):
                                                                    //     global counter
        try (Held held = await(lock.acquire())) {                   //     async with lock:
            int seen = counter;                                     //         seen = counter
            await(sleep(0.01));                                     //         await asyncio.sleep(0.01)
            counter = seen + 1;                                     //         counter = seen + 1
            System.out.println(name + " " + counter);               //         print(name, counter)
        }
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> main() {                                 // async def main():
        Lock lock = new Lock();                                     //     lock = asyncio.Lock()
        await(gather(add(lock, "a"), add(lock, "b"), add(lock, "c")));  // await asyncio.gather(add(lock, 'a'), add(lock, 'b'), add(lock, 'c'))
        System.out.println("counter = " + counter);                 //     print('counter =', counter)
        return Coroutine.done();
    }

    public static void main(String[] args) {
        counter = 0;                                                // counter = 0
        run(main());                                                // asyncio.run(main())
    }
}
