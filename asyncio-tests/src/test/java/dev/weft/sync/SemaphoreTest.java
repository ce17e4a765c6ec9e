package dev.weft.sync;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.gather;
import static dev.weft.Weft.gatherReturnExceptions;
import static dev.weft.Weft.getRunningLoop;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.waitFor;
import static dev.weft.sync.Sync.waiters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.weft.Async;
import dev.weft.BoundedSemaphore;
import dev.weft.Coroutine;
import dev.weft.Held;
import dev.weft.Semaphore;
import dev.weft.Task;
import dev.weft.junit.AsyncTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CPython 3.13's {@code test_asyncio/test_locks.py}, {@code SemaphoreTests}, as {@code @AsyncTest}s.
 * {@code sem._value} is {@code sem.value()}. Not ported: {@code test_semaphore} ({@code await sem}
 * is a compile error in Java). {@code TaskGroup} is replaced by {@code gather}.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SemaphoreTest {

    @Test
    void test_initial_value_zero() {
        assertThat(new Semaphore(0).locked()).isTrue();
    }

    @AsyncTest(virtualTime = true)
    void test_repr() {
        Semaphore sem = new Semaphore();
        assertThat(sem.toString()).endsWith("[unlocked, value:1]>");
        await(sem.acquire());
        assertThat(sem.toString()).endsWith("[locked]>").doesNotContain("waiters");
        Task<Held> w = createTask(Sync.acquire(sem));
        await(sleep(0));
        assertThat(sem.toString()).contains("waiters:1");
        w.cancel();
        await(gatherReturnExceptions(w)); // ended, as an @AsyncTest asks of every task it starts
        assertThat(w.cancelled()).isTrue();
    }

    @Test
    void test_semaphore_value() {
        assertThatThrownBy(() -> new Semaphore(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Async
    static Coroutine<Boolean> c(Semaphore sem, List<Integer> result, int n) {
        await(sem.acquire());
        result.add(n);
        return Coroutine.returning(true);
    }

    @AsyncTest(virtualTime = true)
    void test_acquire() {
        Semaphore sem = new Semaphore(3);
        List<Integer> result = new ArrayList<>();
        await(sem.acquire());
        await(sem.acquire());
        assertThat(sem.locked()).isFalse();

        Task<Boolean> t1 = createTask(c(sem, result, 1));
        Task<Boolean> t2 = createTask(c(sem, result, 2));
        Task<Boolean> t3 = createTask(c(sem, result, 3));
        await(sleep(0));
        assertThat(result).containsExactly(1);
        assertThat(sem.locked()).isTrue();
        assertThat(waiters(sem)).isEqualTo(2);
        assertThat(sem.value()).isZero();

        Task<Boolean> t4 = createTask(c(sem, result, 4));
        sem.release();
        sem.release();
        assertThat(sem.value()).isZero();

        await(sleep(0));
        assertThat(sem.value()).isZero();
        assertThat(result).hasSize(3);
        assertThat(sem.locked()).isTrue();
        assertThat(waiters(sem)).isEqualTo(1);
        assertThat(sem.value()).isZero();

        assertThat(t1.done()).isTrue();
        assertThat(t1.result()).isTrue();
        List<Task<Boolean>> raceTasks = Arrays.asList(t2, t3, t4);
        assertThat(raceTasks.stream().filter(t -> t.done() && t.result()).count()).isEqualTo(2);

        sem.release();
        await(gather(raceTasks));
    }

    @AsyncTest(virtualTime = true)
    void test_acquire_cancel() {
        Semaphore sem = new Semaphore();
        await(sem.acquire());
        Task<Held> acquire = createTask(Sync.acquire(sem));
        getRunningLoop().callSoon(acquire::cancel);
        try {
            await(acquire);
            fail("not cancelled");
        } catch (CancellationException expected) {
            // as in Python
        }
        assertThat(waiters(sem)).isZero();
    }

    @AsyncTest(virtualTime = true)
    void test_acquire_cancel_before_awoken() {
        Semaphore sem = new Semaphore(0);
        Task<Held> t1 = createTask(Sync.acquire(sem));
        Task<Held> t2 = createTask(Sync.acquire(sem));
        Task<Held> t3 = createTask(Sync.acquire(sem));
        Task<Held> t4 = createTask(Sync.acquire(sem));
        await(sleep(0));

        t1.cancel();
        t2.cancel();
        sem.release();
        await(sleep(0));
        await(sleep(0));
        assertThat((t3.done() ? 1 : 0) + (t4.done() ? 1 : 0)).isEqualTo(1);
        assertThat(t3.done()).isTrue();
        assertThat(t4.done()).isFalse();

        t3.cancel();
        t4.cancel();
        await(sleep(0));
    }

    @AsyncTest(virtualTime = true)
    void test_acquire_hang() {
        Semaphore sem = new Semaphore(0);
        Task<Held> t1 = createTask(Sync.acquire(sem));
        Task<Held> t2 = createTask(Sync.acquire(sem));
        await(sleep(0));

        t1.cancel();
        sem.release();
        await(sleep(0));
        await(sleep(0));
        assertThat(sem.locked()).isTrue();
        assertThat(t2.done()).isTrue();
    }

    @Async
    static Coroutine<Void> noHang1(Semaphore sem, Task<?>[] t2) {
        try (Held held = await(sem.acquire())) {
            await(sleep(0));
        }
        t2[0].cancel();
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> noHang2(Semaphore sem) {
        try (Held held = await(sem.acquire())) {
            fail("c2 got the semaphore");
        }
        return Coroutine.done();
    }

    /** Woken by a release, then cancelled before it ran: the permit is given back, not lost. */
    @AsyncTest(virtualTime = true)
    void test_acquire_no_hang() {
        Semaphore sem = new Semaphore(1);
        Task<?>[] t2 = new Task<?>[1];
        Task<Void> t1 = createTask(noHang1(sem, t2));
        t2[0] = createTask(noHang2(sem));
        List<Object> r = await(gatherReturnExceptions(t1, t2[0]));
        assertThat(r.get(0)).isNull();
        assertThat(r.get(1)).isInstanceOf(CancellationException.class);
        await(waitFor(Sync.acquire(sem), 1.0));
    }

    @Test
    void test_release_not_acquired() {
        BoundedSemaphore sem = new BoundedSemaphore();
        assertThatThrownBy(sem::release).isInstanceOf(IllegalStateException.class)
                .hasMessage("BoundedSemaphore released too many times");
    }

    @AsyncTest(virtualTime = true)
    void test_release_no_waiters() {
        Semaphore sem = new Semaphore();
        await(sem.acquire());
        assertThat(sem.locked()).isTrue();
        sem.release();
        assertThat(sem.locked()).isFalse();
    }

    @Async
    static Coroutine<Void> fifoCoro(Semaphore sem, List<String> result, String tag) {
        await(sem.acquire());
        result.add(tag + "_1");
        await(sleep(0.01));
        sem.release();

        await(sem.acquire());
        result.add(tag + "_2");
        await(sleep(0.01));
        sem.release();
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_acquire_fifo_order() {
        Semaphore sem = new Semaphore(1);
        List<String> result = new ArrayList<>();
        await(gather(fifoCoro(sem, result, "c1"), fifoCoro(sem, result, "c2"), fifoCoro(sem, result, "c3")));
        assertThat(result).containsExactly("c1_1", "c2_1", "c3_1", "c1_2", "c2_2", "c3_2");
    }

    @Async
    static Coroutine<Boolean> fifo2c2(Semaphore sem, List<Integer> result) {
        await(sem.acquire());
        result.add(2);
        sem.release();
        await(sem.acquire());
        result.add(4);
        return Coroutine.returning(true);
    }

    @AsyncTest(virtualTime = true)
    void test_acquire_fifo_order_2() {
        Semaphore sem = new Semaphore(1);
        List<Integer> result = new ArrayList<>();
        Task<Boolean> t1 = createTask(c(sem, result, 1));
        Task<Boolean> t2 = createTask(fifo2c2(sem, result));
        Task<Boolean> t3 = createTask(c(sem, result, 3));
        await(sleep(0));
        sem.release();
        sem.release();
        await(gather(t1, t2, t3));
        assertThat(result).containsExactly(1, 2, 3, 4);
    }

    @AsyncTest(virtualTime = true)
    void test_acquire_fifo_order_3() {
        Semaphore sem = new Semaphore(0);
        List<Integer> result = new ArrayList<>();
        Task<Boolean> t1 = createTask(c(sem, result, 1));
        Task<Boolean> t2 = createTask(c(sem, result, 2));
        Task<Boolean> t3 = createTask(c(sem, result, 3));
        await(sleep(0));
        t1.cancel();
        await(sleep(0));
        sem.release();
        sem.release();
        await(gatherReturnExceptions(t1, t2, t3));
        assertThat(result).containsExactly(2, 3);
    }

    @Async
    static Coroutine<Boolean> fifo4c1(Semaphore sem, List<Integer> result, Task<?>[] t4) {
        assertThat(sem.value()).isZero();
        await(sem.acquire());
        // every waiting task is woken by now
        assertThat(sem.value()).isZero();
        // a fourth task: it runs after c3, not c2
        t4[0] = createTask(fifo4c4(result));
        result.add(1);
        return Coroutine.returning(true);
    }

    @Async
    static Coroutine<Boolean> fifo4c2(Semaphore sem, List<Integer> result) {
        sem.release();
        sem.release();
        sem.release();
        assertThat(sem.value()).isEqualTo(2);
        // locked, because c1 has not woken up yet
        assertThat(sem.locked()).isTrue();
        await(sem.acquire());
        result.add(2);
        return Coroutine.returning(true);
    }

    @Async
    static Coroutine<Boolean> fifo4c3(Semaphore sem, List<Integer> result) {
        await(sem.acquire());
        assertThat(sem.locked()).isTrue();
        result.add(3);
        return Coroutine.returning(true);
    }

    @Async
    static Coroutine<Boolean> fifo4c4(List<Integer> result) {
        result.add(4);
        return Coroutine.returning(true);
    }

    /** A successful acquire wakes every task that had to queue behind it only because of FIFO. */
    @AsyncTest(virtualTime = true)
    void test_acquire_fifo_order_4() {
        Semaphore sem = new Semaphore(0);
        List<Integer> result = new ArrayList<>();
        Task<?>[] t4 = new Task<?>[1];
        Task<Boolean> t1 = createTask(fifo4c1(sem, result, t4));
        Task<Boolean> t2 = createTask(fifo4c2(sem, result));
        Task<Boolean> t3 = createTask(fifo4c3(sem, result));
        await(sleep(0));
        // three tasks are queued, the first has not woken up yet
        assertThat(sem.value()).isEqualTo(2);
        assertThat(waiters(sem)).isEqualTo(3);
        await(sleep(0));
        await(gather(t1, t2, t3, t4[0]));
        assertThat(result).containsExactly(1, 2, 3, 4);
    }

    // ---- Weft's own ----

    @AsyncTest(virtualTime = true)
    void bounded_semaphore_refuses_a_release_beyond_its_value_but_takes_one_back() {
        BoundedSemaphore sem = new BoundedSemaphore(2);
        try (Held a = await(sem.acquire()); Held b = await(sem.acquire())) {
            assertThat(sem.locked()).isTrue();
        }
        assertThat(sem.value()).isEqualTo(2);
        assertThatThrownBy(sem::release).isInstanceOf(IllegalStateException.class);
        assertThat(sem.value()).isEqualTo(2);
    }
}
