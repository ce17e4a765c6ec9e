package dev.weft;

import static dev.weft.Weft.await;
import static dev.weft.Weft.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * asyncio's finalizer hook: an async generator that becomes unreachable suspended at a yield while
 * the loop runs is closed on the loop then (its {@code finally} blocks run, awaits included), not
 * only when {@code run} ends.
 */
@Timeout(60)
class AsyncGeneratorFinalizerTest {
    private final List<String> trace = new CopyOnWriteArrayList<>();

    @Async
    AsyncGenerator<Integer, Void> numbers(String name) {
        try {
            for (int i = 0;; i++) {
                Generator.yield(i);
            }
        } finally {
            await(sleep(0));
            trace.add(name + " finally on " + Thread.currentThread().getName());
        }
    }

    /** Takes one value and drops the generator, suspended at its yield; gives a weak reference to it. */
    @Async
    Coroutine<WeakReference<Object>> abandonMidIteration(String name) {
        AsyncGenerator<Integer, Void> agen = numbers(name);
        await(agen.anext());
        return Coroutine.returning(new WeakReference<>(agen));
    }

    /** Polls the collector until the generator is gone and its finally ran, as a long-running program would keep going. */
    @Async
    Coroutine<String> keepRunning(WeakReference<Object> gone, String expected) {
        int after = 20; // turns of the loop once collected, for a closing to show
        for (int i = 0; i < 500 && !trace.contains(expected) && (gone.get() != null || after-- > 0); i++) {
            System.gc();
            await(sleep(0.01));
        }
        return Coroutine.returning((gone.get() == null ? "collected, " : "still reachable, ") + trace);
    }

    @Async
    Coroutine<String> main() {
        WeakReference<Object> ref = await(abandonMidIteration("g"));
        String loopThread = Thread.currentThread().getName();
        return Coroutine.returning(await(keepRunning(ref, "g finally on " + loopThread)));
    }

    @Test
    void anAbandonedGeneratorIsClosedOnTheLoopBeforeRunEnds() {
        String seen = Weft.run(main());
        assertThat(seen).startsWith("collected, ").contains("g finally on ");
        assertThat(trace).hasSize(1); // closed once: not again by the shutdown at run's end
    }

    @Async
    Coroutine<WeakReference<Object>> closeThenDrop(String name) {
        AsyncGenerator<Integer, Void> agen = numbers(name);
        await(agen.anext());
        await(agen.aclose());
        return Coroutine.returning(new WeakReference<>(agen));
    }

    @Async
    Coroutine<String> finishedThenDropped() {
        WeakReference<Object> ref = await(closeThenDrop("h"));
        return Coroutine.returning(await(keepRunning(ref, "never")));
    }

    @Test
    void aClosedGeneratorIsNotClosedAgainWhenCollected() {
        String seen = Weft.run(finishedThenDropped());
        assertThat(seen).startsWith("collected, ");
        assertThat(trace).hasSize(1).allMatch(s -> s.startsWith("h finally"));
    }
}
