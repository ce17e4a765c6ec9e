package dev.weft.examples.coroutines;

import static dev.weft.Weft.*;
import static dev.weft.examples.Py.print;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Task;

/**
 * Seed 000, section 3 (2): two tasks run concurrently; awaiting each gives its result, here
 * {@code None} ({@code src/main/python/coroutines/TwoTasks.py}). The seed sleeps 2 seconds; both
 * twins sleep 0.5 (the two tasks still overlap, the point of the program), to keep
 * {@code ./run-examples} within a minute.
 */
public class TwoTasks {

    @Async
    static Coroutine<Void> functionName() {                 // async def function_name():
        await(sleep(0.5));                                  //     await asyncio.sleep(2)
        return Coroutine.done();                            //     pass
    }

    @Async
    static Coroutine<Void> process() {                      // async def process():
        Task<Void> task1 = createTask(functionName());      //     task1 = asyncio.create_task(function_name())
        Task<Void> task2 = createTask(functionName());      //     task2 = asyncio.create_task(function_name())
        Void result1 = await(task1);                        //     result1 = await task1
        Void result2 = await(task2);                        //     result2 = await task2
        print(result1, result2);                            //     print(result1, result2)
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(process());                                     // asyncio.run(process())
    }
}
