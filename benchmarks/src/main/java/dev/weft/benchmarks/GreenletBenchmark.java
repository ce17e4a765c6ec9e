package dev.weft.benchmarks;

import dev.weft.Greenlet;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of a {@link Greenlet} switch, beside the same hand-off done with a
 * {@link SynchronousQueue} between two threads. One operation is a round trip, two switches: JMH's
 * thread (the main greenlet) switches to a partner greenlet, which switches straight back; the
 * baseline puts a value to a partner thread, which puts it back. Half the figure is one switch.
 * {@code threads} picks the partner's kind: {@code virtual} (greenlets' default on JDK 21 and
 * later) or {@code platform} ({@code -Dweft.greenlet.threads=platform}, set before the first
 * greenlet starts; each parameter runs in its own fork).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GreenletBenchmark {

    @State(Scope.Thread)
    public static class Partners {
        /** {@code virtual} needs JDK 21 or later: on JDK 17 run with {@code -p threads=platform}. */
        @Param({"platform", "virtual"})
        public String threads;

        Greenlet partner;
        final SynchronousQueue<Integer> there = new SynchronousQueue<>();
        final SynchronousQueue<Integer> back = new SynchronousQueue<>();
        Thread echo;

        @Setup(Level.Trial)
        public void start() {
            System.setProperty("weft.greenlet.threads", threads);
            partner = new Greenlet(() -> {
                Greenlet main = Greenlet.current().parent();
                while (true) {
                    main.switchTo();
                }
            });
            partner.switchTo();
            ThreadFactory factory = threads.equals("virtual") ? GeneratorBenchmark.virtualThreads() : Thread::new;
            echo = factory.newThread(() -> {
                try {
                    while (true) {
                        back.put(there.take());
                    }
                } catch (InterruptedException stop) {
                    // the trial is over
                }
            });
            echo.setDaemon(true);
            echo.start();
        }

        @TearDown(Level.Trial)
        public void stop() {
            partner.throwIn();
            echo.interrupt();
        }
    }

    @Benchmark
    public Object greenletRoundTrip(Partners p) {
        return p.partner.switchTo();
    }

    @Benchmark
    public Integer synchronousQueueRoundTrip(Partners p) throws InterruptedException {
        p.there.put(1);
        return p.back.take();
    }
}
