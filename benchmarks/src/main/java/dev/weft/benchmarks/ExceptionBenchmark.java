package dev.weft.benchmarks;

import static dev.weft.Weft.await;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The exception path through an await chain (issue 13, item 3): an exception raised three awaits
 * deep and caught by the coroutine that awaits the chain, which now gains the three awaiting
 * frames in its stack trace, against a plain rethrow through three ordinary methods, the same
 * chain raising an exception without a stack trace (what the chain costs without the trace
 * work), and the same chain returning (the happy path, which never looks at traces). ns per
 * exception (or per return).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@State(Scope.Thread)
public class ExceptionBenchmark {
    static final int TIMES = 1_000;

    EventLoop loop;

    /** An exception without a stack trace: nothing to fill, nothing to extend. */
    static final class Stackless extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stackless() {
            super("stackless", null, false, false);
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        loop = EventLoop.create();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        loop.close();
    }

    @Async
    static Coroutine<Integer> level3(int kind) {
        if (kind == 1) {
            throw new IllegalStateException("three awaits deep");
        }
        if (kind == 2) {
            throw new Stackless();
        }
        return Coroutine.returning(kind);
    }

    @Async
    static Coroutine<Integer> level2(int kind) {
        return Coroutine.returning(await(level3(kind)));
    }

    @Async
    static Coroutine<Integer> level1(int kind) {
        return Coroutine.returning(await(level2(kind)));
    }

    @Async
    static Coroutine<Long> times(int kind) {
        long sum = 0;
        for (int i = 0; i < TIMES; i++) {
            try {
                sum += await(level1(kind));
            } catch (RuntimeException e) {
                sum += e.getStackTrace().length;
            }
        }
        return Coroutine.returning(sum);
    }

    /** Raised three awaits deep, caught above: the trace gains level2, level1 and the catching frame. */
    @Benchmark
    @OperationsPerInvocation(TIMES)
    public long awaitChainThrows() {
        return loop.runUntilComplete(times(1));
    }

    /** The same chain, an exception without a stack trace: the chain's own cost. */
    @Benchmark
    @OperationsPerInvocation(TIMES)
    public long awaitChainThrowsStackless() {
        return loop.runUntilComplete(times(2));
    }

    /** The same chain returning: the happy path. */
    @Benchmark
    @OperationsPerInvocation(TIMES)
    public long awaitChainReturns() {
        return loop.runUntilComplete(times(0));
    }

    static int plain3(int kind) {
        if (kind == 1) {
            throw new IllegalStateException("three calls deep");
        }
        return kind;
    }

    static int plain2(int kind) {
        return plain3(kind);
    }

    static int plain1(int kind) {
        return plain2(kind);
    }

    /** The baseline: raised three ordinary calls deep, caught above (a plain rethrow). */
    @Benchmark
    @OperationsPerInvocation(TIMES)
    public long plainRethrow() {
        long sum = 0;
        for (int i = 0; i < TIMES; i++) {
            try {
                sum += plain1(1);
            } catch (RuntimeException e) {
                sum += e.getStackTrace().length;
            }
        }
        return sum;
    }
}
