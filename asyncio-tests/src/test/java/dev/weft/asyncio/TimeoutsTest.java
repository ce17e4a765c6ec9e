package dev.weft.asyncio;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.currentTask;
import static dev.weft.Weft.getRunningLoop;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.timeout;
import static dev.weft.Weft.timeoutAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.Timeout;
import dev.weft.TimeoutException;
import dev.weft.junit.AsyncTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * CPython 3.13's {@code Lib/test/test_asyncio/test_timeouts.py}, case by case, as
 * {@code @AsyncTest}s in virtual time. {@code async with asyncio.timeout(d) as cm: body} is
 * {@code await(timeout(d, cm -> body(cm)))}; the Python cases that look at {@code cm} after the
 * block keep it from the function. Not ported: {@code test_timeout_not_entered} and
 * {@code test_timeout_without_task} (a {@code Timeout} exists only once entered, and a coroutine
 * only runs in a task); {@code test_timeout_exception_context}, {@code test_foreign_exception_on_timeout_2}
 * and {@code test_timeout_taskgroup}, which look at the implicit {@code __context__} chain Java has not.
 */
class TimeoutsTest {
    // ---- test_timeout_basic ----

    @Async
    static Coroutine<Timeout> timeoutBasic() {
        Timeout[] cm = new Timeout[1];
        try {
            await(timeout(0.01, t -> {
                cm[0] = t;
                return sleep(10);
            }));
            fail("no TimeoutException");
        } catch (TimeoutException expected) {
            assertThat(getRunningLoop().time()).isEqualTo(0.01);
        }
        return Coroutine.returning(cm[0]);
    }

    @AsyncTest(virtualTime = true)
    void test_timeout_basic() {
        assertThat(await(timeoutBasic()).expired()).isTrue();
    }

    // ---- test_timeout_at_basic ----

    @AsyncTest(virtualTime = true)
    void test_timeout_at_basic() {
        Timeout[] cm = new Timeout[1];
        double deadline = getRunningLoop().time() + 0.01;
        try {
            await(timeoutAt(deadline, t -> {
                cm[0] = t;
                return sleep(10);
            }));
            fail("no TimeoutException");
        } catch (TimeoutException expected) {
            // as Python's
        }
        assertThat(cm[0].expired()).isTrue();
        assertThat(cm[0].when()).isEqualTo(deadline);
    }

    // ---- test_nested_timeouts ----

    @Async
    static Coroutine<Void> nestedInner(double deadline, Timeout[] cms, boolean[] cancelled) {
        try {
            await(timeoutAt(deadline, t -> {
                cms[1] = t;
                return sleep(10);
            }));
        } catch (CancellationException e) {
            cancelled[0] = true;
            throw e;
        }
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_nested_timeouts() {
        Timeout[] cms = new Timeout[2];
        boolean[] cancelled = new boolean[1];
        double deadline = getRunningLoop().time() + 0.01;
        try {
            await(timeoutAt(deadline, t -> {
                cms[0] = t;
                return nestedInner(deadline, cms, cancelled);
            }));
            fail("no TimeoutException");
        } catch (TimeoutException expected) {
            // only the topmost scope raises
        }
        assertThat(cancelled[0]).isTrue();
        assertThat(cms[0].expired()).isTrue();
        assertThat(cms[1].expired()).isTrue();
    }

    // ---- test_waiter_cancelled ----

    @Async
    static Coroutine<Void> sleepRecordingCancel(double seconds, boolean[] cancelled) {
        try {
            await(sleep(seconds));
        } catch (CancellationException e) {
            cancelled[0] = true;
            throw e;
        }
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_waiter_cancelled() {
        boolean[] cancelled = new boolean[1];
        try {
            await(timeout(0.01, sleepRecordingCancel(10, cancelled)));
            fail("no TimeoutException");
        } catch (TimeoutException expected) {
            // as Python's
        }
        assertThat(cancelled[0]).isTrue();
    }

    // ---- test_timeout_not_called ----

    @AsyncTest(virtualTime = true)
    void test_timeout_not_called() {
        Timeout[] cm = new Timeout[1];
        await(timeout(10, t -> {
            cm[0] = t;
            return sleep(0.01);
        }));
        double t1 = getRunningLoop().time();
        assertThat(cm[0].expired()).isFalse();
        assertThat(cm[0].when()).isGreaterThan(t1);
    }

    // ---- test_timeout_disabled / test_timeout_at_disabled: None is POSITIVE_INFINITY ----

    @Async
    static Coroutine<Void> timeoutDisabled(boolean at) {
        Timeout[] cm = new Timeout[1];
        if (at) {
            await(timeoutAt(Double.POSITIVE_INFINITY, t -> {
                cm[0] = t;
                return sleep(0.01);
            }));
        } else {
            await(timeout(Double.POSITIVE_INFINITY, t -> {
                cm[0] = t;
                return sleep(0.01);
            }));
        }
        assertThat(cm[0].expired()).isFalse();
        assertThat(cm[0].when()).isNull();
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_timeout_disabled() {
        await(timeoutDisabled(false));
    }

    @AsyncTest(virtualTime = true)
    void test_timeout_at_disabled() {
        await(timeoutDisabled(true));
    }

    // ---- test_timeout_zero, test_timeout_zero_sleep_zero, test_timeout_in_the_past_sleep_zero ----

    @Async
    static Coroutine<Void> timeoutZero(double delay, double sleepFor) {
        double t0 = getRunningLoop().time();
        Timeout[] cm = new Timeout[1];
        try {
            await(timeout(delay, t -> {
                cm[0] = t;
                return sleep(sleepFor);
            }));
            fail("no TimeoutException");
        } catch (TimeoutException expected) {
            // as Python's
        }
        double t1 = getRunningLoop().time();
        assertThat(cm[0].expired()).isTrue();
        if (delay >= 0) {
            assertThat(cm[0].when()).isBetween(t0, t1);
        } else {
            assertThat(cm[0].when()).isLessThanOrEqualTo(t0).isLessThanOrEqualTo(t1);
        }
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_timeout_zero() {
        await(timeoutZero(0, 10));
    }

    @AsyncTest(virtualTime = true)
    void test_timeout_zero_sleep_zero() {
        await(timeoutZero(0, 0));
    }

    @AsyncTest(virtualTime = true)
    void test_timeout_in_the_past_sleep_zero() {
        await(timeoutZero(-11, 0));
    }

    // ---- test_foreign_exception_passed ----

    static final class KeyError extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Async
    static Coroutine<Void> raiseKeyError() {
        throw new KeyError();
    }

    @Async
    static Coroutine<Void> foreignExceptionPassed(boolean fromTheBlock) {
        Timeout[] cm = new Timeout[1];
        try {
            await(timeout(0.01, t -> {
                cm[0] = t;
                if (fromTheBlock) {
                    throw new KeyError();
                }
                return raiseKeyError();
            }));
            fail("no KeyError");
        } catch (KeyError expected) {
            // as Python's
        }
        assertThat(cm[0].expired()).isFalse();
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_foreign_exception_passed() {
        await(foreignExceptionPassed(true));
        await(foreignExceptionPassed(false));
    }

    // ---- test_foreign_exception_on_timeout ----

    @Async
    static Coroutine<Void> crash() {
        try {
            await(sleep(1));
        } finally {
            int zero = 0;
            System.out.println(1 / zero);
        }
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_foreign_exception_on_timeout() {
        try {
            await(timeout(0.01, crash()));
            fail("no ArithmeticException");
        } catch (ArithmeticException expected) {
            // as Python's ZeroDivisionError
        }
    }

    // ---- test_foreign_cancel_doesnt_timeout_if_not_expired ----

    @AsyncTest(virtualTime = true)
    void test_foreign_cancel_doesnt_timeout_if_not_expired() {
        Timeout[] cm = new Timeout[1];
        try {
            await(timeout(10, t -> {
                cm[0] = t;
                currentTask().cancel();
                return sleep(10);
            }));
            fail("no CancellationException");
        } catch (CancellationException expected) {
            // not a timeout
        }
        assertThat(cm[0].expired()).isFalse();
    }

    // ---- test_outer_task_is_not_cancelled ----

    @Async
    static Coroutine<Void> outerOfTimeout() {
        try {
            await(timeout(0.001, sleep(10)));
            fail("no TimeoutException");
        } catch (TimeoutException expected) {
            // as Python's
        }
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_outer_task_is_not_cancelled() {
        Task<Void> task = createTask(outerOfTimeout());
        await(task);
        assertThat(task.cancelled()).isFalse();
        assertThat(task.done()).isTrue();
        assertThat(task.cancelling()).isZero();
    }

    // ---- test_nested_timeouts_concurrent (real clock: the loop is blocked for real) ----

    @Async
    static Coroutine<Void> crunchThenSleep(long busyMillis) {
        try {
            Thread.sleep(busyMillis); // pretend we crunch some numbers
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        await(sleep(1));
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> innerExpectingTimeout(double delay, long busyMillis) {
        try {
            await(timeout(delay, crunchThenSleep(busyMillis)));
            fail("no TimeoutException from the inner scope");
        } catch (TimeoutException expected) {
            // as Python's
        }
        return Coroutine.done();
    }

    @AsyncTest
    void test_nested_timeouts_concurrent() {
        try {
            await(timeout(0.002, innerExpectingTimeout(0.1, 10)));
            fail("no TimeoutException from the outer scope");
        } catch (TimeoutException expected) {
            // as Python's
        }
    }

    // ---- test_nested_timeouts_loop_busy ----

    @Async
    static Coroutine<Void> busyThenSleepTen() {
        await(innerExpectingTimeout(0.01, 100));
        // TimeoutError was caught by (2)
        await(sleep(10)); // this sleep should be interrupted by (1)
        return Coroutine.done();
    }

    @AsyncTest
    void test_nested_timeouts_loop_busy() {
        double t0 = getRunningLoop().time();
        try {
            await(timeout(0.1, busyThenSleepTen()));
            fail("no TimeoutException from the outer scope");
        } catch (TimeoutException expected) {
            // as Python's
        }
        double t1 = getRunningLoop().time();
        assertThat(t1).isBetween(t0, t0 + 1);
    }

    // ---- test_reschedule ----

    @Async
    static Coroutine<Void> rescheduled(double deadline1, Future<Timeout> fut) {
        await(timeoutAt(deadline1, cm -> {
            fut.setResult(cm);
            return sleep(50);
        }));
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_reschedule() {
        EventLoop loop = getRunningLoop();
        Future<Timeout> fut = loop.createFuture();
        double deadline1 = loop.time() + 10;
        double deadline2 = deadline1 + 20;
        Task<Void> task = createTask(rescheduled(deadline1, fut));
        Timeout cm = await(fut);
        assertThat(cm.when()).isEqualTo(deadline1);
        cm.reschedule(deadline2);
        assertThat(cm.when()).isEqualTo(deadline2);
        cm.reschedule(null);
        assertThat(cm.when()).isNull();
        task.cancel();
        try {
            await(task);
            fail("no CancellationException");
        } catch (CancellationException expected) {
            // as Python's
        }
        assertThat(cm.expired()).isFalse();
    }

    @Async
    static Coroutine<Double> rescheduleLater() {
        await(timeout(1, t -> {
            t.reschedule(getRunningLoop().time() + 5);
            return sleep(3);
        }));
        return Coroutine.returning(getRunningLoop().time());
    }

    @AsyncTest(virtualTime = true)
    void rescheduleMovesTheDeadlineOfTheRunningScope() {
        assertThat(await(rescheduleLater())).isEqualTo(3.0);
    }

    // ---- test_repr_active, test_repr_expired, test_repr_finished, test_repr_disabled ----

    @Async
    static Coroutine<List<String>> reprs() {
        List<String> seen = new ArrayList<>();
        await(timeout(10, cm -> {
            seen.add(cm.toString());
            return null;
        }));
        Timeout[] cm = new Timeout[1];
        try {
            await(timeout(0.01, t -> {
                cm[0] = t;
                return sleep(10);
            }));
        } catch (TimeoutException expected) {
            seen.add(cm[0].toString());
        }
        await(timeout(10, t -> {
            cm[0] = t;
            return sleep(0);
        }));
        seen.add(cm[0].toString());
        await(timeout(Double.POSITIVE_INFINITY, t -> {
            seen.add(t.toString());
            return null;
        }));
        return Coroutine.returning(seen);
    }

    @AsyncTest(virtualTime = true)
    void test_repr_active_expired_finished_disabled() {
        List<String> seen = await(reprs());
        assertThat(seen.get(0)).matches("<Timeout \\[active\\] when=\\d+\\.\\d*>");
        assertThat(seen.subList(1, 4)).containsExactly("<Timeout [expired]>", "<Timeout [finished]>",
                "<Timeout [active] when=None>");
    }

    // ---- test_nested_timeout_in_finally ----

    @Async
    static Coroutine<Void> sleepWithTimeoutInFinally() {
        try {
            await(sleep(1));
        } finally {
            try {
                await(timeout(0.01, sleep(10)));
                fail("no TimeoutException in finally");
            } catch (TimeoutException expected) {
                // as Python's
            }
        }
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_nested_timeout_in_finally() {
        try {
            await(timeout(0.01, sleepWithTimeoutInFinally()));
            fail("no TimeoutException");
        } catch (TimeoutException expected) {
            // as Python's
        }
    }

    // ---- test_timeout_after_cancellation ----

    @AsyncTest(virtualTime = true)
    void test_timeout_after_cancellation() {
        try {
            currentTask().cancel();
            await(sleep(1)); // work which will be cancelled
        } catch (CancellationException ignored) {
            // swallowed
        } finally {
            try {
                await(timeout(0.0, sleep(1))); // some cleanup
                fail("no TimeoutException");
            } catch (TimeoutException expected) {
                // as Python's
            }
        }
    }

    // ---- test_cancel_in_timeout_after_cancellation ----

    @AsyncTest(virtualTime = true)
    void test_cancel_in_timeout_after_cancellation() {
        try {
            currentTask().cancel();
            await(sleep(1)); // work which will be cancelled
        } catch (CancellationException ignored) {
            // swallowed
        } finally {
            try {
                await(timeout(1.0, t -> {
                    currentTask().cancel();
                    return sleep(2); // some cleanup
                }));
                fail("no CancellationException");
            } catch (CancellationException expected) {
                // as Python's: a cancellation, not a timeout
            }
        }
    }

    // ---- test_timeout_exception_cause ----

    @Async
    static Coroutine<Throwable> timeoutExceptionCause() {
        try {
            await(timeout(0, sleep(1)));
        } catch (TimeoutException e) {
            return Coroutine.returning(e.getCause());
        }
        return Coroutine.returning(null);
    }

    @AsyncTest(virtualTime = true)
    void test_timeout_exception_cause() {
        assertThat(await(timeoutExceptionCause())).isInstanceOf(CancellationException.class);
    }

    // ---- test_timeout_already_entered, test_timeout_double_enter: a scope runs once ----

    @Async
    static Coroutine<String> enterTwice(boolean whileInside) {
        @SuppressWarnings("unchecked")
        Coroutine<Object>[] scope = new Coroutine[1];
        Coroutine<Object> cm = timeout(0.01, t -> whileInside ? scope[0] : null);
        scope[0] = cm;
        try {
            await(cm);
            if (!whileInside) {
                await(cm);
            }
        } catch (IllegalStateException e) {
            return Coroutine.returning(e.getMessage());
        }
        return Coroutine.returning(null);
    }

    @AsyncTest(virtualTime = true)
    void test_timeout_already_entered() {
        assertThat(await(enterTwice(true))).contains("being awaited already");
    }

    @AsyncTest(virtualTime = true)
    void test_timeout_double_enter() {
        assertThat(await(enterTwice(false))).contains("already awaited");
    }

    // ---- test_timeout_finished, test_timeout_expired, test_timeout_expiring ----

    @Async
    static Coroutine<String> rescheduleAfter(boolean expire) {
        Timeout[] cm = new Timeout[1];
        try {
            await(timeout(0.01, t -> {
                cm[0] = t;
                return expire ? sleep(1) : null;
            }));
        } catch (TimeoutException expected) {
            // expired
        }
        try {
            cm[0].reschedule(0.02);
        } catch (IllegalStateException e) {
            return Coroutine.returning(e.getMessage());
        }
        return Coroutine.returning(null);
    }

    @AsyncTest(virtualTime = true)
    void test_timeout_finished() {
        assertThat(await(rescheduleAfter(false))).contains("finished");
    }

    @AsyncTest(virtualTime = true)
    void test_timeout_expired() {
        assertThat(await(rescheduleAfter(true))).contains("expired");
    }

    @Async
    static Coroutine<String> expiringBody(Timeout cm) {
        try {
            await(sleep(1));
            fail("no CancellationException");
        } catch (CancellationException expected) {
            // swallowed: the scope will not raise
        }
        try {
            cm.reschedule(0.02);
        } catch (IllegalStateException e) {
            return Coroutine.returning(e.getMessage());
        }
        return Coroutine.returning(null);
    }

    @Async
    static Coroutine<String> timeoutExpiring() {
        String message = await(timeout(0.01, cm -> expiringBody(cm)));
        assertThat(currentTask().cancelling()).isZero();
        return Coroutine.returning(message);
    }

    @AsyncTest(virtualTime = true)
    void test_timeout_expiring() {
        assertThat(await(timeoutExpiring())).contains("expiring");
    }

    // ---- beyond the Python file: Java spellings ----

    @Async
    static Coroutine<String> slowValue(double delay, String value) {
        await(sleep(delay));
        return Coroutine.returning(value);
    }

    @Async
    static Coroutine<String> resultComesBack() {
        String v = await(timeout(10, slowValue(1, "done")));
        assertThat(getRunningLoop().time()).isEqualTo(1.0);
        return Coroutine.returning(v);
    }

    @AsyncTest(virtualTime = true)
    void theWorksResultComesBackWhenInTime() {
        assertThat(await(resultComesBack())).isEqualTo("done");
    }

    @Async
    static Coroutine<Object[]> taskAsWork() {
        Task<String> inner = createTask(slowValue(10, "late"));
        try {
            await(timeout(1, inner));
            fail("no TimeoutException");
        } catch (TimeoutException expected) {
            // the awaited task was cancelled with the awaiting one
        }
        await(sleep(0));
        return Coroutine.returning(new Object[] {inner.cancelled(), getRunningLoop().time()});
    }

    @AsyncTest(virtualTime = true)
    void aTaskAsTheWorkIsCancelledOnExpiry() {
        assertThat(await(taskAsWork())).containsExactly(true, 1.0);
    }

    @Async
    static Coroutine<String> swallowing() {
        try {
            await(sleep(10));
        } catch (CancellationException e) {
            return Coroutine.returning("swallowed");
        }
        return Coroutine.returning("slept");
    }

    @Async
    static Coroutine<String> workSwallowsTheCancellation() {
        String v = await(timeout(1, swallowing()));
        assertThat(currentTask().cancelling()).isZero();
        await(sleep(1)); // not cancelled again
        return Coroutine.returning(v);
    }

    @AsyncTest(virtualTime = true)
    void workThatSwallowsTheCancellationGivesItsResult() {
        assertThat(await(workSwallowsTheCancellation())).isEqualTo("swallowed");
    }

    @Async
    static Coroutine<String> innerExpiresOuterGoesOn() {
        String inner;
        try {
            inner = await(timeout(1, slowValue(5, "inner")));
        } catch (TimeoutException e) {
            inner = "inner timed out";
        }
        String after = await(slowValue(2, "after"));
        return Coroutine.returning(inner + ", " + after + " at " + getRunningLoop().time());
    }

    @Async
    static Coroutine<String> onlyTheExpiredScopeRaises() {
        String v = await(timeout(10, innerExpiresOuterGoesOn()));
        return Coroutine.returning(v);
    }

    @AsyncTest(virtualTime = true)
    void onlyTheInnerScopeRaisesWhenItExpires() {
        assertThat(await(onlyTheExpiredScopeRaises())).isEqualTo("inner timed out, after at 3.0");
    }
}
