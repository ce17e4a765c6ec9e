package dev.weft.examples.executors;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Seed 002, "concurrent.futures.Future 对象": a pool of 5 threads given 10 calls; {@code submit}
 * returns at once with a future, the calls print from the pool's threads
 * ({@code src/main/python/executors/ThreadPoolSubmit.py}). No asyncio here: this is the thread-pool
 * future that {@code run_in_executor} wraps, and Java's own {@link ExecutorService} is its twin.
 *
 * <p>A future's repr ({@code <Future at 0x7f.. state=running>}, Java's
 * {@code FutureTask@1b6d3586[Not completed]}) and the order in which the threads print differ from
 * run to run: the test checks ten futures first, then each value once. Each call sleeps 0.5 s
 * instead of 1. Python waits for the pool's threads at exit; the twin shuts the pool down and waits.
 */
public class ThreadPoolSubmit {

    static int func(int value) throws InterruptedException {            // def func(value):
        Thread.sleep(500);                                              //     time.sleep(1)
        System.out.println(value);                                      //     print(value)
        return 123;                                                     //     return 123
    }

    public static void main(String[] args) {
        // 创建线程池
        ExecutorService pool = Executors.newFixedThreadPool(5);         // pool = ThreadPoolExecutor(max_workers=5)

        for (int i = 0; i < 10; i++) {                                  // for i in range(10):
            int value = i;
            Future<Integer> fut = pool.submit(() -> func(value));       //     fut = pool.submit(func, i)
            System.out.println(fut);                                    //     print(fut)
        }
        pool.shutdown();                                                // (at exit, Python waits for the pool's threads)
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
