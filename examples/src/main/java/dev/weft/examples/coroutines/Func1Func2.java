package dev.weft.examples.coroutines;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Task;
import java.util.List;

/**
 * Seed 002, "async &amp; await 关键字": at each sleep the loop switches to the other task: 1, 3, then
 * 2, 4 ({@code src/main/python/coroutines/Func1Func2.py}). The seed sleeps 2 seconds; both twins
 * sleep 0.5. {@code nest_asyncio} (only needed inside Jupyter, which already runs a loop) is left
 * out.
 */
public class Func1Func2 {

    @Async
    static Coroutine<Void> func1() {                    // async def func1():
        System.out.println(1);                          //     print(1)
        // 网络IO请求：下载一张图片
        await(sleep(0.5));                              //     await asyncio.sleep(2) # 遇到IO耗时操作，自动化切换到tasks中的其它任务
        System.out.println(2);                          //     print(2)
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> func2() {                    // async def func2():
        System.out.println(3);                          //     print(3)
        await(sleep(0.5));                              //     await asyncio.sleep(2) # 自动切换
        System.out.println(4);                          //     print(4)
        return Coroutine.done();
    }

    public static void main(String[] args) {
        EventLoop loop = EventLoop.create();            // loop = asyncio.get_event_loop() # 获取一个事件循环对象
        List<Task<Void>> tasks = List.of(               // tasks = [
                loop.createTask(func1()),               //     asyncio.ensure_future(func1()),
                loop.createTask(func2()));              //     asyncio.ensure_future(func2())
                                                        // ]
        loop.runUntilComplete(waitTasks(tasks));        // loop.run_until_complete(asyncio.wait(tasks))
        loop.close();
    }
}
