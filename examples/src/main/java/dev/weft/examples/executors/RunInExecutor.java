package dev.weft.examples.executors;

import static dev.weft.Weft.*;
import static dev.weft.examples.Py.print;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.LongStream;

/**
 * Seed 003: blocking and CPU-bound calls run off the loop with {@code loop.run_in_executor}: in the
 * default pool, in a thread pool of one's own, and in a pool for CPU-bound work
 * ({@code src/main/python/executors/RunInExecutor.py}).
 *
 * <p>Python runs CPU-bound work in a process pool, because its threads share one interpreter lock.
 * Java's threads run in parallel, so a {@link ForkJoinPool} stands in for the process pool. The
 * 100 bytes read from {@code /dev/urandom} differ on every run: the test checks that 100 are printed,
 * as Python's {@code bytes} repr (what {@code Py.print} gives a {@code byte[]}).
 */
public class RunInExecutor {

    static byte[] blockingIo() throws IOException {                         // def blocking_io():
        // File operations (such as logging) can block the
        // event loop: run them in a thread pool.
        try (InputStream f = new FileInputStream("/dev/urandom")) {         //     with open('/dev/urandom', 'rb') as f:
            return f.readNBytes(100);                                       //         return f.read(100)
        }
    }

    static BigInteger cpuBound() {                                          // def cpu_bound():
        // CPU-bound operations will block the event loop:
        // in general it is preferable to run them in a
        // process pool.
        return LongStream.range(0, 10_000_000).parallel()                   //     return sum(i * i for i in range(10 ** 7))
                .mapToObj(i -> BigInteger.valueOf(i * i))                   // (the sum outgrows a long; the parallel
                .reduce(BigInteger.ZERO, BigInteger::add);                  //  stream runs on the pool it is called in)
    }

    @Async
    static Coroutine<Void> main() {                                         // async def main():
        EventLoop loop = getRunningLoop();                                  //     loop = asyncio.get_running_loop()

        // Options:
        // 1. Run in the default loop's executor:
        byte[] result = await(loop.runInExecutor(                           //     result = await loop.run_in_executor(
                null, RunInExecutor::blockingIo));                          //         None, blocking_io)
        print("default thread pool", result);                               //     print('default thread pool', result)

        // 2. Run in a custom thread pool:
        ExecutorService pool = Executors.newCachedThreadPool();             //     with concurrent.futures.ThreadPoolExecutor() as pool:
        try {
            result = await(loop.runInExecutor(                              //         result = await loop.run_in_executor(
                    pool, RunInExecutor::blockingIo));                      //             pool, blocking_io)
            print("custom thread pool", result);                            //         print('custom thread pool', result)
        } finally {
            pool.shutdown();
        }

        // 3. Run in a custom process pool (a ForkJoinPool: Java's threads run in parallel):
        ForkJoinPool cpuPool = new ForkJoinPool();                          //     with concurrent.futures.ProcessPoolExecutor() as pool:
        try {
            BigInteger sum = await(loop.runInExecutor(                            //         result = await loop.run_in_executor(
                    cpuPool, RunInExecutor::cpuBound));                     //             pool, cpu_bound)
            print("custom process pool", sum);                              //         print('custom process pool', result)
        } finally {
            cpuPool.shutdown();
        }
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(main());                                                        // asyncio.run(main())
    }
}
