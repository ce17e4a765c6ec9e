package dev.weft.examples.waiting;

import static dev.weft.Weft.*;
import static dev.weft.examples.Py.print;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.DoneAndPending;
import dev.weft.Task;
import java.util.List;

/**
 * Seed 002, "下面的方式更常用": a list of tasks, waited for with {@code asyncio.wait}
 * ({@code src/main/python/waiting/WaitTaskList.py}). See {@link WaitNamedTasks} on how
 * {@code print(done)} differs. Sleeps 0.5 s instead of 2.
 */
public class WaitTaskList {

    @Async
    static Coroutine<String> func() {                                               // async def func():
        System.out.println(1);                                                      //     print(1)
        await(sleep(0.5));                                                          //     await asyncio.sleep(2)
        System.out.println(2);                                                      //     print(2)
        return Coroutine.returning("返回值");                                       //     return '返回值'
    }

    @Async
    static Coroutine<Void> main() {                                                 // async def main():
        System.out.println("main 开始");                                            //     print("main 开始")
        List<Task<String>> taskList = List.of(                                      //     task_list = [
                createTask(func()),                                                 //         asyncio.create_task(func()),
                createTask(func()));                                                //         asyncio.create_task(func())
                                                                                    //     ]
        System.out.println("main end");                                             //     print('main end')
        DoneAndPending<Task<String>> doneAndPending = await(waitTasks(taskList));   //     done,pending = await asyncio.wait(task_list,timeout=None)
        print(doneAndPending.done());                                               //     print(done)
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(main());                                                                // asyncio.run(main())
    }
}
