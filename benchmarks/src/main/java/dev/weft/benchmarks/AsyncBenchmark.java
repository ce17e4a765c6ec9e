package dev.weft.benchmarks;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.run;
import static dev.weft.Weft.sleep;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The asyncio half of Weft (issue 3, item 9) against its baselines, in the same run.
 *
 * <ul>
 *   <li>{@code await} on a done future, inside a running coroutine, against
 *       {@code CompletableFuture.join()} on a done future: ns per await;</li>
 *   <li>a task switch, {@code await(sleep(0))} among 1, 100 and 10,000 tasks, against virtual
 *       threads doing {@code Thread.yield()}: ns per switch;</li>
 *   <li>create a task and await it, against {@code CompletableFuture.supplyAsync} on a same-thread
 *       executor and against starting and joining a virtual thread: ns per task;</li>
 *   <li>skynet: 1,000,000 leaves in a tree of fan-out 10 (1,111,111 tasks), against virtual
 *       threads and against {@code CompletableFuture}s on a one-thread executor: ms per run;</li>
 *   <li>the memory of a pending task: bytes allocated per task ({@code -prof gc},
 *       {@code gc.alloc.rate.norm}), and bytes retained per task, measured once per fork from the
 *       used heap after GC and printed to the log.</li>
 * </ul>
 *
 * <p>Weft's event loop runs every task on one thread. So that the virtual-thread baselines are
 * measured on one thread too (as DESIGN.md's peer figures are), the forks run with
 * {@code -Djdk.virtualThreadScheduler.parallelism=1}: a single carrier thread.
 *
 * <p>The virtual-thread baselines need JDK 21 or later; the class loads on JDK 17 (virtual threads
 * are made reflectively, {@link GeneratorBenchmark#virtualThreads()}): there, exclude them with
 * {@code -e 'virtualThread|VirtualThread'}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Djdk.virtualThreadScheduler.parallelism=1")
public class AsyncBenchmark {

    // ------------------------------------------------------------------ await on a done future

    /** Awaits per invocation of the done-future benchmarks. */
    static final int AWAITS = 10_000;

    @State(Scope.Thread)
    public static class Done {
        EventLoop loop;
        Future<Integer>[] weft;
        CompletableFuture<Integer>[] completable;

        @Setup(Level.Trial)
        @SuppressWarnings("unchecked")
        public void setUp() {
            loop = EventLoop.create();
            weft = new Future[16];
            completable = new CompletableFuture[16];
            for (int i = 0; i < 16; i++) {
                weft[i] = loop.createFuture();
                weft[i].setResult(i);
                completable[i] = CompletableFuture.completedFuture(i);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            loop.close();
        }
    }

    /** Sums {@code n} awaits on done Weft futures, cycling through 16 of them. */
    @Async
    static Coroutine<Integer> sumDoneWeft(Future<Integer>[] futures, int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            int v = await(futures[i & 15]);
            sum += v;
        }
        return Coroutine.returning(sum);
    }

    /** Sums {@code n} awaits on done {@code CompletableFuture}s, cycling through 16 of them. */
    @Async
    static Coroutine<Integer> sumDoneCompletable(CompletableFuture<Integer>[] futures, int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            int v = await(futures[i & 15]);
            sum += v;
        }
        return Coroutine.returning(sum);
    }

    /** The baseline: the same loop with {@code join()}. */
    static int sumDoneJoin(CompletableFuture<Integer>[] futures, int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            int v = futures[i & 15].join();
            sum += v;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public int awaitDoneWeftFuture(Done d) {
        return d.loop.runUntilComplete(sumDoneWeft(d.weft, AWAITS));
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public int awaitDoneCompletableFuture(Done d) {
        return d.loop.runUntilComplete(sumDoneCompletable(d.completable, AWAITS));
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public int joinDoneCompletableFuture(Done d) {
        return sumDoneJoin(d.completable, AWAITS);
    }

    // ------------------------------------------------------------------ task switch

    /** Switches per invocation: {@code tasks} tasks (threads) each switching {@code SWITCHES / tasks} times. */
    static final int SWITCHES = 1_000_000;

    @State(Scope.Thread)
    public static class Switch {
        @Param({"1", "100", "10000"})
        public int tasks;

        @Setup(Level.Trial)
        public void setUp() {
            if (SWITCHES % tasks != 0) {
                throw new IllegalArgumentException("tasks must divide " + SWITCHES);
            }
        }
    }

    @Async
    static Coroutine<Void> switcher(int k) {
        for (int i = 0; i < k; i++) {
            await(sleep(0));
        }
        return Coroutine.done();
    }

    @Async
    @SuppressWarnings("unchecked")
    static Coroutine<Void> switchAmong(int n, int k) {
        Task<Void>[] tasks = new Task[n];
        for (int i = 0; i < n; i++) {
            tasks[i] = createTask(switcher(k));
        }
        for (int i = 0; i < n; i++) {
            await(tasks[i]);
        }
        return Coroutine.done();
    }

    /** ns per {@code await(sleep(0))}; includes creating the tasks, once per {@code SWITCHES / tasks} switches each. */
    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public void weftTaskSwitch(Switch s) {
        run(switchAmong(s.tasks, SWITCHES / s.tasks));
    }

    /** ns per {@code Thread.yield()} among {@code tasks} virtual threads on one carrier; includes starting them. */
    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public void virtualThreadYield(Switch s) throws InterruptedException {
        ThreadFactory vt = GeneratorBenchmark.virtualThreads();
        int k = SWITCHES / s.tasks;
        Runnable body = () -> {
            for (int i = 0; i < k; i++) {
                Thread.yield();
            }
        };
        Thread[] threads = new Thread[s.tasks];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = vt.newThread(body);
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    // ------------------------------------------------------------------ create a task and await it

    static final int SPAWNS = 10_000;

    @Async
    static Coroutine<Integer> leaf(int i) {
        return Coroutine.returning(i);
    }

    @Async
    static Coroutine<Long> createAndAwait(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            Task<Integer> t = createTask(leaf(i & 127));
            int v = await(t);
            sum += v;
        }
        return Coroutine.returning(sum);
    }

    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public long weftCreateTaskAndAwait() {
        return run(createAndAwait(SPAWNS));
    }

    private static final Executor SAME_THREAD = Runnable::run;

    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public long completableFutureSupplyAsyncJoin() {
        long sum = 0;
        for (int i = 0; i < SPAWNS; i++) {
            int x = i & 127;
            CompletableFuture<Integer> f = CompletableFuture.supplyAsync(() -> x, SAME_THREAD);
            sum += f.join();
        }
        return sum;
    }

    /**
     * ns to start a virtual thread and join it, from a virtual thread (as a task is created and
     * awaited from a task): the loop runs in one virtual thread, so that each join is a switch on
     * the carrier, not a wake-up of JMH's platform thread.
     */
    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public long virtualThreadStartJoin() throws InterruptedException {
        ThreadFactory vt = GeneratorBenchmark.virtualThreads();
        long[] slot = new long[2];
        Thread outer = vt.newThread(() -> {
            long sum = 0;
            try {
                for (int i = 0; i < SPAWNS; i++) {
                    int x = i & 127;
                    Thread t = vt.newThread(() -> slot[0] = x);
                    t.start();
                    t.join();
                    sum += slot[0];
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            slot[1] = sum;
        });
        outer.start();
        outer.join();
        return slot[1];
    }

    // ------------------------------------------------------------------ skynet

    static final int SKYNET_LEAVES = 1_000_000;
    static final long SKYNET_SUM = 499_999_500_000L;

    /** Skynet: a node spawns its 10 children as tasks and awaits them; a leaf returns its number. */
    @Async
    @SuppressWarnings("unchecked")
    static Coroutine<Long> skynet(long num, int size) {
        if (size == 1) {
            return Coroutine.returning(num);
        }
        int sub = size / 10;
        Task<Long>[] children = new Task[10];
        for (int i = 0; i < 10; i++) {
            children[i] = createTask(skynet(num + (long) i * sub, sub));
        }
        long sum = 0;
        for (int i = 0; i < 10; i++) {
            long v = await(children[i]);
            sum += v;
        }
        return Coroutine.returning(sum);
    }

    static long skynetVirtual(ThreadFactory vt, long num, int size) {
        if (size == 1) {
            return num;
        }
        int sub = size / 10;
        long[] results = new long[10];
        Thread[] children = new Thread[10];
        for (int i = 0; i < 10; i++) {
            int j = i;
            children[i] = vt.newThread(() -> results[j] = skynetVirtual(vt, num + (long) j * sub, sub));
            children[i].start();
        }
        long sum = 0;
        try {
            for (int i = 0; i < 10; i++) {
                children[i].join();
                sum += results[i];
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return sum;
    }

    /** A node is a {@code supplyAsync} on the executor; a parent combines its children with {@code allOf} (no thread blocks). */
    static CompletableFuture<Long> skynetCompletable(Executor ex, long num, int size) {
        return CompletableFuture.supplyAsync(() -> skynetCompletableBody(ex, num, size), ex).thenCompose(f -> f);
    }

    @SuppressWarnings("unchecked")
    static CompletableFuture<Long> skynetCompletableBody(Executor ex, long num, int size) {
        if (size == 1) {
            return CompletableFuture.completedFuture(num);
        }
        int sub = size / 10;
        CompletableFuture<Long>[] children = new CompletableFuture[10];
        for (int i = 0; i < 10; i++) {
            children[i] = skynetCompletable(ex, num + (long) i * sub, sub);
        }
        return CompletableFuture.allOf(children).thenApply(v -> {
            long sum = 0;
            for (CompletableFuture<Long> c : children) {
                sum += c.join();
            }
            return sum;
        });
    }

    @State(Scope.Thread)
    public static class OneThread {
        ExecutorService executor;

        @Setup(Level.Trial)
        public void setUp() {
            executor = Executors.newSingleThreadExecutor();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            executor.shutdownNow();
        }
    }

    static long check(long sum) {
        if (sum != SKYNET_SUM) {
            throw new IllegalStateException("skynet gave " + sum + ", expected " + SKYNET_SUM);
        }
        return sum;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long skynetWeft() {
        return check(run(skynet(0, SKYNET_LEAVES)));
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long skynetVirtualThreads() {
        return check(skynetVirtual(GeneratorBenchmark.virtualThreads(), 0, SKYNET_LEAVES));
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long skynetCompletableFuture(OneThread t) {
        return check(skynetCompletable(t.executor, 0, SKYNET_LEAVES).join());
    }

    // ------------------------------------------------------------------ memory of a pending task

    static final int PENDING = 1_000;

    /** Awaits a future that never completes; nothing is live across the await. */
    @Async
    static Coroutine<Void> pending(Future<Void> never) {
        await(never);
        return Coroutine.done();
    }

    /** {@code n} pending tasks on a fresh loop, run one iteration so each suspends on {@code never}. */
    static EventLoop pendingTasks(int n) {
        EventLoop loop = EventLoop.create();
        Future<Void> never = loop.createFuture();
        for (int i = 0; i < n; i++) {
            loop.createTask(pending(never));
        }
        loop.stop(); // stopped before it runs: runForever does one iteration, stepping every task once
        loop.runForever();
        return loop;
    }

    /**
     * Bytes allocated per pending task ({@code -prof gc}: {@code gc.alloc.rate.norm}): the task, its
     * coroutine frame, its share of the loop's ready queue and of the future's waiter list, and the
     * loop itself amortized over {@value #PENDING} tasks. An upper bound of what a pending task keeps.
     */
    @Benchmark
    @OperationsPerInvocation(PENDING)
    public EventLoop weftPendingTaskAlloc(RetainedMemory m) {
        return pendingTasks(PENDING);
    }

    /**
     * Measures, once per fork, the heap retained per pending task: used heap after GC before and
     * after making {@value #RETAINED_N} of them, divided by their number; and the same for virtual
     * threads parked forever. Printed to the log as {@code RETAINED ...}.
     */
    @State(Scope.Benchmark)
    public static class RetainedMemory {
        @Setup(Level.Trial)
        public void measure() throws InterruptedException {
            for (int round = 0; round < 3; round++) {
                long before = usedAfterGc();
                EventLoop loop = pendingTasks(RETAINED_N);
                long after = usedAfterGc();
                System.out.printf("RETAINED weft pending task: %.1f bytes per task (N=%d, round %d)%n",
                        (after - before) / (double) RETAINED_N, RETAINED_N, round);
                if (loop.allTasks().size() != RETAINED_N) {
                    throw new IllegalStateException("expected " + RETAINED_N + " pending tasks");
                }
            }
            if (Runtime.version().feature() >= 21) {
                for (int round = 0; round < 3; round++) {
                    ThreadFactory vt = GeneratorBenchmark.virtualThreads();
                    CountDownLatch parked = new CountDownLatch(RETAINED_N);
                    Thread[] threads = new Thread[RETAINED_N];
                    long before = usedAfterGc();
                    for (int i = 0; i < RETAINED_N; i++) {
                        threads[i] = vt.newThread(() -> {
                            parked.countDown();
                            while (!Thread.currentThread().isInterrupted()) {
                                LockSupport.park();
                            }
                        });
                        threads[i].start();
                    }
                    parked.await();
                    Thread.sleep(200);
                    long after = usedAfterGc();
                    System.out.printf("RETAINED parked virtual thread: %.1f bytes per thread (N=%d, round %d)%n",
                            (after - before) / (double) RETAINED_N, RETAINED_N, round);
                    for (Thread t : threads) {
                        t.interrupt();
                    }
                    for (Thread t : threads) {
                        t.join();
                    }
                }
            }
        }
    }

    static final int RETAINED_N = 200_000;

    static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
