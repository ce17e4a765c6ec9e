package dev.weft;

import static dev.weft.Coros.coro;
import static dev.weft.Coros.returning;
import static dev.weft.Coros.runBriefly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loop: CPython's {@code test_base_events.py} cases for scheduling, running and errors, and the thread doors. */
class EventLoopTest {
    private final EventLoop loop = EventLoop.withVirtualClock();

    @AfterEach
    void closeLoop() {
        if (!loop.isRunning()) {
            loop.close();
        }
    }

    @Test
    void test_call_soon() {
        List<String> calls = new ArrayList<>();
        loop.callSoon(() -> calls.add("a"));
        Handle h = loop.callSoon(() -> calls.add("cancelled"));
        loop.callSoon(() -> calls.add("b"));
        h.cancel();
        assertThat(h.cancelled()).isTrue();
        runBriefly(loop);
        assertThat(calls).containsExactly("a", "b");
    }

    @Test
    void callbacks_scheduled_by_a_callback_run_in_the_next_iteration() {
        List<String> calls = new ArrayList<>();
        loop.callSoon(() -> {
            calls.add("first");
            loop.callSoon(() -> calls.add("third"));
        });
        loop.callSoon(() -> calls.add("second"));
        runBriefly(loop);
        assertThat(calls).containsExactly("first", "second", "third");
    }

    @Test
    void test_call_later() {
        List<String> calls = new ArrayList<>();
        loop.callLater(0.3, () -> calls.add("0.3@" + loop.time()));
        loop.callLater(0.1, () -> calls.add("0.1@" + loop.time()));
        loop.callLater(0.1, () -> calls.add("0.1 again@" + loop.time()));
        TimerHandle h = loop.callLater(0.2, () -> calls.add("cancelled"));
        assertThat(h.when()).isEqualTo(0.2);
        h.cancel();
        loop.runUntilComplete(Weft.sleep(1));
        assertThat(calls).containsExactly("0.1@0.1", "0.1 again@0.1", "0.3@0.3");
        assertThat(loop.time()).isEqualTo(1.0);
    }

    @Test
    void test_call_at() {
        List<Double> calls = new ArrayList<>();
        loop.callAt(2.5, () -> calls.add(loop.time()));
        loop.runUntilComplete(Weft.sleep(3));
        assertThat(calls).containsExactly(2.5);
    }

    @Test
    void many_cancelled_timers_are_swept() {
        List<TimerHandle> hs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            hs.add(loop.callLater(10 + i, () -> {
                throw new AssertionError("cancelled timer ran");
            }));
        }
        hs.forEach(TimerHandle::cancel);
        loop.runUntilComplete(Weft.sleep(2000));
        assertThat(loop.time()).isEqualTo(2000.0);
    }

    @Test
    void real_clock_timers_really_wait() {
        EventLoop real = EventLoop.create();
        try {
            long t0 = System.nanoTime();
            real.runUntilComplete(Weft.sleep(0.05));
            assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(45));
            assertThat(real.time()).isGreaterThanOrEqualTo(0.05);
        } finally {
            real.close();
        }
    }

    @Test
    void test_run_until_complete_stopped() {
        Future<Object> never = loop.createFuture();
        loop.callSoon(loop::stop);
        assertThatThrownBy(() -> loop.runUntilComplete(never)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Event loop stopped before Future completed");
    }

    @Test
    void test_run_forever_stop() {
        List<String> calls = new ArrayList<>();
        loop.callSoon(() -> calls.add("a"));
        loop.callLater(1, () -> {
            calls.add("b");
            loop.stop();
        });
        loop.runForever();
        assertThat(calls).containsExactly("a", "b");
        assertThat(loop.isRunning()).isFalse();
    }

    @Test
    void test_run_until_complete_loop_already_running() {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        loop.runUntilComplete(Coros.calling(() -> {
            try {
                loop.runUntilComplete(returning(1));
            } catch (IllegalStateException e) {
                seen.set(e);
            }
            return null;
        }));
        assertThat(seen.get()).hasMessageContaining("already running");
    }

    @Test
    void test_close_running_loop_refused() {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        loop.runUntilComplete(Coros.calling(() -> {
            try {
                loop.close();
            } catch (IllegalStateException e) {
                seen.set(e);
            }
            return null;
        }));
        assertThat(seen.get()).hasMessageContaining("Cannot close a running event loop");
    }

    @Test
    void test_closed_loop_refuses_work() {
        EventLoop closed = EventLoop.withVirtualClock();
        closed.close();
        closed.close();
        assertThat(closed.isClosed()).isTrue();
        assertThatThrownBy(() -> closed.callSoon(() -> { })).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> closed.runUntilComplete(returning(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> closed.callSoonThreadsafe(() -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void test_default_exc_handler_callback() {
        List<Map<String, Object>> reported = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> reported.add(ctx));
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        List<String> after = new ArrayList<>();
        loop.callSoon(() -> {
            throw boom;
        });
        loop.callSoon(() -> after.add("the loop goes on"));
        runBriefly(loop);
        assertThat(reported).hasSize(1);
        assertThat((String) reported.get(0).get("message")).startsWith("Exception in callback");
        assertThat(reported.get(0)).containsEntry("exception", boom).containsKey("handle");
        assertThat(after).containsExactly("the loop goes on");
    }

    @Test
    void an_error_from_a_callback_is_reported_as_a_tasks_error_is_and_the_loop_goes_on() {
        List<Map<String, Object>> reported = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> reported.add(ctx));
        AssertionError inCallback = new AssertionError("callback");
        AssertionError inTask = new AssertionError("task");
        List<String> after = new ArrayList<>();
        loop.callSoon(() -> {
            throw inCallback;
        });
        Task<Object> task = loop.createTask(coro((f, label) -> {
            throw inTask;
        }));
        loop.callSoon(() -> after.add("the loop goes on"));
        runBriefly(loop);
        assertThat(after).containsExactly("the loop goes on");
        assertThat(task.exception()).isSameAs(inTask);
        assertThat(reported).hasSize(1);
        assertThat((String) reported.get(0).get("message")).startsWith("Exception in callback");
        assertThat(reported.get(0)).containsEntry("exception", inCallback).containsKey("handle");
    }

    @Test
    void a_virtual_machine_error_from_a_callback_ends_run_as_from_a_task() {
        StackOverflowError inCallback = new StackOverflowError("callback");
        loop.callSoon(() -> {
            throw inCallback;
        });
        assertThatThrownBy(() -> runBriefly(loop)).isSameAs(inCallback);
        OutOfMemoryError inTask = new OutOfMemoryError("task");
        Task<Object> task = loop.createTask(coro((f, label) -> {
            throw inTask;
        }));
        assertThatThrownBy(() -> runBriefly(loop)).isSameAs(inTask);
        assertThat(task.exception()).isSameAs(inTask);
    }

    @Test
    void an_error_from_the_exception_handler_goes_to_the_default_handler() {
        loop.setExceptionHandler((l, ctx) -> {
            throw new AssertionError("broken handler");
        });
        List<String> after = new ArrayList<>();
        loop.callSoon(() -> {
            throw new IllegalArgumentException("boom");
        });
        loop.callSoon(() -> after.add("the loop goes on"));
        runBriefly(loop);
        assertThat(after).containsExactly("the loop goes on");
    }

    @Test
    void test_set_exc_handler_broken() {
        loop.setExceptionHandler((l, ctx) -> {
            throw new IllegalStateException("broken handler");
        });
        loop.callSoon(() -> {
            throw new IllegalArgumentException("boom");
        });
        runBriefly(loop); // reported by the default handler, the loop goes on
        assertThat(loop.getExceptionHandler()).isNotNull();
    }

    @Test
    void all_tasks_lists_the_tasks_not_done() {
        Future<Object> gate = loop.createFuture();
        Task<Object> a = loop.createTask(Coros.awaiting(gate), "a");
        Task<Object> b = loop.createTask(returning(null), "b");
        assertThat(loop.allTasks()).containsExactlyInAnyOrder(a, b);
        runBriefly(loop);
        assertThat(loop.allTasks()).containsExactly(a);
        gate.setResult(null);
        loop.runUntilComplete(a);
        assertThat(loop.allTasks()).isEmpty();
    }

    // ---- threads ----

    @Test
    void test_call_soon_threadsafe_wakes_a_waiting_loop() throws Exception {
        EventLoop real = EventLoop.create();
        try {
            Future<String> fut = real.createFuture();
            Thread other = new Thread(() -> {
                sleepQuietly(50);
                real.callSoonThreadsafe(() -> fut.setResult(Thread.currentThread().getName()));
            }, "other");
            other.start();
            String ranOn = real.runUntilComplete(fut);
            assertThat(ranOn).isEqualTo(Thread.currentThread().getName());
            other.join();
        } finally {
            real.close();
        }
    }

    @Test
    void using_the_loop_from_a_foreign_thread_names_callSoonThreadsafe() throws Exception {
        EventLoop real = EventLoop.create();
        try {
            Future<Object> gate = real.createFuture();
            AtomicReference<Throwable> seen = new AtomicReference<>();
            Thread other = new Thread(() -> {
                try {
                    while (!real.isRunning()) {
                        Thread.onSpinWait();
                    }
                    try {
                        real.callSoon(() -> { });
                    } catch (IllegalStateException e) {
                        seen.set(e);
                    }
                    try {
                        gate.setResult("from the wrong thread");
                    } catch (IllegalStateException e) {
                        seen.get().addSuppressed(e);
                    }
                } finally {
                    real.callSoonThreadsafe(() -> gate.setResult("through the door"));
                }
            });
            other.start();
            assertThat(real.runUntilComplete(gate)).isEqualTo("through the door");
            other.join();
            assertThat(seen.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("callSoonThreadsafe");
            assertThat(seen.get().getSuppressed()).hasSize(1);
            assertThat(seen.get().getSuppressed()[0]).hasMessageContaining("callSoonThreadsafe");
            assertThat(real.runUntilComplete(returning("the loop keeps working"))).isEqualTo("the loop keeps working");
        } finally {
            real.close();
        }
    }

    @Test
    void test_run_coroutine_threadsafe() throws Exception {
        EventLoop real = EventLoop.create();
        CountDownLatch started = new CountDownLatch(1);
        Thread loopThread = new Thread(() -> {
            real.callSoon(started::countDown);
            real.runForever();
        }, "loop");
        loopThread.start();
        try {
            started.await();
            CompletableFuture<String> cf = real.runCoroutineThreadsafe(Coros.sleepThen(0.01, "hello"));
            assertThat(cf.get(10, TimeUnit.SECONDS)).isEqualTo("hello");

            CompletableFuture<Object> failing = real.runCoroutineThreadsafe(Coros.raising(new IllegalArgumentException("bad")));
            assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class);

            // test_run_coroutine_threadsafe_task_cancelled: cancelling the CompletableFuture cancels the task
            CompletableFuture<String> cancelled = real.runCoroutineThreadsafe(Coros.sleepThen(3600, "never"));
            sleepQuietly(20);
            cancelled.cancel(true);
            CompletableFuture<Integer> remaining = new CompletableFuture<>();
            sleepQuietly(20);
            real.callSoonThreadsafe(() -> remaining.complete(real.allTasks().size()));
            assertThat(remaining.get(10, TimeUnit.SECONDS)).isZero();
        } finally {
            real.callSoonThreadsafe(real::stop);
            loopThread.join();
            real.close();
        }
    }

    // ---- Weft.run and friends ----

    @Test
    void run_returns_the_result_and_closes_its_loop() {
        AtomicReference<EventLoop> used = new AtomicReference<>();
        String r = Weft.run(Coros.calling(() -> {
            used.set(Weft.getRunningLoop());
            return "ok";
        }), EventLoop::withVirtualClock);
        assertThat(r).isEqualTo("ok");
        assertThat(used.get().isClosed()).isTrue();
    }

    @Test
    void run_throws_the_exception_of_main_unwrapped() {
        Exception checked = new java.io.IOException("disk");
        assertThatThrownBy(() -> Weft.run(Coros.raising(checked))).isSameAs(checked);
    }

    @Test
    void run_refuses_to_nest_inside_a_running_loop() {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Weft.run(Coros.calling(() -> {
            try {
                Weft.run(returning(1));
            } catch (IllegalStateException e) {
                seen.set(e);
            }
            return null;
        }), EventLoop::withVirtualClock);
        assertThat(seen.get()).hasMessageContaining("cannot be called from a running event loop");
    }

    @Test
    void run_cancels_the_tasks_left_and_runs_their_finally_blocks() {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Task<Object>> left = new AtomicReference<>();
        Weft.run(coro((f, label) -> {
            left.set(Weft.createTask(coro((g, l) -> {
                if (l == 0) {
                    return g.suspendAwait(1, Weft.sleep(3600));
                }
                try {
                    g.resumeValue();
                } finally {
                    log.add("finally");
                }
                return g.returning(null);
            })));
            return f.returning(null);
        }), EventLoop::withVirtualClock);
        assertThat(log).containsExactly("finally");
        assertThat(left.get().cancelled()).isTrue();
    }

    @Test
    void create_task_needs_a_running_loop() {
        assertThatThrownBy(() -> Weft.createTask(returning(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("createTask needs a running event loop");
        assertThatThrownBy(Weft::currentTask).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(Weft::getRunningLoop).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no running event loop");
    }

    @Test
    void a_cancelled_main_comes_out_as_CancellationException() {
        assertThatThrownBy(() -> Weft.run(coro((f, label) -> {
            Weft.currentTask().cancel("bye");
            return f.returning(null);
        }), EventLoop::withVirtualClock)).isInstanceOf(CancellationException.class).hasMessage("bye");
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
