package dev.weft.examples.coroutines;

import static dev.weft.Weft.*;
import static dev.weft.examples.coroutines.SayAfter.sayAfter;
import static dev.weft.examples.coroutines.SayAfter.strftimeX;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Task;

/**
 * Seed 003: the same two coroutines as tasks run concurrently: about 2 seconds, not 3
 * ({@code src/main/python/coroutines/SayAfterTasks.py}).
 */
public class SayAfterTasks {

    @Async
    static Coroutine<Void> main() {                                 // async def main():
        Task<Void> task1 = createTask(                              //     task1 = asyncio.create_task(
                sayAfter(1, "hello"));                              //         say_after(1, 'hello'))
        Task<Void> task2 = createTask(                              //     task2 = asyncio.create_task(
                sayAfter(2, "world"));                              //         say_after(2, 'world'))
        System.out.println("started at " + strftimeX());            //     print(f"started at {time.strftime('%X')}")
        // Wait until both tasks are completed (should take around 2 seconds.)
        await(task1);                                               //     await task1
        await(task2);                                               //     await task2
        System.out.println("finished at " + strftimeX());           //     print(f"finished at {time.strftime('%X')}")
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(main());                                                // asyncio.run(main())
    }
}
