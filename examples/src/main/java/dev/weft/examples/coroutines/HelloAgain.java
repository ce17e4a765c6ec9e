package dev.weft.examples.coroutines;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Task;
import java.util.List;

/**
 * Seed 001, "test demo": two {@code hello()} coroutines interleave at their awaits
 * ({@code src/main/python/coroutines/HelloAgain.py}).
 *
 * <p>The seed passes the bare coroutines to {@code asyncio.wait}, which wrapped each in a task up to
 * Python 3.10; Python 3.11 refuses coroutines there ("Passing coroutines is forbidden, use tasks
 * explicitly"), and so does Weft's {@code waitTasks}, whose argument is a collection of futures:
 * both twins wrap them with {@code ensure_future} / {@code createTask}, as 3.10 did.
 */
public class HelloAgain {

    @Async
    static Coroutine<String> test() {                               // async def test():
        System.out.println("io等待");                               //     print("io等待")
        await(sleep(1));                                            //     await asyncio.sleep(1)
        return Coroutine.returning("hello");                        //     return 'hello'
    }

    @Async
    static Coroutine<Void> hello() {                                // async def hello():
        System.out.println("Hello world");                          //     print("Hello world")
        String r = await(test());                                   //     r = await test()
        System.out.println("hello again");                          //     print("hello again")
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> waitAll(List<Coroutine<Void>> coros) {   // (asyncio.wait, as 3.10 did it)
        List<Task<Void>> tasks = coros.stream().map(c -> createTask(c)).toList();
        await(waitTasks(tasks));
        return Coroutine.done();
    }

    public static void main(String[] args) {
        EventLoop loop = EventLoop.create();                        // loop = asyncio.get_event_loop()
        List<Coroutine<Void>> tasks = List.of(hello(), hello());    // tasks = [hello(), hello()]
        loop.runUntilComplete(waitAll(tasks));                      // loop.run_until_complete(asyncio.wait(tasks))
        loop.close();                                               // loop.close()
    }
}
