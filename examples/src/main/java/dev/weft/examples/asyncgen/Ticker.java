package dev.weft.examples.asyncgen;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.AsyncGenerator;
import dev.weft.Coroutine;
import dev.weft.Generator;

/**
 * PEP 525 ({@code src/main/python/asyncgen/Ticker.py}): the design card's ticker, an async
 * generator consumed by {@code async for}; one closed early by {@code aclosing}, its
 * {@code finally} run at once; one left suspended, closed when {@code run} ends.
 */
public class Ticker {
    static AsyncGenerator<Integer, Void> left;                  // left = None

    @Async
    static AsyncGenerator<Integer, Void> ticker(double delay, int to) {  // async def ticker(delay, to):
        try {                                                   //     try:
            for (int i = 0; i < to; i++) {                      //         for i in range(to):
                Generator.yield(i);                             //             yield i
                await(sleep(delay));                            //             await asyncio.sleep(delay)
            }
        } finally {                                             //     finally:
            System.out.println("ticker closed");                //         print("ticker closed")
        }
        return AsyncGenerator.done();
    }

    @Async
    static Coroutine<Void> firstTwo(AsyncGenerator<Integer, Void> ticks) {  // async def first_two(ticks):
        while (await(ticks.hasNext())) {                        //     async for i in ticks:
            int i = ticks.next();
            System.out.println("early " + i);                   //         print("early", i)
            if (i == 1) {                                       //         if i == 1:
                break;                                          //             break
            }
        }
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> main() {                             // async def main():
        AsyncGenerator<Integer, Void> ticks = ticker(0.1, 3);   //     async for i in ticker(0.1, 3):
        while (await(ticks.hasNext())) {
            System.out.println(ticks.next());                   //         print(i)
        }
        await(aclosing(ticker(0.1, 10), Ticker::firstTwo));     //     async with aclosing(ticker(0.1, 10)) as ticks:
                                                                //         await first_two(ticks)
        System.out.println("after aclosing");                   //     print("after aclosing")
        left = ticker(0.1, 10);                                 //     left = ticker(0.1, 10)
        System.out.println("left at " + await(anext(left)));    //     print("left at", await anext(left))
        System.out.println("main done");                        //     print("main done")
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(main());                                            // asyncio.run(main())
    }
}
