package dev.weft.examples.coroutines;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Seed 003: two coroutines awaited one after the other run one after the other: about 3 seconds
 * ({@code src/main/python/coroutines/SayAfter.py}).
 */
public class SayAfter {

    @Async
    static Coroutine<Void> sayAfter(double delay, String what) {   // async def say_after(delay, what):
        await(sleep(delay));                                        //     await asyncio.sleep(delay)
        System.out.println(what);                                   //     print(what)
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> main() {                                 // async def main():
        System.out.println("started at " + strftimeX());            //     print(f"started at {time.strftime('%X')}")
        await(sayAfter(1, "hello"));                                //     await say_after(1, 'hello')
        await(sayAfter(2, "world"));                                //     await say_after(2, 'world')
        System.out.println("finished at " + strftimeX());           //     print(f"finished at {time.strftime('%X')}")
        return Coroutine.done();
    }

    /** {@code time.strftime('%X')} in the C locale. */
    static String strftimeX() {
        return LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    public static void main(String[] args) {
        run(main());                                                // asyncio.run(main())
    }
}
