package dev.weft.examples.coroutines;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Task;

/**
 * Seed 002, "Task 对象": tasks start when {@code main} first awaits, and run concurrently; the seed
 * shows the output ({@code src/main/python/coroutines/CreateTask.py}). Sleeps 0.5 s instead of 2.
 */
public class CreateTask {

    @Async
    static Coroutine<String> func() {                   // async def func():
        System.out.println(1);                          //     print(1)
        await(sleep(0.5));                              //     await asyncio.sleep(2)
        System.out.println(2);                          //     print(2)
        return Coroutine.returning("返回值");           //     return '返回值'
    }

    @Async
    static Coroutine<Void> main() {                     // async def main():
        System.out.println("main 开始");                //     print("main 开始")
        // 创建task对象，添加到事件循环
        Task<String> task1 = createTask(func());        //     task1 = asyncio.create_task(func())
        // 添加到事件循环
        Task<String> task2 = createTask(func());        //     task2 = asyncio.create_task(func())

        System.out.println("main end");                 //     print("main end")

        String ret1 = await(task1);                     //     ret1 = await task1
        String ret2 = await(task2);                     //     ret2 = await task2
        System.out.println(ret1 + " " + ret2);          //     print(ret1,ret2)
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(main());                                    // asyncio.run(main())
    }
}
