package dev.weft;

import static dev.weft.Coros.coro;
import static dev.weft.Coros.returning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.internal.AwaitFrame;
import dev.weft.internal.CoroutineFrame;
import dev.weft.internal.Frame;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Await chains driven at their innermost frame, await misuse, and the await fast path and CompletionStage interop. */
class AwaitChainTest {
    private static final int DEPTH = 100_000;
    private final EventLoop loop = EventLoop.withVirtualClock();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /**
     * {@code level(n)}: {@code n == 0 ? (await leafAwait; return 0) : return await(level(n - 1)) + 1},
     * n kept in {@code prims[0]} as the rewrite would, and a {@code finally} counted per level.
     */
    static Coroutine<Integer> level(int n, Object leafAwait, AtomicInteger finallies) {
        CoroutineFrame<Integer> f = new CoroutineFrame<>(frame -> levelBody(frame, leafAwait, finallies), 0, 1);
        f.p0 = n;
        return f;
    }

    private static Object levelBody(Frame frame, Object leafAwait, AtomicInteger finallies) {
        CoroutineFrame<?> f = (CoroutineFrame<?>) frame;
        int n = (int) f.p0;
        if (f.label == 0) {
            return f.suspendAwait(1, n == 0 ? leafAwait : level(n - 1, leafAwait, finallies));
        }
        try {
            Object below = f.resumeValue();
            return f.returning(n == 0 ? 0 : (Integer) below + 1);
        } finally {
            finallies.incrementAndGet();
        }
    }

    @Test
    void a_100000_deep_await_chain_runs_without_StackOverflowError() {
        AtomicInteger finallies = new AtomicInteger();
        int r = loop.runUntilComplete(level(DEPTH, Weft.sleep(0), finallies));
        assertThat(r).isEqualTo(DEPTH);
        assertThat(finallies.get()).isEqualTo(DEPTH + 1);
    }

    @Test
    void an_exception_at_the_bottom_of_a_100000_deep_chain_unwinds_every_level() {
        AtomicInteger finallies = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("bottom");
        assertThatThrownBy(() -> loop.runUntilComplete(level(DEPTH, Coros.raising(boom), finallies))).isSameAs(boom);
        assertThat(finallies.get()).isEqualTo(DEPTH + 1);
    }

    @Test
    void cancelling_a_task_100000_deep_raises_at_the_innermost_await() {
        AtomicInteger finallies = new AtomicInteger();
        Future<Object> never = loop.createFuture();
        Task<Integer> t = loop.createTask(level(DEPTH, never, finallies));
        Coros.runBriefly(loop);
        t.cancel("deep");
        assertThatThrownBy(() -> loop.runUntilComplete(t)).isInstanceOf(CancellationException.class).hasMessage("deep");
        assertThat(never.cancelled()).isTrue();
        assertThat(finallies.get()).isEqualTo(DEPTH + 1);
    }

    @Test
    void resuming_a_deep_chain_costs_no_call_per_level() {
        // the innermost frame sleeps(0) many times; each resume must reach it directly
        AtomicInteger finallies = new AtomicInteger();
        int[] resumes = {0};
        Coroutine<Object> yielder = coro((f, label) -> {
            if (label > 0) {
                f.resumeValue();
                resumes[0]++;
            }
            if (label < 1000) {
                return f.suspendAwait(label + 1, Weft.sleep(0));
            }
            return f.returning(null);
        });
        AtomicReference<Integer> depthAtLeaf = new AtomicReference<>();
        Coroutine<Object> probe = coro((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, yielder);
            }
            f.resumeValue();
            depthAtLeaf.set(new Throwable().getStackTrace().length);
            return f.returning(null);
        });
        int r = loop.runUntilComplete(level(10_000, probe, finallies));
        assertThat(r).isEqualTo(10_000);
        assertThat(resumes[0]).isEqualTo(1000);
        assertThat(depthAtLeaf.get()).as("the innermost body runs on a short stack").isLessThan(100);
    }

    @Test
    void awaiting_the_same_coroutine_twice_is_an_error() {
        Coroutine<String> once = returning("x");
        List<Object> seen = new ArrayList<>();
        loop.runUntilComplete(coro((f, label) -> {
            switch (label) {
                case 0:
                    return f.suspendAwait(1, once);
                case 1:
                    seen.add(f.resumeValue());
                    return f.suspendAwait(2, once);
                default:
                    try {
                        f.resumeValue();
                    } catch (IllegalStateException e) {
                        seen.add(e.getMessage());
                    }
                    return f.returning(null);
            }
        }));
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isEqualTo("x");
        assertThat((String) seen.get(1)).contains("cannot reuse already awaited coroutine");
    }

    @Test
    void awaiting_a_coroutine_being_awaited_already_is_an_error() {
        Future<Object> gate = loop.createFuture();
        Coroutine<Object> shared = Coros.awaiting(gate);
        Task<Object> first = loop.createTask(shared);
        AtomicReference<Throwable> seen = new AtomicReference<>();
        loop.runUntilComplete(coro((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, shared);
            }
            try {
                f.resumeValue();
            } catch (IllegalStateException e) {
                seen.set(e);
            }
            return f.returning(null);
        }));
        assertThat(seen.get()).hasMessageContaining("coroutine is being awaited already");
        assertThatThrownBy(() -> loop.createTask(shared)).isInstanceOf(IllegalStateException.class);
        gate.setResult(null);
        loop.runUntilComplete(first);
    }

    @Test
    void what_the_body_returns_is_the_result() {
        Coroutine<Object> plain = new CoroutineFrame<>(frame -> "returned as it is", 0, 0);
        assertThat(loop.runUntilComplete(plain)).isEqualTo("returned as it is");
    }

    @Test
    void await_null_is_a_NullPointerException_that_says_what_to_pass() {
        CoroutineFrame<Object> f = new CoroutineFrame<>(frame -> null, 0, 0);
        assertThatThrownBy(() -> f.tryAwait(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("pass a coroutine, task, future or CompletionStage");
    }

    @Test
    void awaiting_something_unknown_is_an_error_at_the_await() {
        Object unknown = new Object() {
            @Override
            public String toString() {
                return "a plain object";
            }
        };
        assertThatThrownBy(() -> loop.runUntilComplete(Coros.awaiting(unknown))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("can't await a plain object");
    }

    // ---- the fast path ----

    @Test
    void a_done_future_is_taken_at_once() {
        CoroutineFrame<Object> f = new CoroutineFrame<>(frame -> null, 0, 0);
        Future<String> done = loop.createFuture();
        done.setResult("now");
        assertThat(f.tryAwait(done)).isEqualTo("now");
        Future<String> failed = loop.createFuture();
        IllegalArgumentException boom = new IllegalArgumentException();
        failed.setException(boom);
        assertThatThrownBy(() -> f.tryAwait(failed)).isSameAs(boom);
        Future<String> cancelled = loop.createFuture();
        cancelled.cancel("gone");
        assertThatThrownBy(() -> f.tryAwait(cancelled)).isInstanceOf(CancellationException.class).hasMessage("gone");
        assertThat(f.tryAwait(loop.createFuture())).isSameAs(AwaitFrame.PENDING);
        assertThat(f.tryAwait(returning(1))).isSameAs(AwaitFrame.PENDING);
    }

    @Test
    void a_done_CompletableFuture_is_taken_at_once_unwrapped() {
        CoroutineFrame<Object> f = new CoroutineFrame<>(frame -> null, 0, 0);
        assertThat(f.tryAwait(CompletableFuture.completedFuture("now"))).isEqualTo("now");
        Exception checked = new java.io.IOException("disk");
        assertThatThrownBy(() -> f.tryAwait(CompletableFuture.failedFuture(checked))).isSameAs(checked);
        CompletableFuture<Object> wrapped = new CompletableFuture<>();
        wrapped.completeExceptionally(new CompletionException(new ExecutionException(checked)));
        assertThatThrownBy(() -> f.tryAwait(wrapped)).isSameAs(checked);
        CompletableFuture<Object> cancelled = new CompletableFuture<>();
        cancelled.cancel(false);
        assertThatThrownBy(() -> f.tryAwait(cancelled)).isInstanceOf(CancellationException.class);
        assertThat(f.tryAwait(new CompletableFuture<>())).isSameAs(AwaitFrame.PENDING);
    }

    @Test
    void the_fast_path_does_not_allocate() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        CoroutineFrame<Object> f = new CoroutineFrame<>(frame -> null, 0, 0);
        Future<String> done = loop.createFuture();
        done.setResult("now");
        CompletableFuture<String> cf = CompletableFuture.completedFuture("now");
        Object sink = null;
        for (int i = 0; i < 20_000; i++) {
            sink = f.tryAwait(done);
            sink = f.tryAwait(cf);
        }
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 100_000; i++) {
            sink = f.tryAwait(done);
            sink = f.tryAwait(cf);
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(sink).isEqualTo("now");
        assertThat(allocated).as("bytes allocated by 200,000 fast-path awaits").isLessThan(10_000);
    }

    // ---- CompletionStage interop ----

    @Test
    void a_CompletionStage_completed_on_another_thread_resumes_the_task_on_its_loop() throws Exception {
        EventLoop real = EventLoop.create();
        try {
            CompletableFuture<String> cf = new CompletableFuture<>();
            List<String> threads = new ArrayList<>();
            Thread completer = new Thread(() -> {
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                cf.complete("from afar");
            }, "completer");
            completer.start();
            String r = real.runUntilComplete(coro((f, label) -> {
                if (label == 0) {
                    Object now = f.tryAwait(cf.thenApply(s -> s));
                    threads.add("fast path: " + (now != AwaitFrame.PENDING));
                    return f.suspendAwait(1, cf.thenApply(s -> s));
                }
                threads.add(Thread.currentThread().getName());
                return f.returning(f.resumeValue());
            }));
            completer.join();
            assertThat(r).isEqualTo("from afar");
            assertThat(threads).containsExactly("fast path: false", Thread.currentThread().getName());
        } finally {
            real.close();
        }
    }

    @Test
    void a_failed_CompletionStage_raises_its_exception_unwrapped() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        Exception checked = new java.io.IOException("disk");
        loop.callSoon(() -> cf.completeExceptionally(checked));
        assertThatThrownBy(() -> loop.runUntilComplete(Coros.awaiting(cf.thenApply(s -> s)))).isSameAs(checked);
    }

    @Test
    void cancelling_a_task_awaiting_a_CompletableFuture_cancels_it() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        Task<String> t = loop.createTask(Coros.awaiting(cf));
        Coros.runBriefly(loop);
        t.cancel();
        assertThatThrownBy(() -> loop.runUntilComplete(t)).isInstanceOf(CancellationException.class);
        assertThat(cf.isCancelled()).isTrue();
    }

    @Test
    void a_cancelled_CompletableFuture_raises_CancellationException_at_the_await() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        loop.callSoon(() -> cf.cancel(false));
        assertThatThrownBy(() -> loop.runUntilComplete(Coros.awaiting(cf))).isInstanceOf(CancellationException.class);
    }

    @Test
    void task_to_CompletableFuture_and_back() {
        Task<String> t = loop.createTask(Coros.sleepThen(1, "v"));
        CompletableFuture<String> cf = t.toCompletableFuture();
        assertThat((Object) loop.runUntilComplete(Coros.<String>awaiting(cf))).isEqualTo("v");
        assertThat(cf.join()).isEqualTo("v");
    }

    @Test
    void test_wrap_future_in_a_gather_with_tasks() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        Thread other = new Thread(() -> cf.complete("from a thread"));
        List<String> r = loop.runUntilComplete(coro((f, label) -> {
            if (label == 0) {
                Future<String> wrapped = Weft.wrapFuture(cf);
                other.start();
                return f.suspendAwait(1, Weft.gather(wrapped, Coros.sleepThen(1, "from a task")));
            }
            return f.returning(f.resumeValue());
        }));
        assertThat(r).containsExactly("from a thread", "from a task");
    }
}
