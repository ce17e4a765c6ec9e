package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * DESIGN's target for a suspended generator: at most 48 bytes with one {@code int} live (JDK 17,
 * compressed oops), measured as the bytes this thread allocates to make one and take its first
 * element, as the benchmark's {@code suspendedWeftGenerator} does with {@code -prof gc}.
 */
class SuspendedGeneratorSizeTest {

    /** The benchmark's counter: one {@code int} live at the yield. */
    @Async
    static Generator<Integer, Void, Void> counter() {
        int i = 0;
        while (true) {
            Generator.yield(i);
            i = (i + 1) & 127;
        }
    }

    /** One reference and one {@code int} live at the yield: both fit the frame's own fields. */
    @Async
    static Generator<Integer, Void, Void> cycling(List<Integer> values) {
        int i = 0;
        while (true) {
            Generator.yield(values.get(i));
            i = (i + 1) % values.size();
        }
    }

    /** Three references and two primitives live: the ones beyond the first of each kind go to arrays. */
    @Async
    static Generator<String, Void, Void> several(String a, String b, String c, long n, double x) {
        for (long k = 0; k < n; k++) {
            Generator.yield(a + b + c + k + x);
        }
        return Generator.done();
    }

    @Test
    void aSuspendedGeneratorWithOneIntTakesAtMost48Bytes() {
        assertThat(bytesEach(SuspendedGeneratorSizeTest::counter)).isLessThanOrEqualTo(48);
    }

    @Test
    void aSuspendedGeneratorWithOneReferenceAndOneIntTakesAtMost48Bytes() {
        List<Integer> values = List.of(1, 2, 3);
        assertThat(bytesEach(() -> cycling(values))).isLessThanOrEqualTo(48);
    }

    @Test
    void slotsBeyondTheFieldsKeepTheirValues() {
        Generator<String, Void, Void> g = several("a", "b", "c", 3, 0.5);
        assertThat(g.next()).isEqualTo("abc00.5");
        assertThat(g.next()).isEqualTo("abc10.5");
        assertThat(g.next()).isEqualTo("abc20.5");
        assertThat(g.hasNext()).isFalse();
    }

    /** The bytes this thread allocates per suspended generator, the least of a few rounds. */
    private static long bytesEach(Supplier<Generator<Integer, Void, Void>> make) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        int n = 10_000;
        Object[] kept = new Object[n];
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < n; i++) {
                Generator<Integer, Void, Void> g = make.get();
                g.next();
                kept[i] = g;
            }
            long after = threads.getThreadAllocatedBytes(thread);
            least = Math.min(least, (after - before) / n);
        }
        assertThat(kept[n - 1]).isNotNull();
        return least;
    }
}
