package dev.weft;

import static dev.weft.Coros.awaiting;
import static dev.weft.Coros.coro;
import static dev.weft.Coros.returning;
import static dev.weft.Coros.runBriefly;
import static dev.weft.Weft.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CPython's {@code test_asyncio/test_tasks.py}, the task cases, with coroutines written by hand in
 * the shape the rewrite emits (see {@link Coros}). Virtual clock: nothing really sleeps.
 */
class TaskTest {
    private final EventLoop loop = EventLoop.withVirtualClock();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void test_task_basics() {
        // async def outer(): a = await inner1(); b = await inner2(); return a + b
        Coroutine<Integer> outer = coro((f, label) -> {
            switch (label) {
                case 0:
                    return f.suspendAwait(1, returning(42));
                case 1:
                    int a = (Integer) f.resumeValue();
                    return f.suspendAwait(2, Coros.calling(() -> a + 1000));
                default:
                    return f.returning(f.resumeValue());
            }
        });
        assertThat(loop.runUntilComplete(outer)).isEqualTo(1042);
    }

    @Test
    void test_task_cancel_message_getter() {
        Task<Object> t = loop.createTask(returning(null));
        t.cancel("my message");
        assertThatThrownBy(() -> loop.runUntilComplete(t))
                .isInstanceOf(CancellationException.class).hasMessage("my message");
    }

    @Test
    void test_other_loop_future() {
        EventLoop other = EventLoop.withVirtualClock();
        try {
            Future<Object> fut = other.createFuture();
            assertThatThrownBy(() -> loop.runUntilComplete(awaiting(fut)))
                    .isInstanceOf(IllegalStateException.class).hasMessageMatching("Task .* got .* attached to a different loop");
        } finally {
            other.close();
        }
    }

    @Test
    void test_task_awaits_on_itself() {
        AtomicReference<Task<Object>> task = new AtomicReference<>();
        task.set(loop.createTask(coro((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, task.get());
            }
            return f.returning(f.resumeValue());
        })));
        assertThatThrownBy(() -> loop.runUntilComplete(task.get()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Task cannot await on itself");
    }

    @Test
    void test_cancelling() {
        Task<Void> t = loop.createTask(Weft.sleep(10));
        assertThat(t.cancelling()).isZero();
        assertThat(t.cancel()).isTrue();
        assertThat(t.cancelling()).isEqualTo(1);
        assertThat(t.cancel()).isTrue();
        assertThatThrownBy(() -> loop.runUntilComplete(t)).isInstanceOf(CancellationException.class);
    }

    @Test
    void test_uncancel_basic() {
        // try: await sleep(10) except CancelledError: current_task().uncancel(); await sleep(10)
        Task<Object> t = loop.createTask(coro((f, label) -> {
            switch (label) {
                case 0:
                    return f.suspendAwait(1, Weft.sleep(10));
                case 1:
                    try {
                        f.resumeValue();
                    } catch (CancellationException e) {
                        Weft.currentTask().uncancel();
                        return f.suspendAwait(2, Weft.sleep(10));
                    }
                    return f.returning(null);
                default:
                    f.resumeValue();
                    return f.returning(null);
            }
        }));
        loop.runUntilComplete(Weft.sleep(0.01));
        assertThat(t.cancel()).isTrue();
        assertThat(t.cancelling()).isEqualTo(1);
        assertThat(t.cancelled()).isFalse();
        loop.runUntilComplete(Weft.sleep(0.01));
        assertThat(t.cancelling()).isZero();
        assertThat(t.cancelled()).isFalse();
        assertThat(t.cancel()).isTrue();
        assertThatThrownBy(() -> loop.runUntilComplete(t)).isInstanceOf(CancellationException.class);
        assertThat(t.cancelled()).isTrue();
        t.uncancel();
        assertThat(t.cancelled()).isTrue();
    }

    @Async
    static Coroutine<Integer> awaitThen42(Future<Object> fut) {
        await(fut);
        return Coroutine.returning(42);
    }

    /** 3.13: withdrawing the last request also withdraws the cancellation not delivered yet (3.11 raised). */
    @Test
    void test_uncancel_resets_must_cancel() {
        Future<Object> fut = loop.createFuture();
        Task<Integer> task = loop.createTask(awaitThen42(fut));
        loop.runUntilComplete(Weft.sleep(0)); // the task waits for fut
        fut.setResult(null); // the task is runnable: cancel() cannot reach what it awaits
        assertThat(task.cancel()).isTrue();
        assertThat(task.cancelling()).isEqualTo(1);
        assertThat(task.uncancel()).isZero();
        assertThat(task.cancelling()).isZero();
        assertThat(loop.runUntilComplete(task)).isEqualTo(42);
    }

    /** timedOut, structuredBlockFinished, outerCodeReached: {@code timeout()} built by hand with cancel and uncancel. */
    @Async
    static Coroutine<boolean[]> makeRequestWithTimeout(double sleep, double timeout) {
        Task<?> task = Weft.currentTask();
        boolean[] flags = new boolean[3];
        TimerHandle timeoutHandle = task.getLoop().callLater(timeout, () -> {
            flags[0] = true;
            task.cancel();
        });
        try {
            try {
                await(Weft.sleep(sleep)); // the structured block affected by the timeout
                flags[1] = true;
            } catch (CancellationException e) {
                timeoutHandle.cancel();
                if (flags[0] && task.uncancel() == 0) {
                    throw new TimeoutException("timed out", e);
                }
                throw e;
            }
            timeoutHandle.cancel();
        } catch (TimeoutException e) {
            assertThat(flags[0]).isTrue();
        }
        flags[2] = true; // outer code, not affected by the timeout
        await(Weft.sleep(0));
        return Coroutine.returning(flags);
    }

    @Test
    void test_uncancel_structured_blocks() {
        Task<boolean[]> t1 = loop.createTask(makeRequestWithTimeout(10.0, 0.1));
        assertThat(loop.runUntilComplete(t1)).containsExactly(true, false, true); // uncancelled after the block, went on
        assertThat(t1.cancelling()).isZero();
        Task<boolean[]> t2 = loop.createTask(makeRequestWithTimeout(0, 10.0));
        assertThat(loop.runUntilComplete(t2)).containsExactly(false, true, true);
        assertThat(t2.cancelling()).isZero();
    }

    @Test
    void test_cancel() {
        // async def task(): await asyncio.sleep(10.0); return 12
        Task<Object> t = loop.createTask(Coros.sleepThen(10, 12));
        loop.callSoon(t::cancel);
        assertThatThrownBy(() -> loop.runUntilComplete(t)).isInstanceOf(CancellationException.class);
        assertThat(t.done()).isTrue();
        assertThat(t.cancelled()).isTrue();
        assertThat(t.cancel()).isFalse();
        assertThat(loop.time()).as("the sleep's timer was cancelled: no waiting").isZero();
    }

    /** async def sleep(): await asyncio.sleep(10) ; async def coro(): task = create(sleep()); await sleep(0); task.cancel(msg); await wait([task]); task.result() */
    private Coroutine<Object> cancelThenLook(String msg, boolean sleepFirst, boolean viaException) {
        AtomicReference<Task<Void>> task = new AtomicReference<>();
        return coro((f, label) -> {
            switch (label) {
                case 0:
                    task.set(Weft.createTask(Weft.sleep(10)));
                    if (sleepFirst) {
                        return f.suspendAwait(1, Weft.sleep(0));
                    }
                    // fall through: cancelled before it started
                case 1:
                    if (label == 1) {
                        f.resumeValue();
                    }
                    task.get().cancel(msg);
                    return f.suspendAwait(2, Weft.gatherReturnExceptions(task.get()));
                default:
                    f.resumeValue();
                    if (viaException) {
                        task.get().exception();
                    } else {
                        task.get().result();
                    }
                    return f.returning(null);
            }
        });
    }

    @Test
    void test_cancel_with_message_then_future_result() {
        assertThatThrownBy(() -> loop.runUntilComplete(cancelThenLook(null, true, false)))
                .isInstanceOf(CancellationException.class).hasMessage(null);
        assertThatThrownBy(() -> loop.runUntilComplete(cancelThenLook("my message", true, false)))
                .isInstanceOf(CancellationException.class).hasMessage("my message");
    }

    @Test
    void test_cancel_with_message_then_future_exception() {
        assertThatThrownBy(() -> loop.runUntilComplete(cancelThenLook(null, true, true)))
                .isInstanceOf(CancellationException.class).hasMessage(null);
        assertThatThrownBy(() -> loop.runUntilComplete(cancelThenLook("my message", true, true)))
                .isInstanceOf(CancellationException.class).hasMessage("my message");
    }

    @Test
    void test_cancel_with_message_before_starting_task() {
        assertThatThrownBy(() -> loop.runUntilComplete(cancelThenLook("my message", false, true)))
                .isInstanceOf(CancellationException.class).hasMessage("my message");
    }

    @Test
    void test_cancellation_exception_context() {
        Future<Object> fut = loop.createFuture();
        AtomicReference<Task<Object>> inner = new AtomicReference<>();
        // async def sleep(): fut.set_result(None); await asyncio.sleep(10)
        Coroutine<Object> sleep = coro((f, label) -> {
            if (label == 0) {
                fut.setResult(null);
                return f.suspendAwait(1, Weft.sleep(10));
            }
            f.resumeValue();
            return f.returning(null);
        });
        Coroutine<Object> main = coro((f, label) -> {
            switch (label) {
                case 0:
                    inner.set(Weft.createTask(sleep));
                    return f.suspendAwait(1, fut);
                case 1:
                    f.resumeValue();
                    Weft.getRunningLoop().callSoon(() -> inner.get().cancel("msg"));
                    return f.suspendAwait(2, inner.get());
                default:
                    try {
                        f.resumeValue();
                    } catch (CancellationException ex) {
                        throw new IllegalArgumentException("cancelled", ex);
                    }
                    return f.returning(null);
            }
        });
        assertThatThrownBy(() -> loop.runUntilComplete(main)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cancelled").cause().isInstanceOf(CancellationException.class).hasMessage("msg");
    }

    @Test
    void test_cancel_yield() {
        // async def task(): await sleep(0); await sleep(0); return 12
        Task<Object> t = loop.createTask(coro((f, label) -> {
            switch (label) {
                case 0:
                    return f.suspendAwait(1, Weft.sleep(0));
                case 1:
                    f.resumeValue();
                    return f.suspendAwait(2, Weft.sleep(0));
                default:
                    f.resumeValue();
                    return f.returning(12);
            }
        }));
        runBriefly(loop);
        t.cancel();
        assertThatThrownBy(() -> loop.runUntilComplete(t)).isInstanceOf(CancellationException.class);
        assertThat(t.done()).isTrue();
        assertThat(t.cancelled()).isTrue();
        assertThat(t.cancel()).isFalse();
    }

    /** async def task(): await f; return 12 */
    private static Coroutine<Object> awaitThen12(Future<?> fut) {
        return coro((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, fut);
            }
            f.resumeValue();
            return f.returning(12);
        });
    }

    @Test
    void test_cancel_inner_future() {
        Future<Object> f = loop.createFuture();
        Task<Object> t = loop.createTask(awaitThen12(f));
        runBriefly(loop);
        f.cancel();
        assertThatThrownBy(() -> loop.runUntilComplete(t)).isInstanceOf(CancellationException.class);
        assertThat(f.cancelled()).isTrue();
        assertThat(t.cancelled()).isTrue();
    }

    @Test
    void test_cancel_both_task_and_inner_future() {
        Future<Object> f = loop.createFuture();
        Task<Object> t = loop.createTask(awaitThen12(f));
        runBriefly(loop);
        f.cancel();
        t.cancel();
        assertThatThrownBy(() -> loop.runUntilComplete(t)).isInstanceOf(CancellationException.class);
        assertThat(t.done()).isTrue();
        assertThat(f.cancelled()).isTrue();
        assertThat(t.cancelled()).isTrue();
    }

    @Test
    void test_cancel_task_catching() {
        Future<Object> fut1 = loop.createFuture();
        Future<Object> fut2 = loop.createFuture();
        // await fut1; try: await fut2 except CancelledError: return 42
        Task<Object> t = loop.createTask(coro((f, label) -> {
            switch (label) {
                case 0:
                    return f.suspendAwait(1, fut1);
                case 1:
                    f.resumeValue();
                    return f.suspendAwait(2, fut2);
                default:
                    try {
                        f.resumeValue();
                    } catch (CancellationException e) {
                        return f.returning(42);
                    }
                    return f.returning(null);
            }
        }));
        runBriefly(loop);
        assertThat(t.toString()).contains("wait_for=" + fut1);
        fut1.setResult(null);
        runBriefly(loop);
        assertThat(t.toString()).contains("wait_for=" + fut2);
        t.cancel();
        assertThat(fut2.cancelled()).isTrue();
        assertThat(loop.runUntilComplete(t)).isEqualTo(42);
        assertThat(t.cancelled()).isFalse();
    }

    @Test
    void test_cancel_task_ignoring() {
        Future<Object> fut1 = loop.createFuture();
        Future<Object> fut2 = loop.createFuture();
        Future<Object> fut3 = loop.createFuture();
        // await fut1; try: await fut2 except CancelledError: pass; res = await fut3; return res
        Task<Object> t = loop.createTask(coro((f, label) -> {
            switch (label) {
                case 0:
                    return f.suspendAwait(1, fut1);
                case 1:
                    f.resumeValue();
                    return f.suspendAwait(2, fut2);
                case 2:
                    try {
                        f.resumeValue();
                    } catch (CancellationException e) {
                        // ignored
                    }
                    return f.suspendAwait(3, fut3);
                default:
                    return f.returning(f.resumeValue());
            }
        }));
        runBriefly(loop);
        fut1.setResult(null);
        runBriefly(loop);
        t.cancel();
        assertThat(fut2.cancelled()).isTrue();
        runBriefly(loop);
        assertThat(t.toString()).contains("wait_for=" + fut3);
        fut3.setResult(42);
        assertThat(loop.runUntilComplete(t)).isEqualTo(42);
        assertThat(fut3.cancelled()).isFalse();
        assertThat(t.cancelled()).isFalse();
    }

    @Test
    void test_cancel_current_task() {
        AtomicReference<Task<Object>> t = new AtomicReference<>();
        AtomicBoolean pastSleep = new AtomicBoolean();
        // t.cancel(); await asyncio.sleep(100); return 12
        t.set(loop.createTask(coro((f, label) -> {
            if (label == 0) {
                t.get().cancel();
                return f.suspendAwait(1, Weft.sleep(100));
            }
            f.resumeValue();
            pastSleep.set(true);
            return f.returning(12);
        })));
        assertThat(t.get().cancelled()).isFalse();
        assertThatThrownBy(() -> loop.runUntilComplete(t.get())).isInstanceOf(CancellationException.class);
        assertThat(t.get().done()).isTrue();
        assertThat(t.get().cancelled()).isTrue();
        assertThat(t.get().cancel()).isFalse();
        assertThat(pastSleep).isFalse();
        assertThat(loop.time()).as("the sleep was cancelled at once").isZero();
    }

    @Test
    void test_cancel_at_end() {
        AtomicReference<Task<Object>> t = new AtomicReference<>();
        t.set(loop.createTask(coro((f, label) -> {
            t.get().cancel();
            return f.returning(12);
        })));
        assertThatThrownBy(() -> loop.runUntilComplete(t.get())).isInstanceOf(CancellationException.class);
        assertThat(t.get().done()).isTrue();
        assertThat(t.get().cancelled()).isTrue();
        assertThat(t.get().cancel()).isFalse();
    }

    @Test
    void test_cancel_awaited_task() {
        Future<Object> fut = loop.createFuture();
        AtomicReference<Task<Object>> task = new AtomicReference<>();
        AtomicReference<Task<Object>> nested = new AtomicReference<>();
        task.set(loop.createTask(coro((f, label) -> {
            switch (label) {
                case 0:
                    nested.set(Weft.createTask(awaiting(fut)));
                    return f.suspendAwait(1, Weft.sleep(0));
                case 1:
                    f.resumeValue();
                    task.get().cancel();
                    return f.suspendAwait(2, nested.get());
                default:
                    f.resumeValue();
                    return f.returning(null);
            }
        })));
        assertThatThrownBy(() -> loop.runUntilComplete(task.get())).isInstanceOf(CancellationException.class);
        assertThat(task.get().cancelled()).isTrue();
        assertThat(nested.get().cancelled()).isTrue();
        assertThat(fut.cancelled()).isTrue();
    }

    @Test
    void test_sleep() {
        // await sleep(dt/2); await sleep(dt/2); return 'yeah'
        Task<Object> t = loop.createTask(coro((f, label) -> {
            switch (label) {
                case 0:
                    return f.suspendAwait(1, Weft.sleep(0.05));
                case 1:
                    f.resumeValue();
                    return f.suspendAwait(2, Weft.sleep(0.05));
                default:
                    f.resumeValue();
                    return f.returning("yeah");
            }
        }));
        loop.runUntilComplete(t);
        assertThat(t.result()).isEqualTo("yeah");
        assertThat(loop.time()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void test_sleep_zero() {
        AtomicInteger result = new AtomicInteger();
        // call_soon(inc, 1); assert result == 0; await sleep(0); assert result == 1
        List<Integer> seen = new ArrayList<>();
        loop.runUntilComplete(coro((f, label) -> {
            if (label == 0) {
                Weft.getRunningLoop().callSoon(() -> result.addAndGet(1));
                seen.add(result.get());
                return f.suspendAwait(1, Weft.sleep(0));
            }
            f.resumeValue();
            seen.add(result.get());
            return f.returning(null);
        }));
        assertThat(seen).containsExactly(0, 1);
    }

    @Test
    void test_sleep_cancel() {
        Task<Void> t = loop.createTask(Weft.sleep(10));
        runBriefly(loop);
        assertThat(loop.time()).isZero();
        t.cancel();
        runBriefly(loop);
        assertThat(t.cancelled()).isTrue();
        // the timer was cancelled: running the loop further does not jump to 10
        loop.runUntilComplete(Weft.sleep(1));
        assertThat(loop.time()).isEqualTo(1.0);
    }

    @Test
    void test_task_cancel_sleeping_task() {
        // sleeper = create_task(sleep(5000)); call_later(0.1, sleeper.cancel); try: await sleeper except Cancelled: return 'cancelled'
        AtomicReference<Task<Void>> sleeper = new AtomicReference<>();
        Coroutine<Object> doit = coro((f, label) -> {
            if (label == 0) {
                sleeper.set(Weft.createTask(Weft.sleep(5000)));
                Weft.getRunningLoop().callLater(0.1, () -> sleeper.get().cancel());
                return f.suspendAwait(1, sleeper.get());
            }
            try {
                f.resumeValue();
            } catch (CancellationException e) {
                return f.returning("cancelled");
            }
            return f.returning("slept in");
        });
        assertThat(loop.runUntilComplete(doit)).isEqualTo("cancelled");
        assertThat(loop.time()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void test_task_cancel_waiter_future() {
        Future<Object> fut = loop.createFuture();
        Task<Object> task = loop.createTask(awaiting(fut));
        runBriefly(loop);
        assertThat(task.toString()).contains("wait_for=");
        task.cancel();
        runBriefly(loop);
        assertThatThrownBy(() -> loop.runUntilComplete(task)).isInstanceOf(CancellationException.class);
        assertThat(task.toString()).doesNotContain("wait_for=");
        assertThat(fut.cancelled()).isTrue();
    }

    @Test
    void test_task_set_methods() {
        Task<Object> task = loop.createTask(returning("ko"));
        assertThatThrownBy(() -> task.setResult("ok")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not support setResult");
        assertThatThrownBy(() -> task.setException(new RuntimeException())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not support setException");
        assertThat(loop.runUntilComplete(task)).isEqualTo("ko");
    }

    @Test
    void test_step_result_future() {
        Future<Object> fut = loop.createFuture();
        AtomicReference<Object> result = new AtomicReference<>();
        Task<Object> t = loop.createTask(coro((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, fut);
            }
            result.set(f.resumeValue());
            return f.returning(null);
        }));
        runBriefly(loop);
        Object res = new Object();
        fut.setResult(res);
        runBriefly(loop);
        assertThat(result.get()).isSameAs(res);
        assertThat(t.done()).isTrue();
        assertThat(t.result()).isNull();
    }

    @Test
    void test_current_task() {
        AtomicReference<Task<Object>> task = new AtomicReference<>();
        List<Object> seen = new ArrayList<>();
        task.set(loop.createTask(Coros.calling(() -> {
            seen.add(Weft.currentTask());
            return null;
        })));
        assertThat(loop.currentTask()).isNull();
        loop.runUntilComplete(task.get());
        assertThat(seen).containsExactly(task.get());
        assertThat(loop.currentTask()).isNull();
    }

    @Test
    void test_current_task_with_interleaving_tasks() {
        Future<Object> fut1 = loop.createFuture();
        Future<Object> fut2 = loop.createFuture();
        List<String> seen = new ArrayList<>();
        AtomicReference<Task<Object>> task1 = new AtomicReference<>();
        AtomicReference<Task<Object>> task2 = new AtomicReference<>();
        task1.set(loop.createTask(coro((f, label) -> {
            seen.add("1:" + (Weft.currentTask() == task1.get()));
            if (label == 0) {
                return f.suspendAwait(1, fut1);
            }
            f.resumeValue();
            fut2.setResult(true);
            return f.returning(null);
        })));
        task2.set(loop.createTask(coro((f, label) -> {
            seen.add("2:" + (Weft.currentTask() == task2.get()));
            if (label == 0) {
                fut1.setResult(true);
                return f.suspendAwait(1, fut2);
            }
            f.resumeValue();
            return f.returning(null);
        })));
        loop.runUntilComplete(Weft.gather(task1.get(), task2.get()));
        assertThat(seen).containsExactly("1:true", "2:true", "1:true", "2:true");
        assertThat(loop.currentTask()).isNull();
    }

    @Test
    void test_yield_future_passes_cancel() {
        AtomicInteger proof = new AtomicInteger();
        Future<Object> waiter = loop.createFuture();
        // inner: try: await waiter except CancelledError: proof += 1; raise
        Coroutine<Object> inner = coro((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, waiter);
            }
            try {
                f.resumeValue();
            } catch (CancellationException e) {
                proof.addAndGet(1);
                throw e;
            }
            throw new AssertionError("got past sleep() in inner()");
        });
        // outer: try: await inner() except CancelledError: proof += 100 else: proof += 10
        Coroutine<Object> outer = coro((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, inner);
            }
            try {
                f.resumeValue();
                proof.addAndGet(10);
            } catch (CancellationException e) {
                proof.addAndGet(100);
            }
            return f.returning(null);
        });
        Task<Object> t = loop.createTask(outer);
        runBriefly(loop);
        t.cancel();
        loop.runUntilComplete(t);
        assertThat(proof.get()).isEqualTo(101);
        assertThat(waiter.cancelled()).isTrue();
    }

    @Test
    void test_create_task_with_noncoroutine() {
        Coroutine<Object> notRewritten = new Coroutine<Object>() {
            @Override
            public String toString() {
                return "123";
            }
        };
        assertThatThrownBy(() -> loop.createTask(notRewritten)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a coroutine returned by an @Async method was expected, got 123");
    }

    @Test
    void test_create_task_with_async_function() {
        Task<Object> task = loop.createTask(returning(null));
        loop.runUntilComplete(task);
        Task<Object> again = loop.createTask(returning(null));
        loop.runUntilComplete(again);
        assertThat(again.done()).isTrue();
    }

    @Test
    void test_bare_create_task() {
        loop.runUntilComplete(coro((f, label) -> {
            if (label == 0) {
                Task<Integer> task = Weft.createTask(returning(1));
                return f.suspendAwait(1, task);
            }
            assertThat(f.resumeValue()).isEqualTo(1);
            return f.returning(null);
        }));
    }

    @Test
    void test_bare_create_named_task() {
        loop.runUntilComplete(coro((f, label) -> {
            if (label == 0) {
                Task<Object> task = Weft.createTask(returning(null), "No-op");
                assertThat(task.getName()).isEqualTo("No-op");
                return f.suspendAwait(1, task);
            }
            f.resumeValue();
            return f.returning(null);
        }));
    }

    @Test
    void task_names_default_to_Task_N_and_can_be_set() {
        Task<Object> a = loop.createTask(returning(null));
        Task<Object> b = loop.createTask(returning(null));
        assertThat(a.getName()).isEqualTo("Task-1");
        assertThat(b.getName()).isEqualTo("Task-2");
        b.setName("renamed");
        assertThat(b.getName()).isEqualTo("renamed");
        assertThat(b.toString()).contains("name='renamed'");
        loop.runUntilComplete(Weft.gather(a, b));
    }

    @Test
    void test_log_traceback() {
        // a task whose exception nobody retrieved is reported when the loop closes
        List<Map<String, Object>> reported = new ArrayList<>();
        EventLoop own = EventLoop.withVirtualClock();
        own.setExceptionHandler((l, ctx) -> reported.add(ctx));
        IllegalStateException boom = new IllegalStateException("boom");
        Task<Object> t = own.createTask(Coros.raising(boom));
        Task<Object> retrieved = own.createTask(Coros.raising(new IllegalStateException("seen")));
        Task<Object> cancelled = own.createTask(Coros.raising(new IllegalStateException("cancelled first")));
        cancelled.cancel();
        runBriefly(own);
        assertThat(retrieved.exception()).hasMessage("seen");
        own.close();
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0)).containsEntry("message", "Task exception was never retrieved")
                .containsEntry("exception", boom).containsEntry("task", t);
    }

    @Test
    void a_task_cancelled_before_it_starts_runs_none_of_its_body() {
        AtomicBoolean ran = new AtomicBoolean();
        Task<Object> t = loop.createTask(Coros.calling(() -> {
            ran.set(true);
            return null;
        }));
        t.cancel();
        assertThatThrownBy(() -> loop.runUntilComplete(t)).isInstanceOf(CancellationException.class);
        assertThat(ran).isFalse();
    }

    @Test
    void cancellation_runs_finally_blocks_of_every_level_of_the_chain() {
        List<String> log = new ArrayList<>();
        Future<Object> never = loop.createFuture();
        Coroutine<Object> inner = coro((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, never);
            }
            try {
                return f.returning(f.resumeValue());
            } finally {
                log.add("inner finally");
            }
        });
        Coroutine<Object> outer = coro((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, inner);
            }
            try {
                return f.returning(f.resumeValue());
            } finally {
                log.add("outer finally");
            }
        });
        Task<Object> t = loop.createTask(outer);
        runBriefly(loop);
        t.cancel("stop");
        assertThatThrownBy(() -> loop.runUntilComplete(t)).isInstanceOf(CancellationException.class).hasMessage("stop");
        assertThat(log).containsExactly("inner finally", "outer finally");
        assertThat(never.cancelled()).isTrue();
    }
}
