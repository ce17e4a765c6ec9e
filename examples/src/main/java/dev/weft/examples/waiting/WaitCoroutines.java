package dev.weft.examples.waiting;

import static dev.weft.Weft.*;
import static dev.weft.examples.Py.print;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.DoneAndPending;
import dev.weft.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 002, "下面是改进版本": coroutine objects made outside the loop, handed to
 * {@code asyncio.run(asyncio.wait(task_list))} ({@code src/main/python/waiting/WaitCoroutines.py}).
 *
 * <p>Python 3.11 refuses coroutines in {@code asyncio.wait}, and Weft's {@code waitTasks} takes
 * futures: both twins wrap the coroutines in tasks inside the loop ({@code waitAll}), which is what
 * {@code asyncio.wait} did with them up to 3.10. Sleeps 0.5 s instead of 2.
 */
public class WaitCoroutines {

    @Async
    static Coroutine<String> func() {                                                   // async def func():
        System.out.println(1);                                                          //     print(1)
        await(sleep(0.5));                                                              //     await asyncio.sleep(2)
        System.out.println(2);                                                          //     print(2)
        return Coroutine.returning("返回值");                                           //     return '返回值'
    }

    @Async
    static Coroutine<DoneAndPending<Task<String>>> waitAll(List<Coroutine<String>> coros) {
        List<Task<String>> tasks = new ArrayList<>();
        for (Coroutine<String> c : coros) {
            tasks.add(createTask(c));
        }
        return Coroutine.returning(await(waitTasks(tasks)));
    }

    public static void main(String[] args) {
        List<Coroutine<String>> taskList = List.of(                                     // task_list = [
                func(),                                                                 //        func(),
                func());                                                                //        func()
                                                                                        //     ]
        DoneAndPending<Task<String>> doneAndPending = run(waitAll(taskList));           // done,pending = asyncio.run(asyncio.wait(task_list))
        print(doneAndPending.done());                                                   // print(done)
    }
}
