package dev.weft;

import static dev.weft.Coros.coro;
import static dev.weft.Coros.returning;
import static dev.weft.Coros.runBriefly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CPython's {@code test_tasks.py} gather cases ({@code GatherTestsBase}, {@code FutureGatherTests}, {@code CoroutineGatherTests}). */
class GatherTest {
    private final EventLoop loop = EventLoop.withVirtualClock();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private void runLoop() {
        runBriefly(loop);
        runBriefly(loop);
    }

    @SafeVarargs
    private final <T> Future<List<T>> gather(Awaitable<? extends T>... aws) {
        return Gather.of(loop, false, Arrays.asList(aws));
    }

    private Future<List<Object>> gatherReturnExceptions(Awaitable<?>... aws) {
        return Gather.of(loop, true, Arrays.asList(aws));
    }

    private void checkSuccess(boolean returnExceptions) {
        Future<Integer> a = loop.createFuture();
        Future<Integer> b = loop.createFuture();
        Future<Integer> c = loop.createFuture();
        Future<? extends List<?>> fut = returnExceptions ? gatherReturnExceptions(a, b, c) : gather(a, b, c);
        AtomicInteger calls = new AtomicInteger();
        fut.addDoneCallback(f -> calls.incrementAndGet());
        b.setResult(1);
        a.setResult(2);
        runLoop();
        assertThat(calls.get()).isZero();
        assertThat(fut.done()).isFalse();
        c.setResult(3);
        runLoop();
        assertThat(calls.get()).isEqualTo(1);
        assertThat(fut.result()).asList().containsExactly(2, 1, 3);
    }

    @Test
    void test_success() {
        checkSuccess(false);
    }

    @Test
    void test_result_exception_success() {
        checkSuccess(true);
    }

    @Test
    void test_one_exception() {
        List<Future<Integer>> fs = futures(5);
        Future<List<Integer>> fut = gather(fs.get(0), fs.get(1), fs.get(2), fs.get(3), fs.get(4));
        AtomicInteger calls = new AtomicInteger();
        fut.addDoneCallback(f -> calls.incrementAndGet());
        ArithmeticException exc = new ArithmeticException();
        fs.get(0).setResult(1);
        fs.get(1).setException(exc);
        runLoop();
        assertThat(fut.done()).isTrue();
        assertThat(calls.get()).isEqualTo(1);
        assertThat(fut.exception()).isSameAs(exc);
        // does nothing
        fs.get(2).setResult(3);
        fs.get(3).cancel();
        fs.get(4).setException(new RuntimeException());
        fs.get(4).exception();
        runLoop();
    }

    @Test
    void test_return_exceptions() {
        List<Future<Integer>> fs = futures(4);
        Future<List<Object>> fut = gatherReturnExceptions(fs.get(0), fs.get(1), fs.get(2), fs.get(3));
        ArithmeticException exc = new ArithmeticException();
        RuntimeException exc2 = new RuntimeException();
        fs.get(1).setResult(1);
        fs.get(2).setException(exc);
        fs.get(0).setResult(3);
        runLoop();
        assertThat(fut.done()).isFalse();
        fs.get(3).setException(exc2);
        runLoop();
        assertThat(fut.done()).isTrue();
        assertThat(fut.result()).containsExactly(3, 1, exc, exc2);
    }

    @Test
    void test_constructor_empty_sequence_use_running_loop() {
        Object r = loop.runUntilComplete(coro((c, label) -> {
            if (label == 0) {
                return c.suspendAwait(1, Weft.<Object>gather());
            }
            return c.returning(c.resumeValue());
        }));
        assertThat(r).isEqualTo(List.of());
    }

    @Test
    void test_constructor_empty_sequence_without_loop() {
        assertThatThrownBy(() -> Weft.gather()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a running event loop");
    }

    @Test
    void test_constructor_heterogenous_futures() {
        EventLoop other = EventLoop.withVirtualClock();
        try {
            Future<Object> fut1 = loop.createFuture();
            Future<Object> fut2 = other.createFuture();
            assertThatThrownBy(() -> Weft.gather(fut1, fut2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("different event loop");
        } finally {
            other.close();
        }
    }

    @Test
    void test_constructor_homogenous_futures() {
        EventLoop other = EventLoop.withVirtualClock();
        try {
            List<Future<Object>> children = Arrays.asList(other.createFuture(), other.createFuture());
            Future<List<Object>> fut = Weft.gather(children);
            assertThat(fut.getLoop()).isSameAs(other);
            assertThat(fut.done()).isFalse();
        } finally {
            other.close();
        }
    }

    @Test
    void test_one_cancellation() {
        List<Future<Integer>> fs = futures(5);
        Future<List<Integer>> fut = gather(fs.get(0), fs.get(1), fs.get(2), fs.get(3), fs.get(4));
        fs.get(0).setResult(1);
        fs.get(1).cancel();
        runLoop();
        assertThat(fut.done()).isTrue();
        assertThat(fut.cancelled()).isFalse();
        assertThat(fut.exception()).isInstanceOf(CancellationException.class);
        fs.get(2).setResult(3);
        fs.get(3).cancel();
        fs.get(4).setException(new RuntimeException());
        fs.get(4).exception();
        runLoop();
    }

    @Test
    void test_result_exception_one_cancellation() {
        List<Future<Integer>> fs = futures(6);
        Future<List<Object>> fut = gatherReturnExceptions(fs.toArray(new Awaitable<?>[0]));
        fs.get(0).setResult(1);
        ArithmeticException zde = new ArithmeticException();
        fs.get(1).setException(zde);
        fs.get(2).cancel();
        runLoop();
        assertThat(fut.done()).isFalse();
        fs.get(3).setResult(3);
        fs.get(4).cancel();
        RuntimeException rte = new RuntimeException();
        fs.get(5).setException(rte);
        List<Object> res = new ArrayList<>(loop.runUntilComplete(fut));
        assertThat(res.get(2)).isInstanceOf(CancellationException.class);
        assertThat(res.get(4)).isInstanceOf(CancellationException.class);
        res.set(2, null);
        res.set(4, null);
        assertThat(res).containsExactly(1, zde, null, 3, null, rte);
    }

    @Test
    void test_duplicate_coroutines() {
        Coroutine<String> c = returning("abc");
        Future<List<String>> fut = gather(c, c, returning("def"), c);
        runLoop();
        assertThat(fut.result()).containsExactly("abc", "abc", "def", "abc");
    }

    @Test
    void test_cancellation_broadcast() {
        AtomicInteger proof = new AtomicInteger();
        Future<Object> waiter = loop.createFuture();
        Task<Object> child1 = loop.createTask(inner(waiter, proof));
        Task<Object> child2 = loop.createTask(inner(waiter, proof));
        AtomicReference<Future<List<Object>>> gatherer = new AtomicReference<>();
        Task<Object> f = loop.createTask(coro((c, label) -> {
            if (label == 0) {
                gatherer.set(Weft.gather(child1, child2));
                return c.suspendAwait(1, gatherer.get());
            }
            c.resumeValue();
            proof.addAndGet(100);
            return c.returning(null);
        }));
        runBriefly(loop);
        assertThat(f.cancel()).isTrue();
        assertThatThrownBy(() -> loop.runUntilComplete(f)).isInstanceOf(CancellationException.class);
        assertThat(gatherer.get().cancel()).isFalse();
        assertThat(waiter.cancelled()).isTrue();
        assertThat(child1.cancelled()).isTrue();
        assertThat(child2.cancelled()).isTrue();
        runBriefly(loop);
        assertThat(proof.get()).isZero();
    }

    /** async def inner(): await waiter; proof += 1 */
    private static Coroutine<Object> inner(Future<Object> waiter, AtomicInteger proof) {
        return coro((c, label) -> {
            if (label == 0) {
                return c.suspendAwait(1, waiter);
            }
            c.resumeValue();
            proof.incrementAndGet();
            return c.returning(null);
        });
    }

    @Test
    void test_exception_marking() {
        Future<Object> a = loop.createFuture();
        Future<Object> b = loop.createFuture();
        Task<Object> f = loop.createTask(coro((c, label) -> {
            if (label == 0) {
                return c.suspendAwait(1, Weft.gather(raiseAfter(a), raiseAfter(b)));
            }
            c.resumeValue();
            return c.returning(null);
        }));
        List<Object> reported = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> reported.add(ctx));
        runBriefly(loop);
        a.setResult(null);
        runBriefly(loop);
        b.setResult(null);
        runBriefly(loop);
        assertThat(f.exception()).isInstanceOf(IllegalStateException.class);
        loop.close();
        assertThat(reported).as("the second child's exception was marked retrieved by the gather").isEmpty();
    }

    /** async def inner(f): await f; raise RuntimeError('should not be ignored') */
    private static Coroutine<Object> raiseAfter(Future<Object> fut) {
        return coro((c, label) -> {
            if (label == 0) {
                return c.suspendAwait(1, fut);
            }
            c.resumeValue();
            throw new IllegalStateException("should not be ignored");
        });
    }

    @Test
    void test_cancel_gather_1() {
        Future<Integer> fut = loop.createFuture();
        // gather of a coroutine awaiting fut, wrapped in a task
        Future<List<Integer>> gatherTask = loop.runUntilComplete(Coros.calling(() -> Weft.gather(Coros.<Integer>awaiting(fut))));
        AtomicReference<Boolean> cancelResult = new AtomicReference<>();
        fut.addDoneCallback(f -> cancelResult.set(gatherTask.cancel()));
        fut.setResult(42);
        loop.runUntilComplete(gatherTask);
        assertThat(cancelResult.get()).isFalse();
        assertThat(gatherTask.cancelled()).isFalse();
        assertThat(gatherTask.result()).containsExactly(42);
    }

    @Test
    void test_cancel_gather_2() {
        for (String msg : new String[] {null, "my message"}) {
            EventLoop own = EventLoop.withVirtualClock();
            // async def test(): while True: time += 0.05; await gather(sleep(0.05), return_exceptions=True); if time > 1: return
            double[] time = {0};
            Coroutine<Object> test = coro((c, label) -> {
                if (label == 1) {
                    c.resumeValue();
                    if (time[0] > 1) {
                        return c.returning(null);
                    }
                }
                time[0] += 0.05;
                return c.suspendAwait(1, Weft.gatherReturnExceptions(Weft.sleep(0.05)));
            });
            AtomicReference<Task<Object>> qwe = new AtomicReference<>();
            Coroutine<Object> main = coro((c, label) -> {
                switch (label) {
                    case 0:
                        qwe.set(Weft.createTask(test));
                        return c.suspendAwait(1, Weft.sleep(0.2));
                    case 1:
                        c.resumeValue();
                        qwe.get().cancel(msg);
                        return c.suspendAwait(2, qwe.get());
                    default:
                        c.resumeValue();
                        return c.returning(null);
                }
            });
            try {
                assertThatThrownBy(() -> own.runUntilComplete(main)).as("gather() propagates the CancelledError")
                        .isInstanceOf(CancellationException.class).hasMessage(msg);
            } finally {
                own.close();
            }
        }
    }

    @Test
    void first_error_propagates_without_cancelling_siblings() {
        AtomicReference<Task<String>> slow = new AtomicReference<>();
        Coroutine<Object> main = coro((c, label) -> {
            if (label == 0) {
                slow.set(Weft.createTask(Coros.sleepThen(5, "slow")));
                return c.suspendAwait(1, Weft.gather(Coros.sleepThenRaise(1, new IllegalArgumentException("first")), slow.get()));
            }
            try {
                c.resumeValue();
            } catch (IllegalArgumentException e) {
                return c.returning(e.getMessage() + " at " + Weft.getRunningLoop().time());
            }
            return c.returning(null);
        });
        assertThat(loop.runUntilComplete(main)).isEqualTo("first at 1.0");
        assertThat(slow.get().done()).isFalse();
        assertThat(loop.runUntilComplete(slow.get())).isEqualTo("slow");
    }

    @Test
    void results_come_in_argument_order_not_completion_order() {
        List<Object> r = Weft.run(coro((c, label) -> {
            if (label == 0) {
                return c.suspendAwait(1, Weft.gather(Coros.sleepThen(3, "A"), Coros.sleepThen(1, "B"), Coros.sleepThen(2, "C")));
            }
            return c.returning(c.resumeValue());
        }), EventLoop::withVirtualClock);
        assertThat(r).containsExactly("A", "B", "C");
    }

    private List<Future<Integer>> futures(int n) {
        List<Future<Integer>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fs.add(loop.createFuture());
        }
        return fs;
    }
}
