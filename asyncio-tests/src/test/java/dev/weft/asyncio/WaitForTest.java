package dev.weft.asyncio;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.gatherReturnExceptions;
import static dev.weft.Weft.getRunningLoop;
import static dev.weft.Weft.shield;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.TimeoutException;
import dev.weft.junit.AsyncTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.data.Offset;

/**
 * CPython's {@code test_asyncio/test_waitfor.py}, as {@code @AsyncTest}s on a loop with a virtual
 * clock ({@code IsolatedAsyncioTestCase}); {@code time.monotonic()} is the loop's clock.
 */
class WaitForTest {
    private static final double EPSILON = 0.0001;

    /** Runs for 0.2 s of loop time, ignoring cancellation requests. */
    static final class SlowTask {
        static final double TASK_TIMEOUT = 0.2;
        boolean exited;

        @Async
        Coroutine<Object> run() {
            double exitAt = getRunningLoop().time() + TASK_TIMEOUT;
            double toSleep;
            while ((toSleep = exitAt - getRunningLoop().time()) > 0) {
                try {
                    await(sleep(toSleep));
                } catch (CancellationException ignored) {
                    // pass
                }
            }
            exited = true;
            return Coroutine.returning(null);
        }
    }

    @AsyncTest(virtualTime = true)
    void test_asyncio_wait_for_cancelled() {
        SlowTask t = new SlowTask();
        Task<Object> waitForTask = createTask(waitFor(t.run(), SlowTask.TASK_TIMEOUT * 2));
        await(sleep(0));
        waitForTask.cancel();
        await(gatherReturnExceptions(waitForTask));
        assertThat(t.exited).isTrue();
        // 3.13: the slow task runs inline under the timeout scope, swallows the cancellation and
        // returns, so the waitFor task ends normally (3.11, which ran it in a task of its own, was cancelled)
        assertThat(waitForTask.cancelled()).isFalse();
        assertThat(waitForTask.cancelling()).isEqualTo(1);
    }

    @AsyncTest(virtualTime = true)
    void test_asyncio_wait_for_timeout() {
        SlowTask t = new SlowTask();
        List<Object> seen = new ArrayList<>();
        try {
            await(waitFor(t.run(), SlowTask.TASK_TIMEOUT / 2));
        } catch (TimeoutException e) {
            seen.add(e);
        }
        // the slow task ignored the cancellation and finished: wait_for gives its result, no timeout
        assertThat(seen).isEmpty();
        assertThat(t.exited).isTrue();
    }

    @AsyncTest(virtualTime = true)
    void test_wait_for_timeout_less_then_0_or_0_future_done() {
        Future<String> fut = getRunningLoop().createFuture();
        fut.setResult("done");
        String ret = await(waitFor(fut, 0));
        assertThat(ret).isEqualTo("done");
        assertThat(fut.done()).isTrue();
    }

    @Async
    static Coroutine<Object> starting(AtomicBoolean started) {
        started.set(true);
        return Coroutine.returning(null);
    }

    @AsyncTest(virtualTime = true)
    void test_wait_for_timeout_less_then_0_or_0_coroutine_do_not_started() {
        AtomicBoolean fooStarted = new AtomicBoolean();
        try {
            await(waitFor(starting(fooStarted), 0));
            fail("no TimeoutException");
        } catch (TimeoutException expected) {
            // as in Python
        }
        assertThat(fooStarted).isFalse();
    }

    /** async def foo(): foo_running = True; started.set_result(None); try: await sleep(10) finally: foo_running = False; return 'done' */
    @Async
    static Coroutine<Object> foo(AtomicReference<Boolean> running, Future<Object> started, double seconds) {
        running.set(true);
        if (started != null) {
            started.setResult(null);
        }
        try {
            await(sleep(seconds));
        } finally {
            running.set(false);
        }
        return Coroutine.returning("done");
    }

    @AsyncTest(virtualTime = true)
    void test_wait_for_timeout_less_then_0_or_0() {
        for (double timeout : new double[] {0, -1}) {
            AtomicReference<Boolean> fooRunning = new AtomicReference<>();
            List<Object> seen = new ArrayList<>();
            Future<Object> started = getRunningLoop().createFuture();
            Task<Object> fut = createTask(foo(fooRunning, started, 10));
            await(started);
            try {
                await(waitFor(fut, timeout));
            } catch (TimeoutException e) {
                seen.add(e);
            }
            assertThat(seen).hasSize(1);
            assertThat(fut.done()).isTrue();
            assertThat(fut.cancelled()).isTrue();
            assertThat(fooRunning.get()).isFalse();
        }
    }

    @AsyncTest(virtualTime = true)
    void test_wait_for() {
        AtomicReference<Boolean> fooRunning = new AtomicReference<>();
        List<Object> seen = new ArrayList<>();
        Task<Object> fut = createTask(foo(fooRunning, null, 3600));
        try {
            await(waitFor(fut, 0.1));
        } catch (TimeoutException e) {
            seen.add(e);
        }
        double elapsed = getRunningLoop().time();
        assertThat(seen).hasSize(1);
        assertThat(fut.done()).isTrue();
        assertThat(fut.cancelled()).isTrue();
        assertThat(fooRunning.get()).isFalse();
        assertThat(elapsed).isCloseTo(0.1, Offset.offset(1e-9));
    }

    @Async
    static Coroutine<String> returnDone() {
        return Coroutine.returning("done");
    }

    @AsyncTest(virtualTime = true)
    void test_wait_for_blocking() {
        String res = await(waitFor(returnDone(), Double.POSITIVE_INFINITY));
        assertThat(res).isEqualTo("done");
    }

    @AsyncTest(virtualTime = true)
    void test_wait_for_race_condition() {
        EventLoop loop = getRunningLoop();
        Future<String> fut = loop.createFuture();
        Coroutine<String> task = waitFor(fut, 0.2);
        loop.callLater(0.1, () -> fut.setResult("ok"));
        String res = await(task);
        assertThat(res).isEqualTo("ok");
    }

    /** async def inner(): with assertRaises(CancelledError): await sleep(1); return 1 */
    @Async
    static Coroutine<Object> cancelledInSleep(List<Object> seen) {
        try {
            await(sleep(1));
        } catch (CancellationException e) {
            seen.add(e);
        }
        return Coroutine.returning(1);
    }

    @AsyncTest(virtualTime = true)
    void test_wait_for_cancellation_race_condition() {
        List<Object> seen = new ArrayList<>();
        Object result = await(waitFor(cancelledInSleep(seen), 0.01));
        assertThat(result).isEqualTo(1);
        assertThat(seen).hasSize(1);
    }

    /** async def inner(): try: await sleep(10) except CancelledError: await sleep(EPSILON); raise finally: task_done = True */
    @Async
    static Coroutine<Object> slowToCancel(AtomicBoolean taskDone) {
        try {
            await(sleep(10));
        } catch (CancellationException e) {
            await(sleep(EPSILON));
            throw e;
        } finally {
            taskDone.set(true);
        }
        return Coroutine.returning(null);
    }

    @AsyncTest(virtualTime = true)
    void test_wait_for_waits_for_task_cancellation() {
        AtomicBoolean taskDone = new AtomicBoolean();
        List<TimeoutException> seen = new ArrayList<>();
        Task<Object> innerTask = createTask(slowToCancel(taskDone));
        try {
            await(waitFor(innerTask, EPSILON));
        } catch (TimeoutException e) {
            seen.add(e);
        }
        assertThat(taskDone).isTrue();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).getCause()).isInstanceOf(CancellationException.class);
    }

    @Async
    static Coroutine<Object> waitForSlowToCancel(AtomicBoolean taskDone) {
        Task<Object> innerTask = createTask(slowToCancel(taskDone));
        await(sleep(EPSILON));
        return Coroutine.returning(await(waitFor(innerTask, 0)));
    }

    @AsyncTest(virtualTime = true)
    void test_wait_for_waits_for_task_cancellation_w_timeout_0() {
        AtomicBoolean taskDone = new AtomicBoolean();
        List<TimeoutException> seen = new ArrayList<>();
        try {
            await(waitForSlowToCancel(taskDone));
        } catch (TimeoutException e) {
            seen.add(e);
        }
        assertThat(taskDone).isTrue();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).getCause()).isInstanceOf(CancellationException.class);
    }

    static final class FooException extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** async def inner(): try: await sleep(0.2) finally: raise FooException */
    @Async
    @SuppressWarnings("finally")
    static Coroutine<Object> raisingInFinally() throws FooException {
        try {
            await(sleep(0.2));
        } finally {
            throw new FooException();
        }
    }

    @AsyncTest(virtualTime = true)
    void test_wait_for_reraises_exception_during_cancellation() {
        Exception thrown = null;
        try {
            await(waitFor(createTask(raisingInFinally()), EPSILON));
        } catch (Exception e) {
            thrown = e;
        }
        assertThat(thrown).isInstanceOf(FooException.class);
    }

    /** try: await sleep(0.3) except Cancelled: try: await sleep(0.3) except Cancelled: await sleep(0.3); return 42 */
    @Async
    static Coroutine<Object> stubborn() {
        try {
            await(sleep(0.3));
        } catch (CancellationException e) {
            try {
                await(sleep(0.3));
            } catch (CancellationException again) {
                await(sleep(0.3));
            }
        }
        return Coroutine.returning(42);
    }

    /** 3.11's case (gone in 3.12): 3.13 answers differently, checked with its python3. */
    @AsyncTest(virtualTime = true)
    void test_wait_for_self_cancellation() {
        Task<Object> innerTask = createTask(stubborn());
        Task<Object> task = createTask(waitFor(innerTask, 0.1));
        List<Object> seen = new ArrayList<>();
        await(sleep(0.2));
        task.cancel();
        try {
            seen.add(await(task));
        } catch (CancellationException e) {
            seen.add(e);
        }
        Object r = await(innerTask);
        // 3.13: the cancellation reaches the inner task, which swallows it and returns 42: the
        // waitFor task returns that (the scope never expired) instead of being cancelled (3.11)
        assertThat(seen).containsExactly(42);
        assertThat(r).isEqualTo(42);
    }

    /** async def blocking_coroutine(): fut = loop.create_future(); await fut (never set) */
    @Async
    static Coroutine<Object> blockingCoroutine() {
        return Coroutine.returning(await(getRunningLoop().createFuture()));
    }

    @Async
    static Coroutine<Void> cancelWaitFor(double timeout) {
        EventLoop loop = getRunningLoop();
        Task<Object> task = createTask(blockingCoroutine());
        Task<Object> wait = createTask(waitFor(task, timeout));
        loop.callSoon(wait::cancel);
        List<Object> seen = new ArrayList<>();
        try {
            await(wait);
        } catch (CancellationException e) {
            seen.add(e);
        }
        assertThat(seen).hasSize(1);
        assertThat(task.cancelled()).as("Python issue #23219: cancelling the wait must also cancel the task").isTrue();
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_cancel_blocking_wait_for() {
        await(cancelWaitFor(Double.POSITIVE_INFINITY));
    }

    @AsyncTest(virtualTime = true)
    void test_cancel_wait_for() {
        await(cancelWaitFor(60.0));
    }

    // ---- 3.13's cases ----

    @Async
    static Coroutine<Void> waitForThenSleep(Task<String> innerTask, boolean[] reachedEnd) {
        await(waitFor(innerTask, 100));
        await(sleep(1));
        reachedEnd[0] = true;
        return Coroutine.done();
    }

    /** GH-86296: the task is cancelled and does not run to completion (3.11's waitFor lost the cancellation). */
    @AsyncTest(virtualTime = true)
    void test_wait_for_issue86296() {
        Task<String> innerTask = createTask(returnDone());
        boolean[] reachedEnd = {false};
        Task<Void> task = createTask(waitForThenSleep(innerTask, reachedEnd));
        assertThat(task.done()).isFalse();
        await(sleep(0)); // the task runs: it awaits the inner task, which ends in this same iteration
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
    }

    @Async
    static Coroutine<Integer> return42() {
        try {
            await(sleep(10));
        } catch (CancellationException e) {
            return Coroutine.returning(42);
        }
        return Coroutine.returning(0);
    }

    /** GH-86296: a work that swallows the cancellation and returns a value: waitFor gives that value. */
    @AsyncTest(virtualTime = true)
    void test_wait_for_cancel_suppressed() {
        assertThat((Integer) await(waitFor(return42(), 0.1))).isEqualTo(42);
    }

    @Async
    static Coroutine<String> sleepThenDone(double seconds) {
        await(sleep(seconds));
        return Coroutine.returning("done");
    }

    /** WaitForShieldTests: the shield is cancelled at once, the task it shields goes on. */
    @AsyncTest(virtualTime = true)
    void test_zero_timeout() {
        Task<String> task = createTask(sleepThenDone(0.01));
        Future<String> shielded = shield(task);
        try {
            await(waitFor(shielded, 0));
            throw new AssertionError("no timeout");
        } catch (TimeoutException expected) {
            // the shield is cancelled at once
        }
        assertThat(task.done()).isFalse(); // running in the background
        assertThat(task.cancelled()).isFalse();
        assertThat(shielded.cancelled()).isTrue();
        await(sleep(0.1));
        assertThat(task.done()).isTrue();
    }

    @AsyncTest(virtualTime = true)
    void test_none_timeout() {
        Task<String> task = createTask(sleepThenDone(0.1));
        await(waitFor(shield(task), Double.POSITIVE_INFINITY));
        assertThat(task.done()).isTrue();
        assertThat(await(task)).isEqualTo("done");
    }

    @AsyncTest(virtualTime = true)
    void test_shielded_timeout() {
        Task<String> task = createTask(sleepThenDone(0.1));
        try {
            await(waitFor(shield(task), 0.01));
            throw new AssertionError("no timeout");
        } catch (TimeoutException expected) {
            // the shield is cancelled, not the task
        }
        assertThat(task.done()).isFalse();
        assertThat(task.cancelled()).isFalse();
        assertThat(await(task)).isEqualTo("done");
    }
}
