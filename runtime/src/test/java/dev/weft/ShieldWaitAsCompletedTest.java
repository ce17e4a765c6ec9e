package dev.weft;

import static dev.weft.Coros.coro;
import static dev.weft.Coros.runBriefly;
import static dev.weft.Coros.sleepThen;
import static dev.weft.Weft.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CPython's {@code test_tasks.py} cases of {@code shield}, {@code wait} ({@code waitTasks}) and {@code as_completed}. */
class ShieldWaitAsCompletedTest {
    private static final Offset<Double> CLOSE = Offset.offset(1e-9);
    private final EventLoop loop = EventLoop.withVirtualClock();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    // ---- shield ----

    @Test
    void test_shield_result() {
        Future<Integer> inner = loop.createFuture();
        Future<Integer> outer = Weft.shield(inner);
        inner.setResult(42);
        assertThat(loop.runUntilComplete(outer)).isEqualTo(42);
    }

    @Test
    void test_shield_exception() {
        Future<Integer> inner = loop.createFuture();
        Future<Integer> outer = Weft.shield(inner);
        runBriefly(loop);
        RuntimeException exc = new RuntimeException("expected");
        inner.setException(exc);
        runBriefly(loop);
        assertThat(outer.exception()).isSameAs(exc);
    }

    @Test
    void test_shield_cancel_inner() {
        Future<Integer> inner = loop.createFuture();
        Future<Integer> outer = Weft.shield(inner);
        runBriefly(loop);
        inner.cancel();
        runBriefly(loop);
        assertThat(outer.cancelled()).isTrue();
    }

    @Test
    void test_shield_cancel_outer() {
        Future<Integer> inner = loop.createFuture();
        Future<Integer> outer = Weft.shield(inner);
        runBriefly(loop);
        outer.cancel();
        runBriefly(loop);
        assertThat(outer.cancelled()).isTrue();
        assertThat(inner.cancelled()).isFalse();
        inner.setResult(1); // the shield let go of it: nothing happens to the cancelled shield
        runBriefly(loop);
        assertThat(outer.cancelled()).isTrue();
    }

    @Test
    void test_shield_shortcut() {
        Future<Integer> fut = loop.createFuture();
        fut.setResult(42);
        assertThat(Weft.shield(fut)).isSameAs(fut);
        assertThat(loop.runUntilComplete(Weft.shield(fut))).isEqualTo(42);
    }

    @Test
    void test_shield_effect() {
        AtomicInteger proof = new AtomicInteger();
        Future<Object> waiter = loop.createFuture();
        Coroutine<Object> inner = coro((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, waiter);
            }
            f.resumeValue();
            proof.addAndGet(1);
            return f.returning(null);
        });
        Task<Object> outer = loop.createTask(coro((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, Weft.shield(inner));
            }
            f.resumeValue();
            proof.addAndGet(100);
            return f.returning(null);
        }));
        runBriefly(loop);
        outer.cancel();
        assertThatThrownBy(() -> loop.runUntilComplete(outer)).isInstanceOf(CancellationException.class);
        waiter.setResult(null);
        runBriefly(loop);
        assertThat(proof.get()).isEqualTo(1);
    }

    @Test
    void test_shield_gather() {
        Future<Integer> child1 = loop.createFuture();
        Future<Integer> child2 = loop.createFuture();
        Future<List<Integer>> parent = Weft.gather(child1, child2);
        Future<List<Integer>> outer = Weft.shield(parent);
        runBriefly(loop);
        outer.cancel();
        runBriefly(loop);
        assertThat(outer.cancelled()).isTrue();
        child1.setResult(1);
        child2.setResult(2);
        runBriefly(loop);
        assertThat(parent.result()).containsExactly(1, 2);
    }

    @Test
    void test_gather_shield() {
        Future<Integer> child1 = loop.createFuture();
        Future<Integer> child2 = loop.createFuture();
        Future<Integer> inner1 = Weft.shield(child1);
        Future<Integer> inner2 = Weft.shield(child2);
        Future<List<Integer>> parent = Weft.gather(inner1, inner2);
        runBriefly(loop);
        parent.cancel();
        runBriefly(loop);
        assertThat(parent.exception()).isInstanceOf(CancellationException.class);
        assertThat(inner1.cancelled()).isTrue();
        assertThat(inner2.cancelled()).isTrue();
        assertThat(child1.cancelled()).isFalse();
        child1.setResult(1);
        child2.setResult(2);
        runBriefly(loop);
    }

    // ---- waitTasks (asyncio.wait) ----

    /** async def foo(): done, pending = await wait(fs, ...); check(done, pending); return 42 */
    private <F extends Future<?>> Coroutine<Integer> waitThen(Coroutine<DoneAndPending<F>> wait,
            java.util.function.Consumer<DoneAndPending<F>> check) {
        return coro((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, wait);
            }
            @SuppressWarnings("unchecked")
            DoneAndPending<F> dp = (DoneAndPending<F>) f.resumeValue();
            check.accept(dp);
            return f.returning(42);
        });
    }

    @Test
    void test_wait() {
        Task<Void> a = loop.createTask(Weft.sleep(0.1));
        Task<Void> b = loop.createTask(Weft.sleep(0.15));
        int res = loop.runUntilComplete(waitThen(Weft.waitTasks(Arrays.asList(b, a)), dp -> {
            assertThat(dp.done()).containsExactlyInAnyOrder(a, b);
            assertThat(dp.pending()).isEmpty();
        }));
        assertThat(res).isEqualTo(42);
        assertThat(loop.time()).isCloseTo(0.15, CLOSE);
        // doing it again takes no time
        res = loop.runUntilComplete(waitThen(Weft.waitTasks(Arrays.asList(b, a)), dp -> assertThat(dp.pending()).isEmpty()));
        assertThat(loop.time()).isCloseTo(0.15, CLOSE);
        assertThat(res).isEqualTo(42);
    }

    @Test
    void test_wait_duplicate_coroutines() {
        Task<String> c = loop.createTask(Coros.returning("test"));
        DoneAndPending<Task<String>> dp = loop.runUntilComplete(
                Weft.waitTasks(Arrays.asList(c, c, loop.createTask(Coros.returning("spam")))));
        assertThat(dp.pending()).isEmpty();
        Set<String> results = new HashSet<>();
        dp.done().forEach(t -> results.add(t.result()));
        assertThat(results).containsExactlyInAnyOrder("test", "spam");
    }

    @Test
    void test_wait_errors() {
        assertThatThrownBy(() -> Weft.waitTasks(new ArrayList<Future<Object>>())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void test_wait_first_completed() {
        Task<Void> a = loop.createTask(Weft.sleep(10));
        Task<Void> b = loop.createTask(Weft.sleep(0.1));
        DoneAndPending<Task<Void>> dp = loop.runUntilComplete(Weft.waitTasks(Arrays.asList(b, a), ReturnWhen.FIRST_COMPLETED));
        assertThat(dp.done()).containsExactly(b);
        assertThat(dp.pending()).containsExactly(a);
        assertThat(a.done()).isFalse();
        assertThat(b.result()).isNull();
        assertThat(loop.time()).isCloseTo(0.1, CLOSE);
        loop.runUntilComplete(Weft.waitTasks(Arrays.asList(a, b)));
    }

    @Test
    void test_wait_really_done() {
        Task<Object> a = loop.createTask(sleepThen(0, null));
        Task<Object> b = loop.createTask(coro((f, label) -> {
            switch (label) {
                case 0:
                    return f.suspendAwait(1, Weft.sleep(0));
                case 1:
                    f.resumeValue();
                    return f.suspendAwait(2, Weft.sleep(0));
                default:
                    f.resumeValue();
                    return f.returning(null);
            }
        }));
        DoneAndPending<Task<Object>> dp = loop.runUntilComplete(Weft.waitTasks(Arrays.asList(b, a), ReturnWhen.FIRST_COMPLETED));
        assertThat(dp.done()).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void test_wait_first_exception() {
        Task<Void> a = loop.createTask(Weft.sleep(10));
        Task<Object> b = loop.createTask(Coros.raising(new ArithmeticException("err")));
        DoneAndPending<Task<?>> dp = loop.runUntilComplete(Weft.waitTasks(Arrays.<Task<?>>asList(b, a), ReturnWhen.FIRST_EXCEPTION));
        assertThat(dp.done()).containsExactly(b);
        assertThat(dp.pending()).containsExactly(a);
        assertThat(loop.time()).isZero();
        b.exception();
        loop.runUntilComplete(Weft.waitTasks(Arrays.<Task<?>>asList(a, b)));
    }

    @Test
    void test_wait_first_exception_in_wait() {
        Task<Void> a = loop.createTask(Weft.sleep(10));
        Task<Object> b = loop.createTask(Coros.sleepThenRaise(0.01, new ArithmeticException("err")));
        DoneAndPending<Task<?>> dp = loop.runUntilComplete(Weft.waitTasks(Arrays.<Task<?>>asList(b, a), ReturnWhen.FIRST_EXCEPTION));
        assertThat(dp.done()).containsExactly(b);
        assertThat(dp.pending()).containsExactly(a);
        assertThat(loop.time()).isCloseTo(0.01, CLOSE);
        b.exception();
        loop.runUntilComplete(Weft.waitTasks(Arrays.<Task<?>>asList(a, b)));
    }

    @Test
    void test_wait_with_exception() {
        Task<Void> a = loop.createTask(Weft.sleep(0.1));
        Task<Object> b = loop.createTask(Coros.sleepThenRaise(0.15, new ArithmeticException("really")));
        for (int i = 0; i < 2; i++) {
            loop.runUntilComplete(waitThen(Weft.waitTasks(Arrays.<Task<?>>asList(b, a)), dp -> {
                assertThat(dp.done()).hasSize(2);
                assertThat(dp.pending()).isEmpty();
                assertThat(dp.done().stream().filter(f -> f.exception() != null).count()).isEqualTo(1);
            }));
            assertThat(loop.time()).isCloseTo(0.15, CLOSE);
        }
    }

    @Test
    void test_wait_with_timeout() {
        Task<Void> a = loop.createTask(Weft.sleep(0.1));
        Task<Void> b = loop.createTask(Weft.sleep(0.15));
        loop.runUntilComplete(waitThen(Weft.waitTasks(Arrays.asList(b, a), ReturnWhen.ALL_COMPLETED, 0.11), dp -> {
            assertThat(dp.done()).containsExactly(a);
            assertThat(dp.pending()).containsExactly(b);
        }));
        assertThat(loop.time()).isCloseTo(0.11, CLOSE);
        assertThat(b.cancelled()).as("a wait's timeout cancels nothing").isFalse();
        loop.runUntilComplete(Weft.waitTasks(Arrays.asList(a, b)));
    }

    @Test
    void test_wait_concurrent_complete() {
        Task<Void> a = loop.createTask(Weft.sleep(0.1));
        Task<Void> b = loop.createTask(Weft.sleep(0.15));
        DoneAndPending<Task<Void>> dp = loop.runUntilComplete(Weft.waitTasks(Arrays.asList(b, a), ReturnWhen.ALL_COMPLETED, 0.1));
        assertThat(dp.done()).containsExactly(a);
        assertThat(dp.pending()).containsExactly(b);
        assertThat(loop.time()).isCloseTo(0.1, CLOSE);
        loop.runUntilComplete(Weft.waitTasks(Arrays.asList(a, b)));
    }

    // ---- asCompleted ----

    /** for f in as_completed(aws, timeout): try: values.append((1, await f)) except TimeoutError as e: values.append((2, e)) */
    private Coroutine<List<Object>> collect(java.util.function.Supplier<List<Coroutine<Object>>> asCompleted) {
        List<Object> values = new ArrayList<>();
        AtomicReference<List<Coroutine<Object>>> coros = new AtomicReference<>();
        int[] i = {0};
        return coro((f, label) -> {
            if (label == 0) {
                coros.set(asCompleted.get());
            } else {
                try {
                    values.add(f.resumeValue());
                } catch (TimeoutException e) {
                    values.add(e);
                }
            }
            if (i[0] < coros.get().size()) {
                return f.suspendAwait(1, coros.get().get(i[0]++));
            }
            return f.returning(values);
        });
    }

    @Test
    void test_as_completed() {
        List<Object> res = loop.runUntilComplete(collect(() -> Weft.asCompleted(
                Arrays.asList(sleepThen(0.01, "b"), sleepThen(0.15, "c"), sleepThen(0.01, "a")))));
        assertThat(loop.time()).isCloseTo(0.15, CLOSE);
        assertThat(res.subList(0, 2)).containsExactlyInAnyOrder("a", "b");
        assertThat(res.get(2)).isEqualTo("c");
    }

    @Test
    void test_as_completed_with_timeout() {
        Task<Object> a = loop.createTask(sleepThen(0.1, "a"));
        Task<Object> b = loop.createTask(sleepThen(0.15, "b"));
        List<Object> res = loop.runUntilComplete(collect(() -> Weft.asCompleted(Arrays.asList(a, b), 0.12)));
        assertThat(res).hasSize(2);
        assertThat(res.get(0)).isEqualTo("a");
        assertThat(res.get(1)).isInstanceOf(TimeoutException.class);
        assertThat(loop.time()).isCloseTo(0.12, CLOSE);
        assertThat(b.cancelled()).isFalse();
        loop.runUntilComplete(Weft.waitTasks(Arrays.asList(a, b)));
    }

    @Test
    void test_as_completed_with_unused_timeout() {
        List<Object> res = loop.runUntilComplete(collect(() -> Weft.asCompleted(Arrays.asList(sleepThen(0.01, "a")), 1)));
        assertThat(res).containsExactly("a");
        loop.runUntilComplete(Weft.sleep(2)); // the timer was cancelled: nothing fires
    }

    @Test
    void test_as_completed_reverse_wait() {
        List<Object> seen = new ArrayList<>();
        AtomicReference<List<Coroutine<Object>>> futs = new AtomicReference<>();
        loop.runUntilComplete(coro((f, label) -> {
            switch (label) {
                case 0:
                    futs.set(Weft.asCompleted(Arrays.asList(sleepThen(0.05, "a"), sleepThen(0.10, "b"))));
                    assertThat(futs.get()).hasSize(2);
                    return f.suspendAwait(1, futs.get().get(1));
                case 1:
                    seen.add(f.resumeValue());
                    seen.add(loop.time());
                    return f.suspendAwait(2, futs.get().get(0));
                default:
                    seen.add(f.resumeValue());
                    seen.add(loop.time());
                    return f.returning(null);
            }
        }));
        assertThat(seen).containsExactly("a", 0.05, "b", 0.1);
    }

    @Test
    void test_as_completed_concurrent() {
        Set<Object> results = new HashSet<>();
        loop.runUntilComplete(coro((f, label) -> {
            if (label == 0) {
                List<Coroutine<Object>> futs = Weft.asCompleted(Arrays.asList(sleepThen(0.05, "a"), sleepThen(0.05, "b")));
                List<Task<Object>> tasks = new ArrayList<>();
                futs.forEach(c -> tasks.add(Weft.createTask(c)));
                return f.suspendAwait(1, Weft.waitTasks(tasks));
            }
            @SuppressWarnings("unchecked")
            DoneAndPending<Task<Object>> dp = (DoneAndPending<Task<Object>>) f.resumeValue();
            dp.done().forEach(t -> results.add(t.result()));
            return f.returning(null);
        }));
        assertThat(results).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void test_as_completed_duplicate_coroutines() {
        Coroutine<Object> c = Coros.returning("ham");
        List<Object> res = loop.runUntilComplete(collect(() -> Weft.asCompleted(Arrays.asList(c, c, Coros.returning("spam")))));
        assertThat(res).containsExactlyInAnyOrder("ham", "spam");
    }

    @Async
    static Coroutine<Object[]> wokenThenCancelled() {
        EventLoop loop = Weft.getRunningLoop();
        Future<Integer> a = loop.createFuture();
        Future<Integer> b = loop.createFuture();
        List<Coroutine<Integer>> it = Weft.asCompleted(Arrays.asList(a, b));
        Task<Integer> t1 = Weft.createTask(it.get(0));
        Task<Integer> t2 = Weft.createTask(it.get(1));
        await(Weft.sleep(0));
        a.setResult(1); // wakes the first coroutine waiting ...
        await(Weft.sleep(0));
        t1.cancel(); // ... which is cancelled before it takes a
        await(Weft.sleep(0));
        await(Weft.sleep(0));
        Object[] seen = {t1.cancelled(), t2.done(), t2.done() ? t2.result() : null};
        b.setResult(2);
        return Coroutine.returning(seen);
    }

    /** As Python 3.13's {@code Queue.get} under {@code as_completed}: a coroutine woken, then cancelled, hands the future to the next one. */
    @Test
    void asCompletedWokenThenCancelledLosesNothing() {
        assertThat(loop.runUntilComplete(wokenThenCancelled())).containsExactly(true, true, 1);
    }
}
