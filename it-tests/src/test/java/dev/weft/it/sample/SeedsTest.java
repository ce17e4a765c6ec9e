package dev.weft.it.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Generator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed programs on the classes that weft-maven-plugin (goal instrument-test) rewrote in this build. */
class SeedsTest {
    private static List<Integer> all(Generator<Integer, Void, Void> g) {
        List<Integer> values = new ArrayList<>();
        g.forEach(values::add);
        return values;
    }

    @Test
    void numYieldsTheSquaresFromOneToNine() {
        assertThat(all(Seeds.num(1))).containsExactly(1, 4, 9, 16, 25, 36, 49, 64, 81);
    }

    @Test
    void func1DelegatesToFunc2InTheMiddle() {
        assertThat(all(Seeds.func1())).containsExactly(1, 3, 4, 2);
    }

    @Test
    void valuesSentThroughYieldFromReachTheSubgeneratorAndItsReturnValueComesBack() {
        Generator<Object, Double, Void> g = Seeds.counted();
        assertThat(g.next()).isNull();
        assertThat(g.send(10.0)).isEqualTo(10.0);
        assertThat(g.send(20.0)).isEqualTo(15.0);
        assertThat(g.send(null)).isEqualTo("count 2");
        assertThat(g.hasNext()).isFalse();
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }
}
