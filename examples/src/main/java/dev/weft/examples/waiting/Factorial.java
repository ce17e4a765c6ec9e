package dev.weft.examples.waiting;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;

/**
 * Seed 003, "gather": three factorials computed concurrently, their steps interleaved in the order
 * asyncio runs them ({@code src/main/python/waiting/Factorial.py}).
 */
public class Factorial {

    @Async
    static Coroutine<Void> factorial(String name, int number) {                        // async def factorial(name, number):
        long f = 1;                                                                     //     f = 1
        for (int i = 2; i < number + 1; i++) {                                          //     for i in range(2, number + 1):
            System.out.println("Task " + name + ": Compute factorial(" + i + ")...");   //         print(f"Task {name}: Compute factorial({i})...")
            await(sleep(1));                                                            //         await asyncio.sleep(1)
            f *= i;                                                                     //         f *= i
        }
        System.out.println("Task " + name + ": factorial(" + number + ") = " + f);     //     print(f"Task {name}: factorial({number}) = {f}")
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> main() {                                                     // async def main():
        // Schedule three calls *concurrently*:
        await(gather(                                                                   //     await asyncio.gather(
                factorial("A", 2),                                                      //         factorial("A", 2),
                factorial("B", 3),                                                      //         factorial("B", 3),
                factorial("C", 4)                                                       //         factorial("C", 4),
        ));                                                                             //     )
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(main());                                                                    // asyncio.run(main())
    }
}
