package dev.weft.examples.queues;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Queue;
import dev.weft.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Seed 003, "队列": three workers take 20 random sleeps off a queue; {@code queue.join()} waits until
 * every item is done, then the workers are cancelled ({@code src/main/python/queues/WorkerPool.py}).
 *
 * <p>The sleeps are random, as in the seed (which sets no seed), so the order of the lines and the
 * totals differ from run to run: the test checks the shape (20 lines, each worker's sleeps adding up
 * to the totals, the parallel time about a third of the total). Runs in about 3.5 seconds.
 */
public class WorkerPool {

    @Async
    static Coroutine<Void> worker(String name, Queue<Double> queue) {                          // async def worker(name, queue):
        while (true) {                                                                          //     while True:
            // Get a "work item" out of the queue.
            double sleepFor = await(queue.get());                                               //         sleep_for = await queue.get()

            // Sleep for the "sleep_for" seconds.
            await(sleep(sleepFor));                                                             //         await asyncio.sleep(sleep_for)

            // Notify the queue that the "work item" has been processed.
            queue.taskDone();                                                                   //         queue.task_done()

            System.out.println(String.format(Locale.ROOT, "%s has slept for %.2f seconds", name, sleepFor)); //         print(f'{name} has slept for {sleep_for:.2f} seconds')
        }
    }

    @Async
    static Coroutine<Void> main() {                                                             // async def main():
        Random random = new Random();
        // Create a queue that we will use to store our "workload".
        Queue<Double> queue = new Queue<>();                                                    //     queue = asyncio.Queue()

        // Generate random timings and put them into the queue.
        double totalSleepTime = 0;                                                              //     total_sleep_time = 0
        for (int i = 0; i < 20; i++) {                                                          //     for _ in range(20):
            double sleepFor = 0.05 + (1.0 - 0.05) * random.nextDouble();                        //         sleep_for = random.uniform(0.05, 1.0)
            totalSleepTime += sleepFor;                                                         //         total_sleep_time += sleep_for
            queue.putNowait(sleepFor);                                                          //         queue.put_nowait(sleep_for)
        }

        // Create three worker tasks to process the queue concurrently.
        List<Task<Void>> tasks = new ArrayList<>();                                             //     tasks = []
        for (int i = 0; i < 3; i++) {                                                           //     for i in range(3):
            Task<Void> task = createTask(worker("worker-" + i, queue));                         //         task = asyncio.create_task(worker(f'worker-{i}', queue))
            tasks.add(task);                                                                    //         tasks.append(task)
        }

        // Wait until the queue is fully processed.
        long startedAt = System.nanoTime();                                                     //     started_at = time.monotonic()
        await(queue.join());                                                                    //     await queue.join()
        double totalSleptFor = (System.nanoTime() - startedAt) / 1e9;                           //     total_slept_for = time.monotonic() - started_at

        // Cancel our worker tasks.
        for (Task<Void> task : tasks) {                                                         //     for task in tasks:
            task.cancel();                                                                      //         task.cancel()
        }
        // Wait until all worker tasks are cancelled.
        await(gatherReturnExceptions(tasks));                                                   //     await asyncio.gather(*tasks, return_exceptions=True)

        System.out.println("====");                                                            //     print('====')
        System.out.println(String.format(Locale.ROOT, "3 workers slept in parallel for %.2f seconds", totalSleptFor));
                                                                                                //     print(f'3 workers slept in parallel for {total_slept_for:.2f} seconds')
        System.out.println(String.format(Locale.ROOT, "total expected sleep time: %.2f seconds", totalSleepTime));
                                                                                                //     print(f'total expected sleep time: {total_sleep_time:.2f} seconds')
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(main());                                                                            // asyncio.run(main())
    }
}
