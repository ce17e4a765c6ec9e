package dev.weft.examples.sync;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Held;
import dev.weft.Semaphore;

/**
 * Seed 003, "semaphore": the seed shows only {@code sem = asyncio.Semaphore(10)} and
 * {@code async with sem: # work with shared resource}; this is the smallest program around it
 * ({@code src/main/python/sync/SemaphoreLimit.py}): five workers, at most two inside at a time.
 */
public class SemaphoreLimit {

    static int inside;

    @Async
    static Coroutine<Void> work(Semaphore sem, int n) {             // async def work(sem, n):
                                                                    //     global inside
        try (Held held = await(sem.acquire())) {                    //     async with sem:
            inside++;                                               //         inside += 1
            System.out.println("enter " + n + ", inside: " + inside);   //     print(f'enter {n}, inside: {inside}')
            await(sleep(0.05 * (n + 1)));                           //         await asyncio.sleep(0.05 * (n + 1))
            inside--;                                               //         inside -= 1
            System.out.println("leave " + n);                       //         print(f'leave {n}')
        }
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> main() {                                 // async def main():
        Semaphore sem = new Semaphore(2);                           //     sem = asyncio.Semaphore(2)
        await(gather(work(sem, 0), work(sem, 1), work(sem, 2),      //     await asyncio.gather(*(work(sem, n) for n in range(5)))
                work(sem, 3), work(sem, 4)));
        return Coroutine.done();
    }

    public static void main(String[] args) {
        inside = 0;                                                 // inside = 0
        run(main());                                                // asyncio.run(main())
    }
}
