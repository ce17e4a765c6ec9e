package dev.weft.examples.coroutines;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 001: ten coroutines added to a task list and run by the loop; {@code display} is empty
 * ({@code pass}), so the program prints nothing ({@code src/main/python/coroutines/DisplayTen.py}).
 * Its tasks are counted at the end on stderr, to show they ran. The bare coroutines are wrapped in
 * tasks (see {@link HelloAgain} for why).
 */
public class DisplayTen {

    static int displayed;

    @Async
    static Coroutine<Void> display(int num) {                       // async def display(num):
        displayed++;                                                //     pass
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> waitAll(List<Coroutine<Void>> coros) {   // (asyncio.wait, as 3.10 did it)
        List<Task<Void>> tasks = new ArrayList<>();
        for (Coroutine<Void> c : coros) {
            tasks.add(createTask(c));
        }
        await(waitTasks(tasks));
        return Coroutine.done();
    }

    public static void main(String[] args) {
        displayed = 0;
        List<Coroutine<Void>> tasks = new ArrayList<>();            // tasks = []
        for (int num = 0; num < 10; num++) {                        // for num in range(10):
            tasks.add(display(num));                                //     tasks.append(display(num))  # 生成任务列表
        }
        EventLoop loop = EventLoop.create();                        // loop = asyncio.get_event_loop()
        loop.runUntilComplete(waitAll(tasks));                      // loop.run_until_complete(asyncio.wait(tasks))
        loop.close();
        System.err.println("DisplayTen: " + displayed + " display() coroutines ran");
    }
}
