package dev.weft.examples.coroutines;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;

/**
 * Seed 002, "快速上手": calling the coroutine function runs none of its body; {@code run} does
 * ({@code src/main/python/coroutines/ILikeU.py}).
 */
public class ILikeU {

    @Async
    static Coroutine<Void> func() {                 // async def func():
        System.out.println("I like u");             // 	print("I like u")
        return Coroutine.done();
    }

    public static void main(String[] args) {
        Coroutine<Void> result = func();            // result = func()
        run(result);                                // asyncio.run(result) # python 3.7
    }
}
