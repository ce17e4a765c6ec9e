package dev.weft.sync;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.gatherReturnExceptions;
import static dev.weft.Weft.getRunningLoop;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.waitFor;
import static dev.weft.sync.Sync.run;
import static dev.weft.sync.Sync.waiters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.weft.Async;
import dev.weft.Condition;
import dev.weft.Coroutine;
import dev.weft.Held;
import dev.weft.Lock;
import dev.weft.Task;
import dev.weft.TimeoutException;
import dev.weft.junit.AsyncTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CPython's {@code test_asyncio/test_locks.py}, {@code ConditionTests} (3.13), as {@code @AsyncTest}s.
 * Python's {@code wait()}, {@code wait_for(p)}, {@code notify(n)}, {@code notify_all()} are
 * {@code waitSignal()}, {@code waitUntil(p)}, {@code signal(n)}, {@code signalAll()}.
 * {@code asyncio.timeout(0.01)} is {@code waitFor(..., 0.01)}.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConditionTest {

    @Async
    static Coroutine<Boolean> c(Condition cond, List<Integer> result, int n, boolean releaseAfter) {
        await(cond.acquire());
        await(cond.waitSignal());
        result.add(n);
        if (releaseAfter) {
            cond.release();
        }
        return Coroutine.returning(true);
    }

    @AsyncTest(virtualTime = true)
    void test_wait() {
        Condition cond = new Condition();
        List<Integer> result = new ArrayList<>();
        Task<Boolean> t1 = createTask(c(cond, result, 1, false));
        Task<Boolean> t2 = createTask(c(cond, result, 2, false));
        Task<Boolean> t3 = createTask(c(cond, result, 3, false));
        await(sleep(0));
        assertThat(result).isEmpty();
        assertThat(cond.locked()).isFalse();

        await(cond.acquire());
        cond.signal();
        await(sleep(0));
        assertThat(result).isEmpty();
        assertThat(cond.locked()).isTrue();

        cond.release();
        await(sleep(0));
        assertThat(result).containsExactly(1);
        assertThat(cond.locked()).isTrue();

        cond.signal(2);
        await(sleep(0));
        assertThat(result).containsExactly(1);
        assertThat(cond.locked()).isTrue();

        cond.release();
        await(sleep(0));
        assertThat(result).containsExactly(1, 2);
        assertThat(cond.locked()).isTrue();

        cond.release();
        await(sleep(0));
        assertThat(result).containsExactly(1, 2, 3);
        assertThat(cond.locked()).isTrue();

        assertThat(t1.done() && t2.done() && t3.done()).isTrue();
        assertThat(t1.result() && t2.result() && t3.result()).isTrue();
    }

    @AsyncTest(virtualTime = true)
    void test_wait_cancel() {
        Condition cond = new Condition();
        await(cond.acquire());
        Task<Void> wait = createTask(Sync.awaiting(cond.waitSignal()));
        getRunningLoop().callSoon(wait::cancel);
        try {
            await(wait);
            fail("not cancelled");
        } catch (CancellationException expected) {
            // as in Python
        }
        assertThat(waiters(cond)).isZero();
        assertThat(cond.locked()).isTrue();
    }

    @AsyncTest(virtualTime = true)
    void test_wait_cancel_contested() {
        Condition cond = new Condition();
        await(cond.acquire());
        assertThat(cond.locked()).isTrue();

        Task<Void> waitTask = createTask(Sync.awaiting(cond.waitSignal()));
        await(sleep(0));
        assertThat(cond.locked()).isFalse();

        // notify, but contest the lock before cancelling
        await(cond.acquire());
        assertThat(cond.locked()).isTrue();
        cond.signal();
        getRunningLoop().callSoon(waitTask::cancel);
        getRunningLoop().callSoon(cond::release);
        try {
            await(waitTask);
        } catch (CancellationException e) {
            // should not happen, since no cancellation points: tolerated, as in Python
        }
        assertThat(cond.locked()).isTrue();
    }

    @Async
    static Coroutine<Void> waitOnCond(Condition cond, boolean[] waited) {
        try (Held held = await(cond.acquire())) {
            waited[0] = true;
            await(cond.waitSignal());
        }
        return Coroutine.done();
    }

    /** bpo-32841. */
    @AsyncTest(virtualTime = true)
    void test_wait_cancel_after_notify() {
        boolean[] waited = {false};
        Condition cond = new Condition();
        Task<Void> waiter = createTask(waitOnCond(cond, waited));
        await(sleep(0)); // start waiting

        await(cond.acquire());
        cond.signal();
        await(sleep(0)); // get to acquire()
        waiter.cancel();
        await(sleep(0)); // activate cancellation
        cond.release();
        await(sleep(0)); // cancellation should occur

        assertThat(waiter.cancelled()).isTrue();
        assertThat(waited[0]).isTrue();
    }

    @AsyncTest(virtualTime = true)
    void test_wait_unacquired() {
        Condition cond = new Condition();
        try {
            await(cond.waitSignal());
            fail("no error");
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("cannot wait on un-acquired lock");
        }
    }

    @Async
    static Coroutine<Boolean> waitForPredicate(Condition cond, boolean[] presult, List<Integer> result) {
        await(cond.acquire());
        await(cond.waitUntil(() -> presult[0]));
        result.add(1);
        cond.release();
        return Coroutine.returning(true);
    }

    @AsyncTest(virtualTime = true)
    void test_wait_for() {
        Condition cond = new Condition();
        boolean[] presult = {false};
        List<Integer> result = new ArrayList<>();
        Task<Boolean> t = createTask(waitForPredicate(cond, presult, result));
        await(sleep(0));
        assertThat(result).isEmpty();

        await(cond.acquire());
        cond.signal();
        cond.release();
        await(sleep(0));
        assertThat(result).isEmpty();

        presult[0] = true;
        await(cond.acquire());
        cond.signal();
        cond.release();
        await(sleep(0));
        assertThat(result).containsExactly(1);
        assertThat(t.done()).isTrue();
        assertThat(t.result()).isTrue();
    }

    @AsyncTest(virtualTime = true)
    void test_wait_for_unacquired() {
        Condition cond = new Condition();
        // the predicate can be true at once
        await(cond.waitUntil(() -> true));
        try {
            await(cond.waitUntil(() -> false));
            fail("no error");
        } catch (IllegalStateException expected) {
            // as in Python
        }
    }

    @AsyncTest(virtualTime = true)
    void test_notify() {
        Condition cond = new Condition();
        List<Integer> result = new ArrayList<>();
        Task<Boolean> t1 = createTask(c(cond, result, 1, true));
        Task<Boolean> t2 = createTask(c(cond, result, 2, true));
        Task<Boolean> t3 = createTask(c(cond, result, 3, true));
        await(sleep(0));
        assertThat(result).isEmpty();

        await(cond.acquire());
        cond.signal(1);
        cond.release();
        await(sleep(0));
        assertThat(result).containsExactly(1);

        await(cond.acquire());
        cond.signal(1);
        cond.signal(2048);
        cond.release();
        await(sleep(0));
        assertThat(result).containsExactly(1, 2, 3);
        assertThat(t1.done() && t2.done() && t3.done()).isTrue();
        assertThat(t1.result() && t2.result() && t3.result()).isTrue();
    }

    @AsyncTest(virtualTime = true)
    void test_notify_all() {
        Condition cond = new Condition();
        List<Integer> result = new ArrayList<>();
        Task<Boolean> t1 = createTask(c(cond, result, 1, true));
        Task<Boolean> t2 = createTask(c(cond, result, 2, true));
        await(sleep(0));
        assertThat(result).isEmpty();

        await(cond.acquire());
        cond.signalAll();
        cond.release();
        await(sleep(0));
        assertThat(result).containsExactly(1, 2);
        assertThat(t1.done() && t2.done()).isTrue();
    }

    @Test
    void test_notify_unacquired() {
        Condition cond = new Condition();
        assertThatThrownBy(cond::signal).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void test_notify_all_unacquired() {
        Condition cond = new Condition();
        assertThatThrownBy(cond::signalAll).isInstanceOf(IllegalStateException.class);
    }

    /** Waits on the condition (whose lock the caller holds), and releases the lock it gets back on the way out. */
    @Async
    static Coroutine<Void> waitReleasing(Condition cond) {
        try {
            await(cond.waitSignal());
        } finally {
            cond.release();
        }
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_repr() {
        Condition cond = new Condition();
        assertThat(cond.toString()).contains("unlocked");
        await(cond.acquire());
        assertThat(cond.toString()).contains("[locked]");
        Task<Void> w1 = createTask(waitReleasing(cond));
        await(sleep(0));
        assertThat(cond.toString()).contains("waiters:1");
        await(cond.acquire());
        Task<Void> w2 = createTask(waitReleasing(cond));
        await(sleep(0));
        assertThat(cond.toString()).contains("waiters:2");
        w1.cancel();
        w2.cancel();
        await(gatherReturnExceptions(w1, w2)); // ended, as an @AsyncTest asks of every task it starts
        assertThat(w1.cancelled() && w2.cancelled()).isTrue();
    }

    @AsyncTest(virtualTime = true)
    void test_context_manager() {
        Condition cond = new Condition();
        assertThat(cond.locked()).isFalse();
        try (Held held = await(cond.acquire())) {
            assertThat(cond.locked()).isTrue();
        }
        assertThat(cond.locked()).isFalse();
    }

    @Async
    static Coroutine<Void> explicit(Lock lock, Condition cond) {
        if (lock == null) {
            lock = new Lock();
        }
        if (cond == null) {
            cond = new Condition(lock);
        }
        assertThat(cond.lock()).isSameAs(lock);
        assertThat(lock.locked()).isFalse();
        assertThat(cond.locked()).isFalse();
        try (Held held = await(cond.acquire())) {
            assertThat(lock.locked()).isTrue();
            assertThat(cond.locked()).isTrue();
        }
        assertThat(lock.locked()).isFalse();
        assertThat(cond.locked()).isFalse();
        try (Held held = await(lock.acquire())) {
            assertThat(lock.locked()).isTrue();
            assertThat(cond.locked()).isTrue();
        }
        assertThat(lock.locked()).isFalse();
        assertThat(cond.locked()).isFalse();
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_explicit_lock() {
        await(explicit(null, null));
        await(explicit(new Lock(), null));
        Lock lock = new Lock();
        await(explicit(lock, new Condition(lock)));
    }

    @Async
    static Coroutine<Void> bindLock(Lock lock) {
        await(lock.acquire());
        lock.release();
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> bindCondition(Condition cond) {
        try (Held held = await(cond.acquire())) {
            cond.signal(); // binds the condition to this loop, as Python's _get_loop() would
        }
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> wrongLoopInLock(Lock lock) {
        try (Held held = await(lock.acquire())) {
            // acquired at once through the fast path, without the loop
            Condition cond = new Condition(lock);
            try {
                await(cond.acquire());
                fail("no error");
            } catch (IllegalStateException expected) {
                assertThat(expected).hasMessageContaining("is bound to a different event loop");
            }
        }
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> wrongLoopInCond(Condition cond) {
        try (Held held = await(cond.acquire())) {
            try {
                await(cond.waitSignal());
                fail("no error");
            } catch (IllegalStateException expected) {
                assertThat(expected).hasMessageContaining("is bound to a different event loop");
            }
        }
        return Coroutine.done();
    }

    /** Python sets {@code _loop} by hand; here the other loop is the one of an earlier run. */
    @Test
    void test_ambiguous_loops() {
        Lock lock = new Lock();
        run(bindLock(lock));
        run(wrongLoopInLock(lock));
        Condition cond = new Condition(new Lock());
        run(bindCondition(cond));
        run(wrongLoopInCond(cond));
    }

    @AsyncTest(virtualTime = true)
    void test_timeout_in_block() {
        Condition condition = new Condition();
        try (Held held = await(condition.acquire())) {
            try {
                await(waitFor(condition.waitSignal(), 0.5));
                fail("no timeout");
            } catch (TimeoutException expected) {
                assertThat(condition.locked()).isTrue();
            }
        }
        assertThat(condition.locked()).isFalse();
    }

    @Async
    static Coroutine<Void> cancelledFunc(Condition cond, boolean[] wake, CancellationException[] raised) {
        try (Held held = await(cond.acquire())) {
            try {
                await(cond.waitUntil(() -> wake[0]));
                fail("not cancelled");
            } catch (CancellationException err) {
                assertThat(cond.locked()).isTrue();
                raised[0] = err;
                throw err;
            }
        }
        return Coroutine.done();
    }

    /** A cancellation received while waiting for the wakeup is re-raised unmodified. */
    @AsyncTest(virtualTime = true)
    void test_cancelled_error_wakeup() {
        boolean[] wake = {false};
        CancellationException[] raised = {null};
        Condition cond = new Condition();
        Task<Void> task = createTask(cancelledFunc(cond, wake, raised));
        await(sleep(0));
        task.cancel("foo");
        try {
            await(task);
            fail("not cancelled");
        } catch (CancellationException err) {
            assertThat(err).hasMessage("foo");
            assertThat(err).isSameAs(raised[0]);
        }
    }

    /** A cancellation received while re-acquiring the lock is re-raised unmodified. */
    @AsyncTest(virtualTime = true)
    void test_cancelled_error_re_aquire() {
        boolean[] wake = {false};
        CancellationException[] raised = {null};
        Condition cond = new Condition();
        Task<Void> task = createTask(cancelledFunc(cond, wake, raised));
        await(sleep(0));
        await(cond.acquire());
        wake[0] = true;
        cond.signal();
        await(sleep(0));
        // the task now tries to re-acquire the lock: cancel it there
        task.cancel("foo");
        cond.release();
        try {
            await(task);
            fail("not cancelled");
        } catch (CancellationException err) {
            assertThat(err).hasMessage("foo");
            assertThat(err).isSameAs(raised[0]);
        }
    }

    @Async
    static Coroutine<Void> consumer(Condition condition, int[] state) {
        try (Held held = await(condition.acquire())) {
            while (true) {
                await(condition.waitUntil(() -> state[0] != 0));
                if (state[0] < 0) {
                    return Coroutine.done();
                }
                state[0]--;
            }
        }
    }

    /** Cancelled while waiting to run after notify(1): the wakeup passes to the other consumer, not lost. */
    @AsyncTest(virtualTime = true)
    void test_cancelled_wakeup() {
        await(cancelledWakeup(false));
    }

    /** Cancelled while re-acquiring the lock after notify(1): the wakeup is not lost either. */
    @AsyncTest(virtualTime = true)
    void test_cancelled_wakeup_relock() {
        await(cancelledWakeup(true));
    }

    @Async
    static Coroutine<Void> cancelledWakeup(boolean relock) {
        Condition condition = new Condition();
        int[] state = {0};
        List<Task<Void>> c = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            c.add(createTask(consumer(condition, state)));
        }
        await(sleep(0));
        try (Held held = await(condition.acquire())) {
            state[0]++;
            condition.signal(1);
            if (relock) {
                await(sleep(0)); // the target wakes up and settles on re-acquiring the lock
            }
            c.get(0).cancel();
            try {
                await(waitFor(condition.waitUntil(() -> state[0] == 0), 0.01));
            } catch (TimeoutException e) {
                // checked below
            }
            assertThat(state[0]).isZero();
            state[0] = -1;
            condition.signalAll();
        }
        await(c.get(1));
        return Coroutine.done();
    }
}
