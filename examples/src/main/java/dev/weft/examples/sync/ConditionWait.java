package dev.weft.examples.sync;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Condition;
import dev.weft.Coroutine;
import dev.weft.Held;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 003, "Condition": the seed shows only {@code async with cond: await cond.wait()}; this is the
 * smallest program around it ({@code src/main/python/sync/ConditionWait.py}). Two consumers wait on
 * the condition; a producer adds an item and wakes one ({@code notify()}, Weft's {@code signal()}),
 * then adds two and wakes all ({@code notify_all()}, {@code signalAll()}). {@code cond.wait()} is
 * {@code cond.waitSignal()}: {@code wait}, {@code notify} and {@code notifyAll} belong to
 * {@link Object}.
 */
public class ConditionWait {

    @Async
    static Coroutine<Void> consumer(Condition cond, List<String> items, String name, int wanted) {
                                                                    // async def consumer(cond, items, name, wanted):
        for (int i = 0; i < wanted; i++) {                          //     for _ in range(wanted):
            try (Held held = await(cond.acquire())) {               //         async with cond:
                while (items.isEmpty()) {                           //             while not items:
                    await(cond.waitSignal());                       //                 await cond.wait()
                }
                System.out.println(name + " got " + items.remove(0));  //          print(name, 'got', items.pop(0))
            }
        }
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> producer(Condition cond, List<String> items) {  // async def producer(cond, items):
        await(sleep(0.1));                                          //     await asyncio.sleep(0.1)
        try (Held held = await(cond.acquire())) {                   //     async with cond:
            items.add("x");                                         //         items.append('x')
            cond.signal();                                          //         cond.notify()
        }
        await(sleep(0.1));                                          //     await asyncio.sleep(0.1)
        try (Held held = await(cond.acquire())) {                   //     async with cond:
            items.add("y");                                         //         items.append('y')
            items.add("z");                                         //         items.append('z')
            cond.signalAll();                                       //         cond.notify_all()
        }
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> main() {                                 // async def main():
        Condition cond = new Condition();                           //     cond = asyncio.Condition()
        List<String> items = new ArrayList<>();                     //     items = []
        await(gather(consumer(cond, items, "c1", 2),                //     await asyncio.gather(consumer(cond, items, 'c1', 2),
                consumer(cond, items, "c2", 1),                     //                          consumer(cond, items, 'c2', 1),
                producer(cond, items)));                            //                          producer(cond, items))
        System.out.println("left: " + items.size());                //     print('left:', len(items))
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(main());                                                // asyncio.run(main())
    }
}
