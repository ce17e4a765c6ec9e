package dev.weft.sync;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.getRunningLoop;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.toThread;
import static dev.weft.Weft.waitFor;
import static dev.weft.sync.Sync.run;
import static dev.weft.sync.Sync.waiters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.weft.Async;
import dev.weft.Awaitable;
import dev.weft.Coroutine;
import dev.weft.Future;
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
 * CPython's {@code test_asyncio/test_locks.py}, {@code LockTests}, as {@code @AsyncTest}s. Not ported:
 * {@code test_lock} and {@code test_lock_by_with_statement} ({@code await lock} is a TypeError in
 * Python, a compile error in Java), {@code test_lock_doesnt_accept_loop_parameter} (no such
 * constructor). Then Weft's own: ownership, the allocation-free fast path, threads and loops.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LockTest {

    @AsyncTest(virtualTime = true)
    void test_repr() {
        Lock lock = new Lock();
        assertThat(lock.toString()).endsWith("[unlocked]>");
        await(lock.acquire());
        assertThat(lock.toString()).endsWith("[locked]>");
    }

    @AsyncTest(virtualTime = true)
    void test_acquire() {
        Lock lock = new Lock();
        List<Integer> result = new ArrayList<>();
        assertThat(await(lock.acquire())).isNotNull();

        Task<Boolean> t1 = createTask(c(lock, result, 1));
        Task<Boolean> t2 = createTask(c(lock, result, 2));
        await(sleep(0));
        assertThat(result).isEmpty();

        lock.release();
        await(sleep(0));
        assertThat(result).containsExactly(1);

        await(sleep(0));
        assertThat(result).containsExactly(1);

        Task<Boolean> t3 = createTask(c(lock, result, 3));
        lock.release();
        await(sleep(0));
        assertThat(result).containsExactly(1, 2);

        lock.release();
        await(sleep(0));
        assertThat(result).containsExactly(1, 2, 3);

        assertThat(t1.done()).isTrue();
        assertThat(t1.result()).isTrue();
        assertThat(t2.done()).isTrue();
        assertThat(t2.result()).isTrue();
        assertThat(t3.done()).isTrue();
        assertThat(t3.result()).isTrue();
    }

    @Async
    static Coroutine<Boolean> c(Lock lock, List<Integer> result, int n) {
        await(lock.acquire());
        result.add(n);
        return Coroutine.returning(true);
    }

    @AsyncTest(virtualTime = true)
    void test_acquire_cancel() {
        Lock lock = new Lock();
        await(lock.acquire());
        Task<Held> task = createTask(Sync.acquire(lock));
        getRunningLoop().callSoon(task::cancel);
        try {
            await(task);
            fail("the acquire was not cancelled");
        } catch (CancellationException expected) {
            // as in Python
        }
        assertThat(waiters(lock)).isZero();
    }

    @Async
    static Coroutine<Void> lockit(Lock lock, Future<Void> blocker) {
        await(lock.acquire());
        try {
            if (blocker != null) {
                await(blocker);
            }
        } finally {
            lock.release();
        }
        return Coroutine.done();
    }

    /** A holds the lock, B and C wait; B is cancelled as A releases: C must get the lock. */
    @AsyncTest(virtualTime = true)
    void test_cancel_race() {
        Lock lock = new Lock();
        Future<Void> fa = getRunningLoop().createFuture();
        Task<Void> ta = createTask(lockit(lock, fa));
        await(sleep(0));
        assertThat(lock.locked()).isTrue();
        Task<Void> tb = createTask(lockit(lock, null));
        await(sleep(0));
        assertThat(waiters(lock)).isEqualTo(1);
        Task<Void> tc = createTask(lockit(lock, null));
        await(sleep(0));
        assertThat(waiters(lock)).isEqualTo(2);

        fa.setResult(null);
        tb.cancel();
        await(sleep(0));
        assertThat(lock.locked()).isFalse();
        assertThat(ta.done()).isTrue();
        assertThat(tb.cancelled()).isTrue();
        await(tc);
    }

    @Async
    static Coroutine<Void> countedLockit(Lock lock, int[] counts) {
        counts[1]++;
        await(lock.acquire());
        counts[0]++;
        return Coroutine.done();
    }

    /** bpo-32734: cancelling the second of three waiters as the lock is released must not let two take it. */
    @AsyncTest(virtualTime = true)
    void test_cancel_release_race() {
        Lock lock = new Lock();
        int[] counts = new int[2]; // lock_count, call_count
        await(lock.acquire());
        Task<Void> t1 = createTask(countedLockit(lock, counts));
        Task<Void> t2 = createTask(countedLockit(lock, counts));
        Task<Void> t3 = createTask(countedLockit(lock, counts));
        await(sleep(0));

        getRunningLoop().callSoon(() -> {
            t1.cancel();
            lock.release();
        });
        try {
            await(t1);
            fail("t1 was not cancelled");
        } catch (CancellationException expected) {
            // as in Python
        }
        assertThat(counts[0]).isEqualTo(1);
        assertThat(counts[1]).isEqualTo(3);
        assertThat(t1.cancelled() && t2.done()).isTrue();

        t3.cancel();
        await(sleep(0));
        assertThat(t3.cancelled()).isTrue();
    }

    @AsyncTest(virtualTime = true)
    void test_finished_waiter_cancelled() {
        Lock lock = new Lock();
        await(lock.acquire());
        assertThat(lock.locked()).isTrue();

        Task<Held> tb = createTask(Sync.acquire(lock));
        await(sleep(0));
        assertThat(waiters(lock)).isEqualTo(1);

        Task<Held> tc = createTask(Sync.acquire(lock));
        tb.cancel();
        lock.release();
        await(sleep(0));
        assertThat(lock.locked()).isTrue();
        assertThat(tb.cancelled()).isTrue();
        await(tc);
    }

    @AsyncTest(virtualTime = true)
    void test_release_not_acquired() {
        Lock lock = new Lock();
        assertThatThrownBy(lock::release).isInstanceOf(IllegalStateException.class).hasMessage("Lock is not acquired");
    }

    @AsyncTest(virtualTime = true)
    void test_release_no_waiters() {
        Lock lock = new Lock();
        await(lock.acquire());
        assertThat(lock.locked()).isTrue();
        lock.release();
        assertThat(lock.locked()).isFalse();
    }

    @AsyncTest(virtualTime = true)
    void test_context_manager() {
        Lock lock = new Lock();
        assertThat(lock.locked()).isFalse();
        try (Held held = await(lock.acquire())) {
            assertThat(lock.locked()).isTrue();
        }
        assertThat(lock.locked()).isFalse();
    }

    // ---- Weft's own ----

    @Async
    static Coroutine<Void> holdWhile(Lock lock, List<String> log, String name, double seconds) {
        try (Held held = await(lock.acquire())) {
            log.add(name + " in");
            await(sleep(seconds));
            log.add(name + " out");
        }
        return Coroutine.done();
    }

    /** FIFO: the waiters get the lock in arrival order; never two inside. */
    @AsyncTest(virtualTime = true)
    void fifo_order_and_mutual_exclusion() {
        List<String> log = await(fifo());
        assertThat(log).containsExactly("a in", "a out", "b in", "b out", "c in", "c out", "d in", "d out");
    }

    @Async
    static Coroutine<List<String>> fifo() {
        Lock lock = new Lock();
        List<String> log = new ArrayList<>();
        List<Task<Void>> tasks = new ArrayList<>();
        for (String name : new String[] {"a", "b", "c", "d"}) {
            tasks.add(createTask(holdWhile(lock, log, name, 0.5)));
        }
        await(dev.weft.Weft.gather(tasks));
        assertThat(lock.locked()).isFalse();
        return Coroutine.returning(log);
    }

    @Async
    static Coroutine<Void> failInside(Lock lock) {
        try (Held held = await(lock.acquire())) {
            await(sleep(0.1));
            throw new IllegalArgumentException("boom");
        }
    }

    @AsyncTest(virtualTime = true)
    void try_with_resources_releases_on_exception_and_cancellation() {
        Lock lock = new Lock();
        try {
            await(failInside(lock));
            fail("no exception");
        } catch (IllegalArgumentException expected) {
            assertThat(lock.locked()).isFalse();
        }
        Task<Void> holder = createTask(holdWhile(lock, new ArrayList<>(), "x", 10));
        await(sleep(1));
        assertThat(lock.locked()).isTrue();
        holder.cancel();
        await(sleep(0));
        assertThat(holder.cancelled()).isTrue();
        assertThat(lock.locked()).isFalse();
    }

    @Async
    static Coroutine<String> releaseFromOtherTask(Lock lock) {
        try {
            lock.release();
            return Coroutine.returning("released");
        } catch (IllegalStateException e) {
            return Coroutine.returning(e.getMessage());
        }
    }

    /** CPython's test_lock_release_from_another_task: any task may release, as a plain callback may. */
    @AsyncTest(virtualTime = true)
    void test_lock_release_from_another_task() {
        Lock lock = new Lock();
        await(lock.acquire());
        assertThat(await(createTask(releaseFromOtherTask(lock)))).isEqualTo("released");
        assertThat(lock.locked()).isFalse();
        // still an error when not locked
        assertThat(await(createTask(releaseFromOtherTask(lock)))).isEqualTo("Lock is not acquired");
        // a plain callback may release
        await(lock.acquire());
        getRunningLoop().callSoon(lock::release);
        await(sleep(0));
        assertThat(lock.locked()).isFalse();
    }

    /** As in Python, nothing happens at the call: an acquire() never awaited does not take the lock. */
    @AsyncTest(virtualTime = true)
    void acquire_never_awaited_does_not_take_the_lock() {
        Lock lock = new Lock();
        await(lock.acquire());
        lock.release();
        Coroutine<Held> forgotten = lock.acquire();
        assertThat(lock.locked()).isFalse();
        Coroutine<Held> second = lock.acquire();
        assertThat(lock.locked()).isFalse();
        try (Held held = await(second)) {
            assertThat(lock.locked()).isTrue();
        }
        assertThat(lock.locked()).isFalse();
        // awaited late, the forgotten call acquires then, like a Python coroutine
        await(forgotten);
        assertThat(lock.locked()).isTrue();
        lock.release();
    }

    /** {@code wait_for(lock.acquire(), 0)} times out before the acquire runs: the lock stays free. */
    @AsyncTest(virtualTime = true)
    void waitFor_acquire_with_timeout_0_raises_TimeoutException_and_the_lock_stays_free() {
        Lock lock = new Lock();
        await(lock.acquire());
        lock.release(); // now bound, and acquire() gives its allocation-free coroutine
        try {
            await(waitFor(lock.acquire(), 0));
            throw new AssertionError("waitFor(lock.acquire(), 0) returned");
        } catch (TimeoutException e) {
            assertThat(lock.locked()).isFalse();
        }
    }

    /** A coroutine runs once (Python's "cannot reuse already awaited coroutine"), the uncontended one too. */
    @AsyncTest(virtualTime = true)
    void an_acquire_awaited_twice_is_refused() {
        Lock lock = new Lock();
        await(lock.acquire());
        lock.release();
        Coroutine<Held> acquiring = lock.acquire();
        await(acquiring);
        lock.release();
        try {
            await(acquiring);
            throw new AssertionError("awaited twice");
        } catch (IllegalStateException e) {
            assertThat(e).hasMessageContaining("cannot reuse already awaited coroutine");
        }
        assertThat(lock.locked()).isFalse();
    }

    @Test
    void from_another_thread_it_names_the_thread_safe_doors() {
        String message = dev.weft.Weft.run(foreignThread()); // real clock: another thread is involved
        assertThat(message).contains("callSoonThreadsafe").contains("runCoroutineThreadsafe");
    }

    @Async
    static Coroutine<String> foreignThread() {
        Lock lock = new Lock();
        await(lock.acquire());
        String message = await(toThread(() -> {
            try {
                lock.release();
                return "released from another thread";
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        }));
        assertThat(lock.locked()).isTrue();
        lock.release();
        return Coroutine.returning(message);
    }

    @Async
    static Coroutine<Void> acquireAndKeep(Lock lock) {
        await(lock.acquire());
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> waitOnLock(Lock lock) {
        await(lock.acquire());
        return Coroutine.done();
    }

    /** Bound to the loop of its first use: another loop may not wait on it (CPython's RuntimeError). */
    @Test
    void waiting_on_another_loop_is_refused() {
        Lock lock = new Lock();
        run(acquireAndKeep(lock));
        assertThat(lock.locked()).isTrue();
        assertThatThrownBy(() -> run(waitOnLock(lock)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bound to a different event loop");
    }
}
