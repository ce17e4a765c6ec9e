package dev.weft.sync;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.gather;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.waitTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.weft.Async;
import dev.weft.Barrier;
import dev.weft.BrokenBarrierError;
import dev.weft.Coroutine;
import dev.weft.Task;
import dev.weft.junit.AsyncTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CPython's {@code test_asyncio/test_locks.py}, {@code BarrierTests} (Python 3.11+), as Weft
 * coroutines, with N = 5. Python's {@code barrier.wait()} (and {@code async with barrier as i})
 * is {@code barrier.arriveAndWait()}, {@code n_waiting} is {@code nWaiting()}. Not ported:
 * {@code test_barrier} ({@code await barrier} is a compile error in Java). In
 * {@code test_reset_barrier_when_tasks_half_draining}, the private {@code _count} (tasks not yet
 * out of the barrier) is {@code N} minus the tasks counted out.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BarrierTest {
    static final int N = 5;

    @Async
    static Coroutine<Integer> arrive(Barrier barrier) {
        return Coroutine.returning(await(barrier.arriveAndWait()));
    }

    @Async
    static Coroutine<Void> reset(Barrier barrier) {
        await(barrier.reset());
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> abort(Barrier barrier) {
        await(barrier.abort());
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_repr() {
        Barrier barrier = new Barrier(N);
        assertThat(barrier.toString()).contains("filling");
        List<Task<Integer>> waiters = new ArrayList<>();
        int incr = 2;
        for (int i = 0; i < incr; i++) {
            waiters.add(createTask(arrive(barrier)));
        }
        await(sleep(0));
        assertThat(barrier.toString()).contains("waiters:" + incr + "/" + N).contains("filling");

        // the missing waiters
        for (int i = barrier.parties() - barrier.nWaiting(); i > 0; i--) {
            waiters.add(createTask(arrive(barrier)));
        }
        await(sleep(0));
        assertThat(barrier.toString()).contains("draining");

        // a part of the waiters, then reset
        for (int i = 0; i < incr; i++) {
            waiters.add(createTask(arrive(barrier)));
        }
        await(sleep(0));
        await(barrier.reset());
        assertThat(barrier.toString()).contains("resetting");

        // a part of the waiters again, then abort
        for (int i = 0; i < incr; i++) {
            waiters.add(createTask(arrive(barrier)));
        }
        await(sleep(0));
        await(barrier.abort());
        assertThat(barrier.toString()).contains("broken");
        assertThat(barrier.broken()).isTrue();
        await(dev.weft.Weft.gatherReturnExceptions(waiters));
    }

    @Test
    void test_barrier_parties() {
        assertThatThrownBy(() -> new Barrier(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Barrier(-4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Barrier(N).parties()).isEqualTo(N);
    }

    @Async
    static Coroutine<Void> appendIndex(Barrier barrier, List<Integer> results) {
        int i = await(barrier.arriveAndWait());
        results.add(i);
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_context_manager() {
        int n = 3;
        Barrier barrier = new Barrier(n);
        List<Integer> results = new ArrayList<>();
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(createTask(appendIndex(barrier, results)));
        }
        await(gather(tasks));
        Collections.sort(results);
        assertThat(results).containsExactly(0, 1, 2);
        assertThat(barrier.nWaiting()).isZero();
        assertThat(barrier.broken()).isFalse();
    }

    @AsyncTest(virtualTime = true)
    void test_filling_one_task() {
        Barrier barrier = new Barrier(1);
        int i = await(barrier.arriveAndWait());
        assertThat(i).isZero();
        assertThat(barrier.nWaiting()).isZero();
        assertThat(barrier.broken()).isFalse();
    }

    @AsyncTest(virtualTime = true)
    void test_filling_one_task_twice() {
        Barrier barrier = new Barrier(1);
        Task<Integer> t1 = createTask(arrive(barrier));
        await(sleep(0));
        assertThat(barrier.nWaiting()).isZero();
        Task<Integer> t2 = createTask(arrive(barrier));
        await(sleep(0));
        assertThat(t1.result()).isEqualTo(t2.result());
        assertThat(t1.done()).isEqualTo(t2.done());
        assertThat(barrier.nWaiting()).isZero();
        assertThat(barrier.broken()).isFalse();
    }

    @AsyncTest(virtualTime = true)
    void test_filling_task_by_task() {
        Barrier barrier = new Barrier(3);
        Task<Integer> t1 = createTask(arrive(barrier));
        await(sleep(0));
        assertThat(barrier.nWaiting()).isEqualTo(1);
        assertThat(barrier.toString()).contains("filling");
        Task<Integer> t2 = createTask(arrive(barrier));
        await(sleep(0));
        assertThat(barrier.nWaiting()).isEqualTo(2);
        assertThat(barrier.toString()).contains("filling");
        Task<Integer> t3 = createTask(arrive(barrier));
        await(sleep(0));
        await(waitTasks(Arrays.asList(t1, t2, t3)));
        assertThat(barrier.nWaiting()).isZero();
        assertThat(barrier.broken()).isFalse();
    }

    @Async
    static Coroutine<Integer> twice(Barrier barrier, List<Boolean> results1, List<Boolean> results2) {
        await(barrier.arriveAndWait());
        results1.add(true);
        int i = await(barrier.arriveAndWait());
        results2.add(false);
        return Coroutine.returning(i);
    }

    @AsyncTest(virtualTime = true)
    void test_filling_tasks_wait_twice() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results = new ArrayList<>();
        List<Task<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            tasks.add(createTask(twice(barrier, results, results)));
        }
        await(gather(tasks));
        assertThat(results).hasSize(2 * N);
        assertThat(Collections.frequency(results, true)).isEqualTo(N);
        assertThat(Collections.frequency(results, false)).isEqualTo(N);
        assertThat(barrier.nWaiting()).isZero();
        assertThat(barrier.broken()).isFalse();
    }

    @AsyncTest(virtualTime = true)
    void test_filling_tasks_check_return_value() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        List<Task<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            tasks.add(createTask(twice(barrier, results1, results2)));
        }
        List<Integer> res = new ArrayList<>(await(gather(tasks)));
        assertThat(results1).hasSize(N);
        assertThat(results2).hasSize(N);
        Collections.sort(res);
        assertThat(res).isEqualTo(IntStream.range(0, N).boxed().collect(Collectors.toList()));
        assertThat(barrier.nWaiting()).isZero();
        assertThat(barrier.broken()).isFalse();
    }

    @Async
    static Coroutine<Void> drainingCoro(Barrier barrier, List<Boolean> results) {
        await(barrier.arriveAndWait());
        // the state goes back to filling when the last task leaves
        results.add(barrier.toString().contains("draining"));
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_draining_state() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results = new ArrayList<>();
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            tasks.add(createTask(drainingCoro(barrier, results)));
        }
        await(gather(tasks));
        assertThat(results).hasSize(N);
        assertThat(results.get(N - 1)).isFalse();
        assertThat(results.subList(0, N - 1)).containsOnly(true);
        assertThat(barrier.nWaiting()).isZero();
        assertThat(barrier.broken()).isFalse();
    }

    @Async
    static Coroutine<Void> blockingCoro(Barrier barrier, Barrier barrierNowaiting, int[] rewaitN) {
        await(barrier.arriveAndWait());
        if (rewaitN[0] > 0) {
            rewaitN[0]--;
            await(barrier.arriveAndWait());
        } else {
            await(barrierNowaiting.arriveAndWait());
            await(barrier.arriveAndWait());
        }
        return Coroutine.done();
    }

    /** Tasks arriving while the barrier drains wait for the next round. */
    @AsyncTest(virtualTime = true)
    void test_blocking_tasks_while_draining() {
        int rewait = 2;
        Barrier barrier = new Barrier(N);
        Barrier barrierNowaiting = new Barrier(N - rewait);
        int[] rewaitN = {rewait};
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            tasks.add(createTask(blockingCoro(barrier, barrierNowaiting, rewaitN)));
        }
        await(gather(tasks));
    }

    @Async
    static Coroutine<Void> appendAfter(Barrier barrier, List<Boolean> results) {
        await(barrier.arriveAndWait());
        results.add(true);
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_filling_tasks_cancel_one() {
        Barrier barrier = new Barrier(3);
        List<Boolean> results = new ArrayList<>();
        Task<Void> t1 = createTask(appendAfter(barrier, results));
        await(sleep(0));
        assertThat(barrier.nWaiting()).isEqualTo(1);
        Task<Void> t2 = createTask(appendAfter(barrier, results));
        await(sleep(0));
        assertThat(barrier.nWaiting()).isEqualTo(2);

        t1.cancel();
        await(sleep(0));
        assertThat(barrier.nWaiting()).isEqualTo(1);
        try {
            await(t1);
            fail("not cancelled");
        } catch (CancellationException expected) {
            assertThat(t1.cancelled()).isTrue();
        }

        Task<Void> t3 = createTask(appendAfter(barrier, results));
        await(sleep(0));
        assertThat(barrier.nWaiting()).isEqualTo(2);
        Task<Void> t4 = createTask(appendAfter(barrier, results));
        await(gather(t2, t3, t4));
        assertThat(results).hasSize(3).containsOnly(true);
        assertThat(barrier.nWaiting()).isZero();
        assertThat(barrier.broken()).isFalse();
    }

    @AsyncTest(virtualTime = true)
    void test_reset_barrier() {
        Barrier barrier = new Barrier(1);
        createTask(reset(barrier));
        await(sleep(0));
        assertThat(barrier.nWaiting()).isZero();
        assertThat(barrier.broken()).isFalse();
    }

    @Async
    static Coroutine<Void> brokenCatcher(Barrier barrier, List<Boolean> results) {
        try {
            await(barrier.arriveAndWait());
        } catch (BrokenBarrierError e) {
            results.add(true);
        }
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_reset_barrier_while_tasks_waiting() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results = new ArrayList<>();
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < N - 1; i++) {
            tasks.add(createTask(brokenCatcher(barrier, results)));
        }
        await(sleep(0));
        createTask(reset(barrier));
        await(gather(tasks));
        assertThat(results).hasSize(N - 1).containsOnly(true);
        assertThat(barrier.nWaiting()).isZero();
        assertThat(barrier.toString()).doesNotContain("resetting");
        assertThat(barrier.broken()).isFalse();
    }

    @Async
    static Coroutine<Void> halfDraining(Barrier barrier, List<Boolean> results1, int restOfTasks, int[] out) {
        try {
            await(barrier.arriveAndWait());
        } catch (BrokenBarrierError e) {
            // the tasks still waiting to drain
            results1.add(true);
            return Coroutine.done();
        }
        // a drained task, outside the barrier: barrier._count is N minus those out
        out[0]++;
        if (restOfTasks == N - out[0]) {
            await(barrier.reset());
        }
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_reset_barrier_when_tasks_half_draining() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        int restOfTasks = N / 2;
        int[] out = {0};
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            tasks.add(createTask(halfDraining(barrier, results1, restOfTasks, out)));
        }
        await(gather(tasks));
        assertThat(results1).isEqualTo(Collections.nCopies(restOfTasks, true));
        assertThat(barrier.nWaiting()).isZero();
        assertThat(barrier.toString()).doesNotContain("resetting");
        assertThat(barrier.broken()).isFalse();
    }

    @Async
    static Coroutine<Void> halfDrainingHalfBlocking(Barrier barrier, List<Boolean> results1, List<Boolean> results2,
            int blockingTasks, int[] count) {
        try {
            await(barrier.arriveAndWait());
        } catch (BrokenBarrierError e) {
            results1.add(true);
            await(barrier.arriveAndWait());
            return Coroutine.done();
        }
        count[0]++;
        if (count[0] > blockingTasks) {
            await(barrier.reset());
            await(barrier.arriveAndWait());
        } else {
            try {
                await(barrier.arriveAndWait());
            } catch (BrokenBarrierError e) {
                results2.add(true);
            }
        }
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_reset_barrier_when_tasks_half_draining_half_blocking() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        int blockingTasks = N / 2;
        int[] count = {0};
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            tasks.add(createTask(halfDrainingHalfBlocking(barrier, results1, results2, blockingTasks, count)));
        }
        await(gather(tasks));
        assertThat(results1).isEqualTo(Collections.nCopies(blockingTasks, true));
        assertThat(results2).isEmpty();
        assertThat(barrier.nWaiting()).isZero();
        assertThat(barrier.toString()).doesNotContain("resetting");
        assertThat(barrier.broken()).isFalse();
    }

    @Async
    static Coroutine<Void> waitingAgain1(Barrier barrier, List<Boolean> results1, List<Boolean> results2) {
        try {
            await(barrier.arriveAndWait());
        } catch (BrokenBarrierError e) {
            results1.add(true);
        } finally {
            await(barrier.arriveAndWait());
            results2.add(true);
        }
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> waitingAgain2(Barrier barrier, List<Boolean> results2) {
        await(barrier.arriveAndWait());
        results2.add(true);
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_reset_barrier_while_tasks_waiting_and_waiting_again() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < N - 1; i++) {
            tasks.add(createTask(waitingAgain1(barrier, results1, results2)));
        }
        createTask(reset(barrier));
        await(sleep(0));
        createTask(waitingAgain2(barrier, results2));
        await(gather(tasks));
        assertThat(barrier.broken()).isFalse();
        assertThat(results1).hasSize(N - 1).containsOnly(true);
        assertThat(results2).hasSize(N).containsOnly(true);
        assertThat(barrier.nWaiting()).isZero();
    }

    @Async
    static Coroutine<Void> drainingReset(Barrier barrier, int[] count, List<Boolean> results1, List<Boolean> results2,
            List<Boolean> results3) {
        await(barrier.arriveAndWait());
        count[0]++;
        if (count[0] == N) {
            // the last task out of the barrier
            await(barrier.reset());
            await(barrier.arriveAndWait());
        } else {
            try {
                await(barrier.arriveAndWait());
                results1.add(true);
            } catch (RuntimeException e) {
                results2.add(true);
            }
        }
        await(barrier.arriveAndWait());
        results3.add(true);
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_reset_barrier_while_tasks_draining() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        List<Boolean> results3 = new ArrayList<>();
        int[] count = {0};
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            tasks.add(createTask(drainingReset(barrier, count, results1, results2, results3)));
        }
        await(gather(tasks));
        assertThat(barrier.broken()).isFalse();
        assertThat(results1).hasSize(N - 1).containsOnly(true);
        assertThat(results2).isEmpty();
        assertThat(results3).hasSize(N).containsOnly(true);
        assertThat(barrier.nWaiting()).isZero();
    }

    @AsyncTest(virtualTime = true)
    void test_abort_barrier() {
        Barrier barrier = new Barrier(1);
        createTask(abort(barrier));
        await(sleep(0));
        assertThat(barrier.nWaiting()).isZero();
        assertThat(barrier.broken()).isTrue();
    }

    @Async
    static Coroutine<Void> abortHalf(Barrier barrier, List<Boolean> results1, List<Boolean> results2, int blockingTasks,
            int[] count) {
        try {
            await(barrier.arriveAndWait());
        } catch (BrokenBarrierError e) {
            results1.add(true);
            return Coroutine.done();
        }
        count[0]++;
        if (count[0] > blockingTasks) {
            await(barrier.abort());
        } else {
            try {
                await(barrier.arriveAndWait());
            } catch (BrokenBarrierError e) {
                results2.add(true);
            }
        }
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_abort_barrier_when_tasks_half_draining_half_blocking() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        int blockingTasks = N / 2;
        int[] count = {0};
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            tasks.add(createTask(abortHalf(barrier, results1, results2, blockingTasks, count)));
        }
        await(gather(tasks));
        assertThat(barrier.broken()).isTrue();
        assertThat(results1).isEqualTo(Collections.nCopies(blockingTasks, true));
        assertThat(results2).isEqualTo(Collections.nCopies(N - blockingTasks - 1, true));
        assertThat(barrier.nWaiting()).isZero();
        assertThat(barrier.toString()).doesNotContain("resetting");
    }

    @Async
    static Coroutine<Void> abortOnException(Barrier barrier, List<Boolean> results1, List<Boolean> results2) {
        try {
            int i = await(barrier.arriveAndWait());
            if (i == N / 2) {
                throw new IllegalArgumentException("RuntimeError");
            }
            await(barrier.arriveAndWait());
            results1.add(true);
        } catch (BrokenBarrierError e) {
            results2.add(true);
        } catch (IllegalArgumentException e) {
            await(barrier.abort());
        }
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_abort_barrier_when_exception() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            tasks.add(createTask(abortOnException(barrier, results1, results2)));
        }
        await(gather(tasks));
        assertThat(barrier.broken()).isTrue();
        assertThat(results1).isEmpty();
        assertThat(results2).hasSize(N - 1).containsOnly(true);
        assertThat(barrier.nWaiting()).isZero();
    }

    @Async
    static Coroutine<Void> abortThenReset(Barrier barrier1, Barrier barrier2, List<Boolean> results1, List<Boolean> results2,
            List<Boolean> results3) {
        try {
            int i = await(barrier1.arriveAndWait());
            if (i == N / 2) {
                throw new IllegalArgumentException("RuntimeError");
            }
            await(barrier1.arriveAndWait());
            results1.add(true);
        } catch (BrokenBarrierError e) {
            results2.add(true);
        } catch (IllegalArgumentException e) {
            await(barrier1.abort());
        }
        // synchronize and reset the barrier: everyone has left it when we reset, nobody enters before
        int i = await(barrier2.arriveAndWait());
        if (i == N / 2) {
            await(barrier1.reset());
        }
        await(barrier2.arriveAndWait());
        await(barrier1.arriveAndWait());
        results3.add(true);
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_abort_barrier_when_exception_then_resetting() {
        Barrier barrier1 = new Barrier(N);
        Barrier barrier2 = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        List<Boolean> results3 = new ArrayList<>();
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            tasks.add(createTask(abortThenReset(barrier1, barrier2, results1, results2, results3)));
        }
        await(gather(tasks));
        assertThat(barrier1.broken()).isFalse();
        assertThat(results1).isEmpty();
        assertThat(results2).hasSize(N - 1).containsOnly(true);
        assertThat(results3).hasSize(N).containsOnly(true);
        assertThat(barrier1.nWaiting()).isZero();
    }

    // ---- Weft's own ----

    @Async
    static Coroutine<Integer> arriveAfter(Barrier barrier, double seconds) {
        await(sleep(seconds));
        return Coroutine.returning(await(barrier.arriveAndWait()));
    }

    /** Arrival indexes follow the order of arrival; nobody passes before the last one arrives. */
    @AsyncTest(virtualTime = true)
    void arrival_index_is_the_order_of_arrival() {
        Barrier barrier = new Barrier(3);
        Task<Integer> late = createTask(arriveAfter(barrier, 3));
        Task<Integer> first = createTask(arriveAfter(barrier, 1));
        Task<Integer> second = createTask(arriveAfter(barrier, 2));
        await(sleep(2.5));
        assertThat(first.done() || second.done()).isFalse();
        assertThat(barrier.nWaiting()).isEqualTo(2);
        assertThat(await(gather(first, second, late))).containsExactly(0, 1, 2);
        assertThat(getRunningLoopTime()).isEqualTo(3.0);
    }

    static double getRunningLoopTime() {
        return dev.weft.Weft.getRunningLoop().time();
    }
}
