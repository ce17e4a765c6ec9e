package dev.weft.examples.coroutines;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;

/**
 * Seed 002, "await": each await waits for its coroutine's result before going on
 * ({@code src/main/python/coroutines/AwaitOthers.py}). Sleeps 0.5 s instead of 2.
 */
public class AwaitOthers {

    @Async
    static Coroutine<String> others() {                         // async def others():
        System.out.println("start");                            //     print("start")
        await(sleep(0.5));                                      //     await asyncio.sleep(2)
        System.out.println("end");                              //     print('end')
        return Coroutine.returning("返回值");                   //     return '返回值'
    }

    @Async
    static Coroutine<Void> func() {                             // async def func():
        System.out.println("执行协程函数内部代码");             //     print("执行协程函数内部代码")

        String response1 = await(others());                     //     response1 = await others()
        System.out.println("IO结束： " + response1);            //     print("IO结束：",response1)

        String response2 = await(others());                     //     response2 = await others()
        System.out.println("IO请求结束，结果为： " + response2); //     print("IO请求结束，结果为：",response2)
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(func());                                            // asyncio.run(func())
    }
}
