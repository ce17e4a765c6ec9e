package dev.weft.benchmarks;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.run;
import static dev.weft.Weft.sleep;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Lock;
import dev.weft.Queue;
import dev.weft.Task;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Weft's synchronization primitives and queues (issue 4) against virtual threads with
 * {@code java.util.concurrent}, in the same run, on one carrier thread
 * ({@code -Djdk.virtualThreadScheduler.parallelism=1}), since a Weft loop runs on one thread.
 *
 * <ul>
 *   <li>queue ping-pong: two tasks pass an item back and forth over two {@link Queue}s; ns per
 *       round trip (two hand-offs), against two virtual threads over two
 *       {@link SynchronousQueue}s;</li>
 *   <li>contended lock hand-off: 100 tasks each take a {@link Lock}, {@code await(sleep(0))}
 *       holding it (so that the others queue up behind it), and release it; ns per
 *       acquire/release, against 100 virtual threads with a fair {@link ReentrantLock} and
 *       {@code Thread.yield()} while holding it;</li>
 *   <li>producer/consumer: one producer puts items into a {@code Queue(64)} drained by 3 worker
 *       tasks; ns per item, against an {@link ArrayBlockingQueue}(64) between a producer and 3
 *       workers, all virtual threads.</li>
 * </ul>
 *
 * <p>Each invocation runs a fresh {@code Weft.run} (or starts fresh threads), so the figures
 * include starting the tasks (threads), amortized over the invocation's operations.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Djdk.virtualThreadScheduler.parallelism=1")
public class SyncBenchmark {

    // ------------------------------------------------------------------ ping-pong

    static final int ROUND_TRIPS = 10_000;

    @Async
    static Coroutine<Void> pong(Queue<Integer> in, Queue<Integer> out, int n) {
        for (int i = 0; i < n; i++) {
            Integer x = await(in.get());
            await(out.put(x));
        }
        return Coroutine.done();
    }

    @Async
    static Coroutine<Long> ping(int n) {
        Queue<Integer> there = new Queue<>();
        Queue<Integer> back = new Queue<>();
        Task<Void> other = createTask(pong(there, back, n));
        long sum = 0;
        for (int i = 0; i < n; i++) {
            await(there.put(i & 127));
            int v = await(back.get());
            sum += v;
        }
        await(other);
        return Coroutine.returning(sum);
    }

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public long weftQueuePingPong() {
        return run(ping(ROUND_TRIPS));
    }

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public long virtualThreadSynchronousQueuePingPong() throws InterruptedException {
        ThreadFactory vt = GeneratorBenchmark.virtualThreads();
        SynchronousQueue<Integer> there = new SynchronousQueue<>();
        SynchronousQueue<Integer> back = new SynchronousQueue<>();
        long[] sum = new long[1];
        Thread pong = vt.newThread(() -> {
            try {
                for (int i = 0; i < ROUND_TRIPS; i++) {
                    back.put(there.take());
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread ping = vt.newThread(() -> {
            try {
                for (int i = 0; i < ROUND_TRIPS; i++) {
                    there.put(i & 127);
                    sum[0] += back.take();
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        pong.start();
        ping.start();
        ping.join();
        pong.join();
        return sum[0];
    }

    // ------------------------------------------------------------------ contended lock

    static final int LOCKERS = 100;
    static final int ACQUIRES_EACH = 100;

    @Async
    static Coroutine<Void> locker(Lock lock, int k) {
        for (int i = 0; i < k; i++) {
            await(lock.acquire());
            await(sleep(0)); // hold it across a suspension: the other tasks queue up behind it
            lock.release();
        }
        return Coroutine.done();
    }

    @Async
    @SuppressWarnings("unchecked")
    static Coroutine<Void> lockAmong(int n, int k) {
        Lock lock = new Lock();
        Task<Void>[] tasks = new Task[n];
        for (int i = 0; i < n; i++) {
            tasks[i] = createTask(locker(lock, k));
        }
        for (int i = 0; i < n; i++) {
            await(tasks[i]);
        }
        return Coroutine.done();
    }

    /** ns per acquire/release among 100 tasks; each hold includes one {@code await(sleep(0))}. */
    @Benchmark
    @OperationsPerInvocation(LOCKERS * ACQUIRES_EACH)
    public void weftContendedLock() {
        run(lockAmong(LOCKERS, ACQUIRES_EACH));
    }

    /** ns per lock/unlock of a fair {@code ReentrantLock} among 100 virtual threads; each hold includes one {@code Thread.yield()}. */
    @Benchmark
    @OperationsPerInvocation(LOCKERS * ACQUIRES_EACH)
    public void virtualThreadContendedReentrantLock() throws InterruptedException {
        ThreadFactory vt = GeneratorBenchmark.virtualThreads();
        ReentrantLock lock = new ReentrantLock(true);
        Runnable body = () -> {
            for (int i = 0; i < ACQUIRES_EACH; i++) {
                lock.lock();
                try {
                    Thread.yield();
                } finally {
                    lock.unlock();
                }
            }
        };
        Thread[] threads = new Thread[LOCKERS];
        for (int i = 0; i < LOCKERS; i++) {
            threads[i] = vt.newThread(body);
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    // ------------------------------------------------------------------ producer/consumer

    static final int ITEMS = 30_000;
    static final int WORKERS = 3;
    static final int CAPACITY = 64;

    @Async
    static Coroutine<Long> worker(Queue<Integer> queue) {
        long sum = 0;
        while (true) {
            int x = await(queue.get());
            if (x < 0) {
                break;
            }
            sum += x;
            queue.taskDone();
        }
        queue.taskDone();
        return Coroutine.returning(sum);
    }

    @Async
    @SuppressWarnings("unchecked")
    static Coroutine<Long> produce(int items) {
        Queue<Integer> queue = new Queue<>(CAPACITY);
        Task<Long>[] workers = new Task[WORKERS];
        for (int i = 0; i < WORKERS; i++) {
            workers[i] = createTask(worker(queue));
        }
        for (int i = 0; i < items; i++) {
            await(queue.put(i & 127));
        }
        for (int i = 0; i < WORKERS; i++) {
            await(queue.put(-1));
        }
        long sum = 0;
        for (int i = 0; i < WORKERS; i++) {
            long v = await(workers[i]);
            sum += v;
        }
        return Coroutine.returning(sum);
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public long weftProducerConsumer() {
        return run(produce(ITEMS));
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public long virtualThreadArrayBlockingQueue() throws InterruptedException {
        ThreadFactory vt = GeneratorBenchmark.virtualThreads();
        ArrayBlockingQueue<Integer> queue = new ArrayBlockingQueue<>(CAPACITY);
        long[] sums = new long[WORKERS];
        Thread[] workers = new Thread[WORKERS];
        for (int w = 0; w < WORKERS; w++) {
            int me = w;
            workers[w] = vt.newThread(() -> {
                try {
                    while (true) {
                        int x = queue.take();
                        if (x < 0) {
                            break;
                        }
                        sums[me] += x;
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            workers[w].start();
        }
        Thread producer = vt.newThread(() -> {
            try {
                for (int i = 0; i < ITEMS; i++) {
                    queue.put(i & 127);
                }
                for (int i = 0; i < WORKERS; i++) {
                    queue.put(-1);
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        producer.start();
        producer.join();
        long sum = 0;
        for (int w = 0; w < WORKERS; w++) {
            workers[w].join();
            sum += sums[w];
        }
        return sum;
    }
}
