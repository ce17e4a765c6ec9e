package dev.weft.examples.coroutines;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;

/**
 * Seed 004: calling a coroutine function runs nothing; the loop runs it
 * ({@code src/main/python/coroutines/RunUntilComplete.py}). Python's {@code get_event_loop()}
 * outside a running loop is {@code EventLoop.create()}: a new loop, closed when done.
 */
public class RunUntilComplete {

    @Async
    static Coroutine<Void> func() {                 // async def func():
        System.out.println(1);                      //     print(1)
        return Coroutine.done();
    }

    public static void main(String[] args) {
        Coroutine<Void> f = func();                 // f = func()
        EventLoop loop = EventLoop.create();        // loop = asyncio.get_event_loop()
        loop.runUntilComplete(f);                   // loop.run_until_complete( f )
        loop.close();
    }
}
