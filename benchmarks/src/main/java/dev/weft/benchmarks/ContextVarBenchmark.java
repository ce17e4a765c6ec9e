package dev.weft.benchmarks;

import dev.weft.ContextVar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of {@code ContextVar.get} and {@code set} (+ {@code reset}) with {@code vars} variables
 * set in the current context, for the last one set (the worst case of the context's linear scan),
 * beside a copy-on-write {@code HashMap}, the obvious alternative to Weft's array of pairs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ContextVarBenchmark {
    @Param({"1", "8", "32", "128"})
    public int vars;

    private final List<ContextVar<Integer>> all = new ArrayList<>();
    private final List<ContextVar.Token<Integer>> tokens = new ArrayList<>();
    private ContextVar<Integer> last;
    private Map<Object, Object> hashMap;
    private final Integer value = 1234;

    @Setup
    public void setUp() {
        hashMap = new HashMap<>();
        for (int i = 0; i < vars; i++) {
            ContextVar<Integer> v = new ContextVar<>("v" + i);
            all.add(v);
            tokens.add(v.set(i));
            hashMap.put(v, i);
        }
        last = all.get(vars - 1);
    }

    @TearDown
    public void tearDown() {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            all.get(i).reset(tokens.get(i));
        }
        all.clear();
        tokens.clear();
    }

    @Benchmark
    public Integer get() {
        return last.get();
    }

    @Benchmark
    public Object setAndReset() {
        ContextVar.Token<Integer> t = last.set(value);
        last.reset(t);
        return t;
    }

    @Benchmark
    public Object hashMapGet() {
        return hashMap.get(last);
    }

    /** Two copies, as set and reset make: what a copy-on-write {@code HashMap} context would cost. */
    @Benchmark
    public Object hashMapCopyOnWriteSetAndReset() {
        Map<Object, Object> m = new HashMap<>(hashMap);
        m.put(last, value);
        Map<Object, Object> back = new HashMap<>(m);
        back.put(last, vars - 1);
        return back;
    }
}
