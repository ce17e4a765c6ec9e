package dev.weft.asyncio;

import static dev.weft.Weft.await;
import static dev.weft.Weft.run;
import static dev.weft.Weft.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, item 7: rewritten coroutines awaiting coroutines 100,000 deep run without a
 * StackOverflowError, both when the innermost finishes at once and when it suspends on the loop
 * (then resuming it must not walk the chain on the Java stack).
 */
class DeepChainTest {
    private static final int DEPTH = 100_000;

    @Async
    static Coroutine<Integer> depth(int n, boolean suspendAtTheBottom) {
        if (n == 0) {
            if (suspendAtTheBottom) {
                await(sleep(0.01));
            }
            return Coroutine.returning(0);
        }
        int below = await(depth(n - 1, suspendAtTheBottom));
        return Coroutine.returning(below + 1);
    }

    @Async
    static Coroutine<Void> failAtTheBottom(int n, AtomicInteger finallies) {
        try {
            if (n == 0) {
                await(sleep(0));
                throw new IllegalArgumentException("bottom");
            }
            await(failAtTheBottom(n - 1, finallies));
        } finally {
            finallies.incrementAndGet();
        }
        return Coroutine.done();
    }

    @Test
    void a_chain_100_000_deep_that_finishes_at_once() {
        assertThat(run(depth(DEPTH, false), EventLoop::withVirtualClock)).isEqualTo(DEPTH);
    }

    @Test
    void a_chain_100_000_deep_whose_innermost_coroutine_suspends() {
        assertThat(run(depth(DEPTH, true), EventLoop::withVirtualClock)).isEqualTo(DEPTH);
    }

    @Test
    void an_exception_at_the_bottom_unwinds_every_level_and_runs_every_finally() {
        AtomicInteger finallies = new AtomicInteger();
        assertThatThrownBy(() -> Weft.run(failAtTheBottom(DEPTH, finallies), EventLoop::withVirtualClock))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bottom");
        assertThat(finallies).hasValue(DEPTH + 1);
    }
}
