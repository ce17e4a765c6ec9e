package dev.weft.benchmarks;

import dev.weft.Async;
import dev.weft.Generator;
import java.util.Iterator;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of one element of a generator: a Weft generator against a hand-written
 * {@link Iterator}, Kotlin's {@code sequence} ({@link KotlinSequences}) and a generator made of a
 * producer thread, all producing the same values.
 *
 * <p>One operation takes one element from a long-lived, endless source, so what is measured is
 * the resume, not the creation. The benchmark methods are never inlined into JMH's loop
 * ({@code DONT_INLINE}), so every element costs a real call from the consumer. The values cycle
 * through 0..127, inside {@link Integer}'s cache, so no variant pays for boxing.
 *
 * <p>{@code suspended*} measure memory: one operation creates a source and takes its first
 * element, leaving it suspended; with {@code -prof gc}, {@code gc.alloc.rate.norm} is the
 * bytes a suspended source takes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GeneratorBenchmark {

    /** The Weft generator: 0, 1, ..., 127, 0, 1, ... */
    @Async
    static Generator<Integer, Void, Void> counter() {
        int i = 0;
        while (true) {
            Generator.yield(i);
            i = (i + 1) & 127;
        }
    }

    /** {@link #counter()} seen through {@code depth} generators that each {@code yieldFrom} the next. */
    @Async
    static Generator<Integer, Void, Void> delegating(int depth) {
        Generator.yieldFrom(depth == 1 ? counter() : delegating(depth - 1));
        return Generator.done();
    }

    /** The hand-written baseline: the same values from an {@link Iterator}. */
    static final class Counter implements Iterator<Integer> {
        private int i;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Integer next() {
            int value = i;
            i = (i + 1) & 127;
            return value;
        }
    }

    /** The thread-based baseline: a producer thread hands each value over a {@link SynchronousQueue}. */
    static final class ThreadGenerator implements Iterator<Integer>, AutoCloseable {
        private final SynchronousQueue<Integer> handoff = new SynchronousQueue<>();
        private final Thread producer;

        ThreadGenerator(ThreadFactory threads) {
            producer = threads.newThread(() -> {
                int i = 0;
                try {
                    while (true) {
                        handoff.put(i);
                        i = (i + 1) & 127;
                    }
                } catch (InterruptedException closed) {
                    // close() ends the producer
                }
            });
            producer.start();
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Integer next() {
            try {
                return handoff.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the producer", e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            producer.interrupt();
            producer.join();
        }
    }

    @State(Scope.Thread)
    public static class Sources {
        Iterator<Integer> weft;
        Iterator<Integer> weftDeep;
        Iterator<Integer> iterator;
        Iterator<Integer> kotlin;

        @Setup(Level.Trial)
        public void start() {
            weft = counter();
            weftDeep = delegating(10);
            iterator = new Counter();
            kotlin = KotlinSequences.counter();
        }
    }

    @State(Scope.Thread)
    public static class Threads {
        /** {@code virtual} needs JDK 21 or later: on JDK 17 run with {@code -p threads=platform}. */
        @Param({"platform", "virtual"})
        public String threads;

        ThreadGenerator generator;

        @Setup(Level.Trial)
        public void start() {
            generator = new ThreadGenerator(threads.equals("virtual") ? virtualThreads() : Thread::new);
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            generator.close();
        }
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public Integer weftGenerator(Sources s) {
        return s.weft.next();
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public Integer weftYieldFrom10Deep(Sources s) {
        return s.weftDeep.next();
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public Integer handWrittenIterator(Sources s) {
        return s.iterator.next();
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public Integer kotlinSequence(Sources s) {
        return s.kotlin.next();
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public Integer threadGenerator(Threads t) {
        return t.generator.next();
    }

    @Benchmark
    public Generator<Integer, Void, Void> suspendedWeftGenerator() {
        Generator<Integer, Void, Void> g = counter();
        g.next();
        return g;
    }

    @Benchmark
    public Iterator<Integer> suspendedKotlinSequence() {
        Iterator<Integer> it = KotlinSequences.counter();
        it.next();
        return it;
    }

    @Benchmark
    public Iterator<Integer> suspendedHandWrittenIterator() {
        Iterator<Integer> it = new Counter();
        it.next();
        return it;
    }

    /** {@code Thread.ofVirtual().factory()}, looked up reflectively so this class compiles for Java 17. */
    static ThreadFactory virtualThreads() {
        if (Runtime.version().feature() < 21) {
            throw new UnsupportedOperationException("virtual threads need JDK 21 or later: run with -p threads=platform");
        }
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a virtual thread factory", e);
        }
    }
}
