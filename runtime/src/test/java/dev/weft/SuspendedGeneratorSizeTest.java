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

    /** Two {@code int}s live at the yield (a counter and its bound): they share the frame's one {@code long} field. */
    @Async
    static Generator<Integer, Void, Void> upTo(int n) {
        for (int i = 0; ; i = (i + 1) % n) {
            Generator.yield(i);
        }
    }

    /** An {@code int} and a {@code float} live at the yields, negative ones among them. */
    @Async
    static Generator<String, Void, Void> negatives(int start, float x) {
        for (int i = start; i < 0; i++) {
            Generator.yield(i + " " + x);
            x = -x * 2;
        }
        return Generator.done();
    }

    /** A {@code char} and a {@code boolean} live at the yields. */
    @Async
    static Generator<String, Void, Void> flips(char c, boolean flag) {
        Generator.yield(c + " " + flag);
        flag = !flag;
        c--;
        Generator.yield(c + " " + flag);
        return Generator.done();
    }

    @Test
    void aSuspendedGeneratorWithTwoIntsTakesAtMost48Bytes() {
        assertThat(bytesEach(() -> upTo(100))).isLessThanOrEqualTo(48);
    }

    @Test
    void twoIntsSharingOneSlotKeepTheirValues() {
        Generator<Integer, Void, Void> g = upTo(3);
        assertThat(List.of(g.next(), g.next(), g.next(), g.next(), g.next())).containsExactly(0, 1, 2, 0, 1);
        Generator<String, Void, Void> h = negatives(-3, -1.5f);
        assertThat(List.of(h.next(), h.next(), h.next())).containsExactly("-3 -1.5", "-2 3.0", "-1 -6.0");
        assertThat(h.hasNext()).isFalse();
        Generator<String, Void, Void> m = negatives(Integer.MIN_VALUE, Float.NaN);
        assertThat(List.of(m.next(), m.next())).containsExactly(Integer.MIN_VALUE + " NaN", (Integer.MIN_VALUE + 1) + " NaN");
        Generator<String, Void, Void> f = flips('\uffff', true);
        assertThat(List.of(f.next(), f.next())).containsExactly("\uffff true", "\ufffe false");
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
