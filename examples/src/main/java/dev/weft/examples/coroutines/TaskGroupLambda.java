package dev.weft.examples.coroutines;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;

/**
 * A TaskGroup body written as a lambda ({@code src/main/python/coroutines/TaskGroupLambda.py}):
 * the lambda returns a {@code Coroutine}, so it may await; the group waits for the task it made.
 */
public class TaskGroupLambda {

    @Async
    static Coroutine<String> fetch(String what) {          // async def fetch(what):
        await(sleep(0.1));                                  //     await asyncio.sleep(0.1)
        System.out.println("fetched " + what);              //     print("fetched", what)
        return Coroutine.returning("page " + what);         //     return "page " + what
    }

    @Async
    static Coroutine<Void> main() {                         // async def main():
        String b = await(withTaskGroup(tg -> {              //     async with asyncio.TaskGroup() as tg:
            tg.createTask(fetch("a"));                      //         tg.create_task(fetch("a"))
            return Coroutine.returning(await(fetch("b")));  //         b = await fetch("b")
        }));
        System.out.println("both done, b was " + b);        //     print("both done, b was", b)
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(main());                                        // asyncio.run(main())
    }
}
