package dev.weft.examples.coroutines;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;

/** Seed 003: the smallest asyncio program ({@code src/main/python/coroutines/Hello.py}). */
public class Hello {

    @Async
    static Coroutine<Void> main() {                 // async def main():
        System.out.println("hello");                //     print('hello')
        await(sleep(1));                            //     await asyncio.sleep(1)
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(main());                                // asyncio.run(main())
    }
}
