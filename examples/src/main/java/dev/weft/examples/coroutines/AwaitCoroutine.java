package dev.weft.examples.coroutines;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;

/**
 * Seed 000, section 3 (1): awaiting a coroutine object runs it inline
 * ({@code src/main/python/coroutines/AwaitCoroutine.py}).
 *
 * <p>The seed forgot the {@code await} before {@code asyncio.sleep(2)}: the sleep coroutine is
 * created and never run, so "ok" comes at once. Kept as the seed wrote it. Python warns on stderr
 * ("RuntimeWarning: coroutine 'sleep' was never awaited"); Weft reports the same when debug mode
 * is on ({@code -Dweft.debug=true}), once the collector finds the coroutine.
 */
public class AwaitCoroutine {

    @Async
    static Coroutine<Void> process() {              // async def process():
        sleep(2);                                   //     asyncio.sleep(2)   (no await: nothing sleeps)
        System.out.println("ok");                   //     print("ok")
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> functionName() {         // async def function_name():
        await(process());                           //     await process()
        return Coroutine.done();                    //     pass
    }

    public static void main(String[] args) {
        run(functionName());                        // asyncio.run(function_name())
    }
}
