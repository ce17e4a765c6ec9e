package dev.weft;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code asyncio.sleep(0)}: yields once, and is a coroutine like any other (awaited once, lazy),
 * whether the call got the loop's shared one or a fresh one.
 */
class SleepZeroTest {
    private final EventLoop loop = EventLoop.withVirtualClock();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** {@code c = asyncio.sleep(0); await c; await c} raises RuntimeError: cannot reuse already awaited coroutine. */
    @Async
    static Coroutine<String> awaitTwice() {
        Coroutine<Void> c = sleep(0);
        await(c);
        try {
            await(c);
            return Coroutine.returning("awaited twice");
        } catch (IllegalStateException e) {
            return Coroutine.returning(e.getMessage());
        }
    }

    @Test
    void a_sleep_0_awaited_twice_raises_as_any_coroutine() {
        assertThat(loop.runUntilComplete(awaitTwice())).contains("cannot reuse already awaited coroutine");
    }

    @Async
    static Coroutine<Void> step(List<String> log, String name, int times) {
        for (int i = 0; i < times; i++) {
            log.add(name + i);
            await(sleep(0));
        }
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> twoTasks(List<String> log) {
        await(Weft.gather(step(log, "a", 3), step(log, "b", 3)));
        return Coroutine.done();
    }

    @Test
    void tasks_at_sleep_0_take_turns() {
        List<String> log = new ArrayList<>();
        loop.runUntilComplete(twoTasks(log));
        assertThat(log).containsExactly("a0", "b0", "a1", "b1", "a2", "b2");
    }

    /** Two calls not awaited yet: each is its own coroutine; the first given to a task, the second awaited here. */
    @Async
    static Coroutine<List<String>> twoCallsOut(List<String> log) {
        Coroutine<Void> first = sleep(0);
        Coroutine<Void> second = sleep(0);
        log.add("called");
        Task<Void> t = createTask(first);
        await(second);
        log.add("second done, task done: " + t.isDone());
        await(t);
        log.add("task done: " + t.isDone());
        return Coroutine.returning(log);
    }

    @Test
    void two_sleep_0_calls_out_at_once_are_two_coroutines() {
        assertThat(loop.runUntilComplete(twoCallsOut(new ArrayList<>())))
                .containsExactly("called", "second done, task done: false", "task done: true");
    }

    @Async
    static Coroutine<String> cancelledAtSleep0(List<String> log) {
        try {
            await(sleep(0));
            log.add("resumed");
        } catch (CancellationException e) {
            log.add("cancelled at the await");
            throw e;
        }
        return Coroutine.returning("finished");
    }

    @Async
    static Coroutine<Boolean> cancelWhileYielding(List<String> log) {
        Task<String> t = createTask(cancelledAtSleep0(log));
        await(sleep(0)); // t is now suspended at its sleep(0)
        t.cancel();
        try {
            await(t);
        } catch (CancellationException expected) {
            return Coroutine.returning(t.cancelled());
        }
        return Coroutine.returning(false);
    }

    @Test
    void a_task_cancelled_at_sleep_0_raises_there() {
        List<String> log = new ArrayList<>();
        assertThat(loop.runUntilComplete(cancelWhileYielding(log))).isTrue();
        assertThat(log).containsExactly("cancelled at the await");
    }

    @Test
    void a_sleep_0_made_outside_the_loop_runs_in_it() {
        Coroutine<Void> c = sleep(0); // no loop runs here: nothing is lent
        assertThat(loop.runUntilComplete(c)).isNull();
    }
}
