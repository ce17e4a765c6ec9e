package dev.weft.transform.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Generator;
import dev.weft.GeneratorExit;
import dev.weft.transform.verify.Drive;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The property's reference is an oracle, so it is tested on its own against Python's answers
 * (PEP 342, PEP 380) as the design card maps them to Java.
 */
class ThreadGenTest {
    final List<String> log = new ArrayList<>();

    @AfterEach
    void endThreads() {
        ThreadGen.abandonAll();
    }

    ThreadGen counter(int n) {
        return new ThreadGen(g -> {
            int total = 0;
            for (int i = 0; i < n; i++) {
                Object s = g.yield(i);
                total += s == null ? i : (Integer) s;
            }
            return total;
        });
    }

    @Test
    void yieldsThenReturns() {
        ThreadGen g = counter(3);
        assertThat(g.state()).isEqualTo(Generator.State.CREATED);
        assertThat(Drive.script(g, "next", "next", 10, "next")).isEqualTo("0 1 2 !StopIteration");
        assertThat(g.returnValue()).isEqualTo(0 + 10 + 2); // null counts as i: yields 0, 1 (+0), 2 (+10), ends (+2)
        assertThat(Drive.script(g, "next", 5, new Boom(1))).isEqualTo("!StopIteration !StopIteration !StopIteration");
        assertThat(Drive.script(g, "close")).isEqualTo("closed");
    }

    @Test
    void aJustStartedGeneratorTakesOnlyNull() {
        ThreadGen g = counter(2);
        assertThat(Drive.script(g, 1)).isEqualTo("!IllegalStateException");
        assertThat(g.state()).isEqualTo(Generator.State.CREATED);
        assertThat(Drive.script(g, (Object) null)).isEqualTo("0");
    }

    @Test
    void throwIntoAJustCreatedGeneratorClosesIt() {
        ThreadGen g = counter(2);
        assertThat(Drive.script(g, new Boom(3), "next")).isEqualTo("!Boom:boom 3 !StopIteration");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    @Test
    void closeRaisesGeneratorExitWhichExceptionDoesNotCatch() {
        ThreadGen g = new ThreadGen(b -> {
            try {
                b.yield(1);
            } catch (Exception e) {
                log.add("caught " + e);
            } finally {
                log.add("finally");
            }
            return null;
        });
        assertThat(Drive.script(g, "next", "close", "next")).isEqualTo("1 closed !StopIteration");
        assertThat(log).containsExactly("finally");
    }

    @Test
    void yieldingAfterGeneratorExitIsRefused() {
        ThreadGen g = new ThreadGen(b -> {
            try {
                b.yield(1);
            } catch (GeneratorExit e) {
                b.yield(2);
            }
            b.yield(3);
            return null;
        });
        assertThat(Drive.script(g, "next", "close", "next", "close")).isEqualTo("1 !IllegalStateException 3 closed");
    }

    @Test
    void yieldFromPassesSendThrowAndCloseThrough() {
        ThreadGen outer = new ThreadGen(b -> {
            Object r = b.yieldFrom(new ThreadGen(s -> {
                try {
                    Object v = s.yield("a");
                    s.yield("got " + v);
                } catch (Boom e) {
                    s.yield("sub caught " + e.v);
                } finally {
                    log.add("sub finally");
                }
                return 7;
            }));
            b.yield("returned " + r);
            return null;
        });
        assertThat(Drive.script(outer, "next", "x", new Boom(4), "next")).isEqualTo("a got x sub caught 4 returned 7");
        ThreadGen closing = new ThreadGen(b -> b.yieldFrom(counter(3)));
        assertThat(Drive.script(closing, "next", "close", "next")).isEqualTo("0 closed !StopIteration");
    }

    @Test
    void sendingIntoAnIterableRaisesAtTheDelegation() {
        ThreadGen g = new ThreadGen(b -> {
            try {
                b.yieldFromIterable(List.of("a", "b"));
            } catch (IllegalStateException e) {
                b.yield("caught");
            }
            return null;
        });
        assertThat(Drive.script(g, "next", 1, "next")).isEqualTo("a caught !StopIteration");
    }

    @Test
    void hasNextRunsAheadOnceAndHolds() {
        ThreadGen g = counter(2);
        assertThat(g.hasNext()).isTrue();
        assertThat(g.hasNext()).isTrue();
        assertThat(Drive.script(g, 5, new Boom(1), "next", "next")).isEqualTo("!IllegalStateException !IllegalStateException 0 1");
        assertThat(g.hasNext()).isFalse();
        assertThat(g.returnValue()).isEqualTo(1);
    }

    @Test
    void noSuchElementEscapingTheBodyBecomesIllegalState() {
        ThreadGen g = new ThreadGen(b -> {
            throw new NoSuchElementException("inner");
        });
        assertThat(Drive.script(g, "next")).isEqualTo("!IllegalStateException");
    }
}
