package dev.weft.examples.futures;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;

/**
 * Seed 002, "Future对象": a future bound to no behaviour gets its result from a task
 * ({@code src/main/python/futures/SetAfter.py}). Sleeps 0.5 s instead of 2.
 */
public class SetAfter {

    @Async
    static Coroutine<Void> setAfter(Future<String> fut) {          // async def set_after(fut):
        await(sleep(0.5));                                          //     await asyncio.sleep(2)
        fut.setResult("666");                                       //     fut.set_result("666")
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> main() {                                 // async def main():
        // 获取事件循环
        EventLoop loop = getRunningLoop();                          //     loop = asyncio._get_running_loop()

        // 创建一个future对象，没绑定任何行为
        Future<String> fut = loop.createFuture();                   //     fut = loop.create_future()

        await(loop.createTask(setAfter(fut)));                      //     await loop.create_task( set_after(fut))

        // 等待future对象获取最终结果，否则一直等下去
        String data = await(fut);                                   //     data = await fut
        System.out.println(data);                                   //     print(data)
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(main());                                                // asyncio.run(main())
    }
}
