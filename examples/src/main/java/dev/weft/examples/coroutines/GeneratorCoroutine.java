package dev.weft.examples.coroutines;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Task;
import java.util.List;

/**
 * Seed 002, "asyncio": the pre-3.5 spelling, a generator decorated with {@code @asyncio.coroutine}
 * that says {@code yield from asyncio.sleep(2)} ({@code src/main/python/coroutines/GeneratorCoroutine.py}).
 *
 * <p>Python 3.11 removed {@code @asyncio.coroutine}; {@code @types.coroutine} is what remains of it,
 * and the Python twin uses that. Weft has a single spelling for both forms: an {@code @Async}
 * method that awaits, so this twin reads as {@link Func1Func2} does. Sleeps 0.5 s instead of 2.
 */
public class GeneratorCoroutine {

    @Async
    static Coroutine<Void> func1() {                    // @asyncio.coroutine
        System.out.println(1);                          // def func1():
        await(sleep(0.5));                              //     print(1)
        System.out.println(2);                          //     yield from asyncio.sleep(2)
        return Coroutine.done();                        //     print(2)
    }

    @Async
    static Coroutine<Void> func2() {                    // @asyncio.coroutine
        System.out.println(3);                          // def func2():
        await(sleep(0.5));                              //     print(3)
        System.out.println(4);                          //     yield from asyncio.sleep(2)
        return Coroutine.done();                        //     print(4)
    }

    public static void main(String[] args) {
        EventLoop loop = EventLoop.create();            // loop = asyncio.get_event_loop()
        List<Task<Void>> tasks = List.of(               // tasks = [
                loop.createTask(func1()),               //     asyncio.ensure_future(func1()),
                loop.createTask(func2()));              //     asyncio.ensure_future(func2())
                                                        // ]
        loop.runUntilComplete(waitTasks(tasks));        // loop.run_until_complete(asyncio.wait(tasks))
        loop.close();
    }
}
