package dev.weft;

import static dev.weft.Coros.coro;
import static dev.weft.Weft.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * CPython's {@code test_asyncio/test_waitfor.py}. Each case runs as a coroutine on a loop with a
 * virtual clock ({@code IsolatedAsyncioTestCase}); {@code time.monotonic()} is the loop's clock.
 */
class WaitForTest {
    private static final double EPSILON = 0.0001;

    private static <T> T runAsync(Coros.Resume body) {
        return Weft.run(coro(body), EventLoop::withVirtualClock);
    }

    /** Runs for 0.2 s of loop time, ignoring cancellation requests. */
    static final class SlowTask {
        static final double TASK_TIMEOUT = 0.2;
        boolean exited;

        Coroutine<Object> run() {
            double[] exitAt = {Double.NaN};
            return coro((f, label) -> {
                if (label == 0) {
                    exitAt[0] = Weft.getRunningLoop().time() + TASK_TIMEOUT;
                } else {
                    try {
                        f.resumeValue();
                    } catch (CancellationException ignored) {
                        // pass
                    }
                }
                double toSleep = exitAt[0] - Weft.getRunningLoop().time();
                if (toSleep > 0) {
                    return f.suspendAwait(1, Weft.sleep(toSleep));
                }
                exited = true;
                return f.returning(null);
            });
        }
    }

    @Test
    void test_asyncio_wait_for_cancelled() {
        SlowTask t = new SlowTask();
        AtomicReference<Task<Object>> waitForTask = new AtomicReference<>();
        runAsync((f, label) -> {
            switch (label) {
                case 0:
                    waitForTask.set(Weft.createTask(Weft.waitFor(t.run(), SlowTask.TASK_TIMEOUT * 2)));
                    return f.suspendAwait(1, Weft.sleep(0));
                case 1:
                    f.resumeValue();
                    waitForTask.get().cancel();
                    return f.suspendAwait(2, Weft.gatherReturnExceptions(waitForTask.get()));
                default:
                    f.resumeValue();
                    return f.returning(null);
            }
        });
        assertThat(t.exited).isTrue();
        // 3.13: the slow task runs inline under the timeout scope, swallows the cancellation and
        // returns, so the waitFor task ends normally (3.11, which ran it in a task of its own, was cancelled)
        assertThat(waitForTask.get().cancelled()).isFalse();
        assertThat(waitForTask.get().cancelling()).isEqualTo(1);
    }

    @Test
    void test_asyncio_wait_for_timeout() {
        SlowTask t = new SlowTask();
        List<Object> seen = new ArrayList<>();
        runAsync((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, Weft.waitFor(t.run(), SlowTask.TASK_TIMEOUT / 2));
            }
            try {
                f.resumeValue();
            } catch (TimeoutException e) {
                seen.add(e);
            }
            return f.returning(null);
        });
        // the slow task ignored the cancellation and finished: wait_for gives its result, no timeout
        assertThat(seen).isEmpty();
        assertThat(t.exited).isTrue();
    }

    @Test
    void test_wait_for_timeout_less_then_0_or_0_future_done() {
        AtomicReference<Future<String>> fut = new AtomicReference<>();
        String ret = runAsync((f, label) -> {
            if (label == 0) {
                fut.set(Weft.getRunningLoop().createFuture());
                fut.get().setResult("done");
                return f.suspendAwait(1, Weft.waitFor(fut.get(), 0));
            }
            return f.returning(f.resumeValue());
        });
        assertThat(ret).isEqualTo("done");
        assertThat(fut.get().done()).isTrue();
    }

    @Test
    void test_wait_for_timeout_less_then_0_or_0_coroutine_do_not_started() {
        AtomicBoolean fooStarted = new AtomicBoolean();
        Coroutine<Object> foo = Coros.calling(() -> {
            fooStarted.set(true);
            return null;
        });
        assertThatThrownBy(() -> runAsync((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, Weft.waitFor(foo, 0));
            }
            return f.returning(f.resumeValue());
        })).isInstanceOf(TimeoutException.class);
        assertThat(fooStarted).isFalse();
    }

    /** async def foo(): foo_running = True; started.set_result(None); try: await sleep(10) finally: foo_running = False; return 'done' */
    private static Coroutine<Object> foo(AtomicReference<Boolean> running, Future<Object> started, double sleep) {
        return coro((f, label) -> {
            if (label == 0) {
                running.set(true);
                if (started != null) {
                    started.setResult(null);
                }
                return f.suspendAwait(1, Weft.sleep(sleep));
            }
            try {
                f.resumeValue();
            } finally {
                running.set(false);
            }
            return f.returning("done");
        });
    }

    @Test
    void test_wait_for_timeout_less_then_0_or_0() {
        for (double timeout : new double[] {0, -1}) {
            AtomicReference<Boolean> fooRunning = new AtomicReference<>();
            AtomicReference<Task<Object>> fut = new AtomicReference<>();
            List<Object> seen = new ArrayList<>();
            runAsync((f, label) -> {
                switch (label) {
                    case 0: {
                        Future<Object> started = Weft.getRunningLoop().createFuture();
                        fut.set(Weft.createTask(foo(fooRunning, started, 10)));
                        return f.suspendAwait(1, started);
                    }
                    case 1:
                        f.resumeValue();
                        return f.suspendAwait(2, Weft.waitFor(fut.get(), timeout));
                    default:
                        try {
                            f.resumeValue();
                        } catch (TimeoutException e) {
                            seen.add(e);
                        }
                        return f.returning(null);
                }
            });
            assertThat(seen).hasSize(1);
            assertThat(fut.get().done()).isTrue();
            assertThat(fut.get().cancelled()).isTrue();
            assertThat(fooRunning.get()).isFalse();
        }
    }

    @Test
    void test_wait_for() {
        AtomicReference<Boolean> fooRunning = new AtomicReference<>();
        AtomicReference<Task<Object>> fut = new AtomicReference<>();
        List<Object> seen = new ArrayList<>();
        double[] elapsed = {0};
        runAsync((f, label) -> {
            if (label == 0) {
                fut.set(Weft.createTask(foo(fooRunning, null, 3600)));
                return f.suspendAwait(1, Weft.waitFor(fut.get(), 0.1));
            }
            try {
                f.resumeValue();
            } catch (TimeoutException e) {
                seen.add(e);
            }
            elapsed[0] = Weft.getRunningLoop().time();
            return f.returning(null);
        });
        assertThat(seen).hasSize(1);
        assertThat(fut.get().done()).isTrue();
        assertThat(fut.get().cancelled()).isTrue();
        assertThat(fooRunning.get()).isFalse();
        assertThat(elapsed[0]).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void test_wait_for_blocking() {
        String res = runAsync((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, Weft.waitFor(Coros.returning("done"), Double.POSITIVE_INFINITY));
            }
            return f.returning(f.resumeValue());
        });
        assertThat(res).isEqualTo("done");
    }

    @Test
    void test_wait_for_race_condition() {
        String res = runAsync((f, label) -> {
            if (label == 0) {
                EventLoop loop = Weft.getRunningLoop();
                Future<String> fut = loop.createFuture();
                Coroutine<String> task = Weft.waitFor(fut, 0.2);
                loop.callLater(0.1, () -> fut.setResult("ok"));
                return f.suspendAwait(1, task);
            }
            return f.returning(f.resumeValue());
        });
        assertThat(res).isEqualTo("ok");
    }

    @Test
    void test_wait_for_cancellation_race_condition() {
        // async def inner(): with assertRaises(CancelledError): await sleep(1); return 1
        List<Object> seen = new ArrayList<>();
        Coroutine<Object> inner = coro((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, Weft.sleep(1));
            }
            try {
                f.resumeValue();
            } catch (CancellationException e) {
                seen.add(e);
            }
            return f.returning(1);
        });
        Object result = runAsync((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, Weft.waitFor(inner, 0.01));
            }
            return f.returning(f.resumeValue());
        });
        assertThat(result).isEqualTo(1);
        assertThat(seen).hasSize(1);
    }

    /** async def inner(): try: await sleep(10) except CancelledError: await sleep(EPSILON); raise finally: task_done = True */
    private static Coroutine<Object> slowToCancel(AtomicBoolean taskDone) {
        AtomicReference<CancellationException> pending = new AtomicReference<>();
        return coro((f, label) -> {
            switch (label) {
                case 0:
                    return f.suspendAwait(1, Weft.sleep(10));
                case 1:
                    try {
                        f.resumeValue();
                    } catch (CancellationException e) {
                        pending.set(e);
                        return f.suspendAwait(2, Weft.sleep(EPSILON));
                    } catch (RuntimeException | Error e) {
                        taskDone.set(true);
                        throw e;
                    }
                    taskDone.set(true);
                    return f.returning(null);
                default:
                    try {
                        f.resumeValue();
                        throw pending.get();
                    } finally {
                        taskDone.set(true);
                    }
            }
        });
    }

    @Test
    void test_wait_for_waits_for_task_cancellation() {
        AtomicBoolean taskDone = new AtomicBoolean();
        List<TimeoutException> seen = new ArrayList<>();
        runAsync((f, label) -> {
            if (label == 0) {
                Task<Object> innerTask = Weft.createTask(slowToCancel(taskDone));
                return f.suspendAwait(1, Weft.waitFor(innerTask, EPSILON));
            }
            try {
                f.resumeValue();
            } catch (TimeoutException e) {
                seen.add(e);
            }
            return f.returning(null);
        });
        assertThat(taskDone).isTrue();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).getCause()).isInstanceOf(CancellationException.class);
    }

    @Test
    void test_wait_for_waits_for_task_cancellation_w_timeout_0() {
        AtomicBoolean taskDone = new AtomicBoolean();
        AtomicReference<Task<Object>> innerTask = new AtomicReference<>();
        Coroutine<Object> foo = coro((f, label) -> {
            switch (label) {
                case 0:
                    innerTask.set(Weft.createTask(slowToCancel(taskDone)));
                    return f.suspendAwait(1, Weft.sleep(EPSILON));
                case 1:
                    f.resumeValue();
                    return f.suspendAwait(2, Weft.waitFor(innerTask.get(), 0));
                default:
                    return f.returning(f.resumeValue());
            }
        });
        List<TimeoutException> seen = new ArrayList<>();
        runAsync((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, foo);
            }
            try {
                f.resumeValue();
            } catch (TimeoutException e) {
                seen.add(e);
            }
            return f.returning(null);
        });
        assertThat(taskDone).isTrue();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).getCause()).isInstanceOf(CancellationException.class);
    }

    static final class FooException extends Exception {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void test_wait_for_reraises_exception_during_cancellation() {
        // async def inner(): try: await sleep(0.2) finally: raise FooException
        Coroutine<Object> inner = coro((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, Weft.sleep(0.2));
            }
            try {
                f.resumeValue();
            } finally {
                throw new FooException();
            }
        });
        assertThatThrownBy(() -> runAsync((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, Weft.waitFor(Weft.createTask(inner), EPSILON));
            }
            return f.returning(f.resumeValue());
        })).isInstanceOf(FooException.class);
    }

    /** 3.11's case (gone in 3.12): 3.13 answers differently, checked with its python3. */
    @Test
    void test_wait_for_self_cancellation() {
        // inner: try: await sleep(0.3) except Cancelled: try: await sleep(0.3) except Cancelled: await sleep(0.3); return 42
        Coroutine<Object> inner = coro((f, label) -> {
            switch (label) {
                case 0:
                    return f.suspendAwait(1, Weft.sleep(0.3));
                case 1:
                    try {
                        f.resumeValue();
                    } catch (CancellationException e) {
                        return f.suspendAwait(2, Weft.sleep(0.3));
                    }
                    return f.returning(42);
                case 2:
                    try {
                        f.resumeValue();
                    } catch (CancellationException e) {
                        return f.suspendAwait(3, Weft.sleep(0.3));
                    }
                    return f.returning(42);
                default:
                    f.resumeValue();
                    return f.returning(42);
            }
        });
        AtomicReference<Task<Object>> innerTask = new AtomicReference<>();
        AtomicReference<Task<Object>> task = new AtomicReference<>();
        List<Object> seen = new ArrayList<>();
        Object r = runAsync((f, label) -> {
            switch (label) {
                case 0:
                    innerTask.set(Weft.createTask(inner));
                    task.set(Weft.createTask(Weft.waitFor(innerTask.get(), 0.1)));
                    return f.suspendAwait(1, Weft.sleep(0.2));
                case 1:
                    f.resumeValue();
                    task.get().cancel();
                    return f.suspendAwait(2, task.get());
                case 2:
                    try {
                        seen.add(f.resumeValue());
                    } catch (CancellationException e) {
                        seen.add(e);
                    }
                    return f.suspendAwait(3, innerTask.get());
                default:
                    return f.returning(f.resumeValue());
            }
        });
        // 3.13: the cancellation reaches the inner task, which swallows it and returns 42: the
        // waitFor task returns that (the scope never expired) instead of being cancelled (3.11)
        assertThat(seen).containsExactly(42);
        assertThat(r).isEqualTo(42);
    }

    private void checkCancelWaitFor(double timeout) {
        AtomicReference<Task<Object>> task = new AtomicReference<>();
        List<Object> seen = new ArrayList<>();
        runAsync((f, label) -> {
            if (label == 0) {
                EventLoop loop = Weft.getRunningLoop();
                task.set(Weft.createTask(Coros.awaiting(loop.createFuture())));
                Task<Object> wait = Weft.createTask(Weft.waitFor(task.get(), timeout));
                loop.callSoon(wait::cancel);
                return f.suspendAwait(1, wait);
            }
            try {
                f.resumeValue();
            } catch (CancellationException e) {
                seen.add(e);
            }
            return f.returning(null);
        });
        assertThat(seen).hasSize(1);
        assertThat(task.get().cancelled()).as("Python issue #23219: cancelling the wait must also cancel the task").isTrue();
    }

    @Test
    void test_cancel_blocking_wait_for() {
        checkCancelWaitFor(Double.POSITIVE_INFINITY);
    }

    @Test
    void test_cancel_wait_for() {
        checkCancelWaitFor(60.0);
    }

    // ---- 3.13's cases, as @Async coroutines ----

    @Async
    static Coroutine<String> returnDone() {
        return Coroutine.returning("done");
    }

    @Async
    static Coroutine<Void> waitForThenSleep(Task<String> innerTask, boolean[] reachedEnd) {
        await(Weft.waitFor(innerTask, 100));
        await(Weft.sleep(1));
        reachedEnd[0] = true;
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> waitForIssue86296() {
        Task<String> innerTask = Weft.createTask(returnDone());
        boolean[] reachedEnd = {false};
        Task<Void> task = Weft.createTask(waitForThenSleep(innerTask, reachedEnd));
        assertThat(task.done()).isFalse();
        await(Weft.sleep(0)); // the task runs: it awaits the inner task, which ends in this same iteration
        task.cancel();
        try {
            await(task);
            throw new AssertionError("the task was not cancelled");
        } catch (CancellationException expected) {
            // the cancellation racing the inner task's completion is not lost
        }
        assertThat(innerTask.done()).isTrue();
        assertThat(await(innerTask)).isEqualTo("done");
        assertThat(reachedEnd[0]).isFalse();
        return Coroutine.done();
    }

    /** GH-86296: the task is cancelled and does not run to completion (3.11's waitFor lost the cancellation). */
    @Test
    void test_wait_for_issue86296() {
        Weft.run(waitForIssue86296(), EventLoop::withVirtualClock);
    }

    @Async
    static Coroutine<Integer> return42() {
        try {
            await(Weft.sleep(10));
        } catch (CancellationException e) {
            return Coroutine.returning(42);
        }
        return Coroutine.returning(0);
    }

    /** GH-86296: a work that swallows the cancellation and returns a value: waitFor gives that value. */
    @Test
    void test_wait_for_cancel_suppressed() {
        assertThat((Integer) Weft.run(Weft.waitFor(return42(), 0.1), EventLoop::withVirtualClock)).isEqualTo(42);
    }

    @Async
    static Coroutine<String> sleepThenDone(double seconds) {
        await(Weft.sleep(seconds));
        return Coroutine.returning("done");
    }

    @Async
    static Coroutine<Void> zeroTimeout() {
        Task<String> task = Weft.createTask(sleepThenDone(0.01));
        Future<String> shielded = Weft.shield(task);
        try {
            await(Weft.waitFor(shielded, 0));
            throw new AssertionError("no timeout");
        } catch (TimeoutException expected) {
            // the shield is cancelled at once
        }
        assertThat(task.done()).isFalse(); // running in the background
        assertThat(task.cancelled()).isFalse();
        assertThat(shielded.cancelled()).isTrue();
        await(Weft.sleep(0.1));
        assertThat(task.done()).isTrue();
        return Coroutine.done();
    }

    /** WaitForShieldTests: the shield is cancelled at once, the task it shields goes on. */
    @Test
    void test_zero_timeout() {
        Weft.run(zeroTimeout(), EventLoop::withVirtualClock);
    }

    @Async
    static Coroutine<Void> noneTimeout() {
        Task<String> task = Weft.createTask(sleepThenDone(0.1));
        await(Weft.waitFor(Weft.shield(task), Double.POSITIVE_INFINITY));
        assertThat(task.done()).isTrue();
        assertThat(await(task)).isEqualTo("done");
        return Coroutine.done();
    }

    @Test
    void test_none_timeout() {
        Weft.run(noneTimeout(), EventLoop::withVirtualClock);
    }

    @Async
    static Coroutine<Void> shieldedTimeout() {
        Task<String> task = Weft.createTask(sleepThenDone(0.1));
        try {
            await(Weft.waitFor(Weft.shield(task), 0.01));
            throw new AssertionError("no timeout");
        } catch (TimeoutException expected) {
            // the shield is cancelled, not the task
        }
        assertThat(task.done()).isFalse();
        assertThat(task.cancelled()).isFalse();
        assertThat(await(task)).isEqualTo("done");
        return Coroutine.done();
    }

    @Test
    void test_shielded_timeout() {
        Weft.run(shieldedTimeout(), EventLoop::withVirtualClock);
    }
}
