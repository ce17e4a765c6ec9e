package dev.weft.examples.futures;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;

/**
 * Seed 000, section 3 (3): a bare future, given its result by another task
 * ({@code src/main/python/futures/SetResult.py}). Sleeps 0.5 s instead of 2.
 */
public class SetResult {

    @Async
    static Coroutine<Void> setResult(Future<String> loopFun) {     // async def set_result(loop_fun):
        await(sleep(0.5));                                          //     await asyncio.sleep(2)
        loopFun.setResult("结束内容");                              //     loop_fun.set_result("结束内容")
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> process() {                              // async def process():
        EventLoop loop = getRunningLoop();                          //     loop = asyncio.get_event_loop()
        Future<String> loopFun = loop.createFuture();               //     loop_fun = loop.create_future()
        await(loop.createTask(setResult(loopFun)));                 //     await loop.create_task(set_result(loop_fun))
        String resultData = await(loopFun);                         //     result_data = await loop_fun
        System.out.println(resultData);                             //     print(result_data)
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(process());                                             // asyncio.run(process())
    }
}
