package dev.weft.sync;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.getRunningLoop;
import static dev.weft.Weft.sleep;
import static dev.weft.sync.Sync.waiters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Event;
import dev.weft.Task;
import dev.weft.junit.AsyncTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Timeout;

/** CPython's {@code test_asyncio/test_locks.py}, {@code EventTests}, as {@code @AsyncTest}s. Python's {@code ev.wait()} is {@code ev.waitSet()}. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EventTest {

    @AsyncTest(virtualTime = true)
    void test_repr() {
        Event ev = new Event();
        assertThat(ev.toString()).endsWith("[unset]>");
        ev.set();
        assertThat(ev.toString()).endsWith("[set]>");
        ev.clear();
        Task<Void> t = createTask(Sync.awaiting(ev.waitSet()));
        await(sleep(0));
        assertThat(ev.toString()).endsWith("[unset, waiters:1]>");
        t.cancel();
        try {
            await(t);
            fail("not cancelled");
        } catch (CancellationException expected) {
            // ended, as an @AsyncTest asks of every task it starts
        }
    }

    @Async
    static Coroutine<Boolean> c(Event ev, List<Integer> result, int n) {
        await(ev.waitSet());
        result.add(n);
        return Coroutine.returning(true);
    }

    @AsyncTest(virtualTime = true)
    void test_wait() {
        Event ev = new Event();
        assertThat(ev.isSet()).isFalse();
        List<Integer> result = new ArrayList<>();
        Task<Boolean> t1 = createTask(c(ev, result, 1));
        Task<Boolean> t2 = createTask(c(ev, result, 2));
        await(sleep(0));
        assertThat(result).isEmpty();

        Task<Boolean> t3 = createTask(c(ev, result, 3));
        ev.set();
        await(sleep(0));
        assertThat(result).containsExactly(3, 1, 2);

        assertThat(t1.done()).isTrue();
        assertThat(t1.result()).isTrue();
        assertThat(t2.done()).isTrue();
        assertThat(t3.done()).isTrue();
    }

    @AsyncTest(virtualTime = true)
    void test_wait_on_set() {
        Event ev = new Event();
        ev.set();
        await(ev.waitSet());
        assertThat(ev.isSet()).isTrue();
    }

    @AsyncTest(virtualTime = true)
    void test_wait_cancel() {
        Event ev = new Event();
        Task<Void> wait = createTask(Sync.awaiting(ev.waitSet()));
        getRunningLoop().callSoon(wait::cancel);
        try {
            await(wait);
            fail("not cancelled");
        } catch (CancellationException expected) {
            // as in Python
        }
        assertThat(waiters(ev)).isZero();
    }

    @AsyncTest(virtualTime = true)
    void test_clear() {
        Event ev = new Event();
        assertThat(ev.isSet()).isFalse();
        ev.set();
        assertThat(ev.isSet()).isTrue();
        ev.clear();
        assertThat(ev.isSet()).isFalse();
    }

    /** set() then clear() at once still wakes the waiter already waiting. */
    @AsyncTest(virtualTime = true)
    void test_clear_with_waiters() {
        Event ev = new Event();
        List<Integer> result = new ArrayList<>();
        Task<Boolean> t = createTask(c(ev, result, 1));
        await(sleep(0));
        assertThat(result).isEmpty();

        ev.set();
        ev.clear();
        assertThat(ev.isSet()).isFalse();

        ev.set();
        ev.set();
        assertThat(waiters(ev)).isEqualTo(1);

        await(sleep(0));
        assertThat(result).containsExactly(1);
        assertThat(waiters(ev)).isZero();
        assertThat(t.done()).isTrue();
        assertThat(t.result()).isTrue();
    }

    /** The brief's case, without the second set(): set then clear wakes every waiter, and a later wait blocks again. */
    @AsyncTest(virtualTime = true)
    void set_then_clear_wakes_the_waiters_already_waiting() {
        Event ev = new Event();
        List<Integer> result = new ArrayList<>();
        Task<Boolean> t1 = createTask(c(ev, result, 1));
        Task<Boolean> t2 = createTask(c(ev, result, 2));
        await(sleep(0));
        ev.set();
        ev.clear();
        Task<Boolean> late = createTask(c(ev, result, 3));
        await(sleep(1));
        assertThat(result).containsExactly(1, 2);
        assertThat(t1.done() && t2.done()).isTrue();
        assertThat(late.done()).isFalse();
        ev.set();
        await(late);
        assertThat(result).containsExactly(1, 2, 3);
    }
}
