package dev.weft;

import static dev.weft.Weft.await;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.toList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Weft#toList}: Python's {@code [x async for x in agen]}. */
class AsyncComprehensionTest {
    private final List<String> trace = new ArrayList<>();

    @Async
    AsyncGenerator<Integer, Void> counting(int n, int failAt) {
        try {
            for (int i = 0; i < n; i++) {
                if (i == failAt) {
                    throw new IllegalArgumentException("at " + i);
                }
                await(sleep(0.1));
                Generator.yield(i);
            }
        } finally {
            trace.add("finally");
        }
        return AsyncGenerator.done();
    }

    @Async
    Coroutine<List<Object>> collect(AsyncGenerator<Integer, Void> agen) {
        List<Integer> values = await(toList(agen));
        return Coroutine.returning(List.of(values, agen.state(), Weft.getRunningLoop().time()));
    }

    private static <T> T run(Coroutine<T> main) {
        return Weft.run(main, EventLoop::withVirtualClock);
    }

    @Test
    void givesEveryValueInOrderAndLeavesTheGeneratorFinished() {
        List<Object> out = run(collect(counting(4, -1)));
        assertThat(out.get(0)).isEqualTo(List.of(0, 1, 2, 3));
        assertThat(out.get(1)).isEqualTo(Generator.State.CLOSED);
        assertThat((double) out.get(2)).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9)); // the awaits between the yields ran
        assertThat(trace).containsExactly("finally");
    }

    @Test
    void anEmptyGeneratorGivesAnEmptyMutableList() {
        List<Object> out = run(collect(counting(0, -1)));
        @SuppressWarnings("unchecked")
        List<Integer> values = (List<Integer>) out.get(0);
        assertThat(values).isEmpty();
        values.add(1);
        assertThat(values).containsExactly(1);
    }

    @Test
    void whatTheBodyRaisesComesOut() {
        assertThatThrownBy(() -> run(collect(counting(5, 2)))).isInstanceOf(IllegalArgumentException.class).hasMessage("at 2");
        assertThat(trace).containsExactly("finally");
    }

    @Test
    void takesUpWhereTheGeneratorIs() {
        AsyncGenerator<Integer, Void> agen = counting(3, -1);
        List<Object> out = run(startThenCollect(agen));
        assertThat(out).containsExactly(0, List.of(1, 2));
    }

    @Async
    Coroutine<List<Object>> startThenCollect(AsyncGenerator<Integer, Void> agen) {
        Integer first = await(agen.anext());
        return Coroutine.returning(List.of(first, await(toList(agen))));
    }

    @Test
    void aNullGeneratorIsRefused() {
        assertThatThrownBy(() -> toList(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("agen");
    }
}
