package dev.weft.examples.timeouts;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.TimeoutException;

/**
 * Seed 003, "Timeouts": {@code wait_for} gives up after 1 second and cancels the hour-long sleep
 * ({@code src/main/python/timeouts/Eternity.py}). {@code asyncio.TimeoutError} is
 * {@code dev.weft.TimeoutException}, unchecked; import it by name, since
 * {@code java.util.concurrent.TimeoutException} has the same simple name.
 */
public class Eternity {

    @Async
    static Coroutine<Void> eternity() {                 // async def eternity():
        // Sleep for one hour
        await(sleep(3600));                             //     await asyncio.sleep(3600)
        System.out.println("yay!");                     //     print('yay!')
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> main() {                     // async def main():
        // Wait for at most 1 second
        try {                                           //     try:
            await(waitFor(eternity(), 1.0));            //         await asyncio.wait_for(eternity(), timeout=1.0)
        } catch (TimeoutException e) {                  //     except asyncio.TimeoutError:
            System.out.println("timeout!");             //         print('timeout!')
        }
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(main());                                    // asyncio.run(main())
    }
}
