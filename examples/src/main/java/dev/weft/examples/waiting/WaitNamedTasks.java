package dev.weft.examples.waiting;

import static dev.weft.Weft.*;
import static dev.weft.examples.Py.print;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.DoneAndPending;
import dev.weft.Task;
import java.util.List;

/**
 * Seed 000, section 3 (2), "合并任务": named tasks, waited for with {@code asyncio.wait}, which gives
 * the sets of done and pending tasks ({@code src/main/python/waiting/WaitNamedTasks.py}).
 *
 * <p>Printing {@code done} prints each task's repr. Python's names the coroutine and where it is
 * defined ({@code coro=<function_name() done, defined at ...>}) and lists a set in no fixed order;
 * Weft's is {@code <Task finished result=None name='task_name1'>}, in the order given. The test
 * compares the tasks (name, state, result), not those details. Sleeps 0.5 s instead of 2.
 */
public class WaitNamedTasks {

    @Async
    static Coroutine<Void> functionName() {                                     // async def function_name():
        await(sleep(0.5));                                                      //     await asyncio.sleep(2)
        return Coroutine.done();                                                //     pass
    }

    @Async
    static Coroutine<Void> process() {                                          // async def process():
        System.out.println("start");                                            //     print("start")
        List<Task<Void>> taskList = List.of(                                    //     task_list = [
                createTask(functionName(), "task_name1"),                       //         asyncio.create_task(function_name(),name="task_name1"),
                createTask(functionName(), "task_name2"));                      //         asyncio.create_task(function_name(),name="task_name2")
                                                                                //     ]
        // 循环检查完成的任务
        DoneAndPending<Task<Void>> doneAndPending = await(waitTasks(taskList)); //     done,pending = await asyncio.wait(task_list,timeout=None)
        print(doneAndPending.done());                                           //     print(done)
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(process());                                                         // asyncio.run(process())
    }
}
