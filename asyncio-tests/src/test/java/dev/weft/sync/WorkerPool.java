package dev.weft.sync;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.gatherReturnExceptions;
import static dev.weft.Weft.getRunningLoop;
import static dev.weft.Weft.run;
import static dev.weft.Weft.sleep;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Queue;
import dev.weft.Task;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The seed's worker pool (the asyncio.Queue example of the Python docs), line for line: three
 * workers drain a queue of 20 random sleeps, {@code queue.join()}, then the workers are cancelled
 * and gathered with their exceptions returned.
 *
 * <pre>
 * async def worker(name, queue):
 *     while True:
 *         sleep_for = await queue.get()
 *         await asyncio.sleep(sleep_for)
 *         queue.task_done()
 *         print(f'{name} has slept for {sleep_for:.2f} seconds')
 * </pre>
 */
public final class WorkerPool {
    private WorkerPool() {
    }

    /** What a run measured. */
    static final class Outcome {
        double totalSleptFor;
        double totalSleepTime;
        List<Object> gathered;
    }

    @Async
    static Coroutine<Void> worker(String name, Queue<Double> queue, PrintStream out) {
        while (true) {
            // get a "work item" out of the queue
            double sleepFor = await(queue.get());
            // sleep for the "sleepFor" seconds
            await(sleep(sleepFor));
            // notify the queue that the "work item" has been processed
            queue.taskDone();
            out.println(name + " has slept for " + String.format("%.2f", sleepFor) + " seconds");
        }
    }

    @Async
    static Coroutine<Outcome> main(Random random, double scale, PrintStream out) {
        // a queue that we will use to store our "workload"
        Queue<Double> queue = new Queue<>();

        // random timings into the queue
        double totalSleepTime = 0;
        for (int i = 0; i < 20; i++) {
            double sleepFor = (0.05 + random.nextDouble() * 0.95) * scale;
            totalSleepTime += sleepFor;
            queue.putNowait(sleepFor);
        }

        // three worker tasks to process the queue concurrently
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(createTask(worker("worker-" + i, queue, out)));
        }

        // wait until the queue is fully processed
        double startedAt = getRunningLoop().time();
        await(queue.join());
        double totalSleptFor = getRunningLoop().time() - startedAt;

        // cancel our worker tasks
        for (Task<Void> task : tasks) {
            task.cancel();
        }
        // wait until all worker tasks are cancelled
        List<Object> gathered = await(gatherReturnExceptions(tasks));

        out.println("====");
        out.println("3 workers slept in parallel for " + String.format("%.2f", totalSleptFor) + " seconds");
        out.println("total expected sleep time: " + String.format("%.2f", totalSleepTime) + " seconds");

        Outcome o = new Outcome();
        o.totalSleptFor = totalSleptFor;
        o.totalSleepTime = totalSleepTime;
        o.gathered = gathered;
        return Coroutine.returning(o);
    }

    public static void main(String[] args) {
        run(main(new Random(), 1.0, System.out));
    }
}
