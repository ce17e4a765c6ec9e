package dev.weft.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.EventLoop;
import dev.weft.Task;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The driver of {@code @Async} methods returning {@code CompletableFuture}, with state machines
 * written by hand in the shape the rewrite would emit.
 */
class CompletableFrameTest {

    /** {@code for (i = 0; i < n; i++) sum += await(next.get()); return completedFuture(sum);} with i in p0, sum and n in the overflow. */
    static CompletableFuture<Long> summing(int n, java.util.function.Supplier<Object> next, boolean fastPath, List<Integer> depths) {
        CompletableFrame<Long> f = new CompletableFrame<>(frame -> sumBody(frame, next, fastPath, depths), 0, 3);
        ((long[]) f.more[0])[1] = n;
        return f.start();
    }

    private static Object sumBody(Frame frame, java.util.function.Supplier<Object> next, boolean fastPath, List<Integer> depths) {
        CompletableFrame<?> f = (CompletableFrame<?>) frame;
        long[] more = (long[]) f.more[0];
        long i = f.p0;
        long sum = more[0];
        long n = more[1];
        if (f.label == 1) {
            sum += (Integer) f.resumeValue();
            i++;
        }
        while (i < n) {
            Object awaited = next.get();
            if (fastPath) {
                Object r = f.tryAwait(awaited);
                if (r != AwaitFrame.PENDING) {
                    sum += (Integer) r;
                    i++;
                    continue;
                }
            }
            f.p0 = i;
            more[0] = sum;
            return f.suspendAwait(1, awaited);
        }
        if (depths != null) {
            depths.add(new Throwable().getStackTrace().length);
        }
        return CompletableFuture.completedFuture(sum);
    }

    @Test
    void the_body_starts_at_once_on_the_callers_thread_and_goes_on_where_the_stage_completes() throws Exception {
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> gate = new CompletableFuture<>();
        CompletableFrame<String> f = new CompletableFrame<>(frame -> {
            CompletableFrame<?> c = (CompletableFrame<?>) frame;
            threads.add(Thread.currentThread().getName());
            if (c.label == 0) {
                return c.suspendAwait(1, gate);
            }
            return CompletableFuture.completedFuture(c.resumeValue() + "!");
        }, 0, 0);
        CompletableFuture<String> result = f.start();
        assertThat(threads).containsExactly(Thread.currentThread().getName());
        assertThat(result).isNotDone();
        Thread completer = new Thread(() -> gate.complete("done"), "completer");
        completer.start();
        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("done!");
        assertThat(threads).containsExactly(Thread.currentThread().getName(), "completer");
    }

    @Test
    void done_stages_take_the_fast_path() {
        CompletableFuture<Long> r = summing(1000, () -> CompletableFuture.completedFuture(1), true, null);
        assertThat(r.join()).isEqualTo(1000L);
    }

    @Test
    void a_hundred_thousand_stages_completed_during_registration_do_not_grow_the_stack() {
        List<Integer> depths = new ArrayList<>();
        CompletableFuture<Long> r = summing(100_000, () -> CompletableFuture.completedFuture(1), false, depths);
        assertThat(r.join()).isEqualTo(100_000L);
        assertThat(depths.get(0)).isLessThan(200);
    }

    @Test
    void a_hundred_thousand_stages_completed_by_another_thread() throws Exception {
        LinkedBlockingQueue<CompletableFuture<Object>> handOff = new LinkedBlockingQueue<>();
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < 100_000; i++) {
                    handOff.take().complete(1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.setDaemon(true);
        producer.start();
        List<Integer> depths = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Long> r = summing(100_000, () -> {
            CompletableFuture<Object> next = new CompletableFuture<>();
            handOff.add(next);
            return next;
        }, true, depths);
        assertThat(r.get(30, TimeUnit.SECONDS)).isEqualTo(100_000L);
        assertThat(depths.get(0)).isLessThan(200);
    }

    @Test
    void an_awaited_failure_comes_out_unwrapped_and_can_be_caught_at_the_await() {
        IOException checked = new IOException("disk");
        CompletableFuture<Object> failing = new CompletableFuture<>();
        CompletableFrame<String> f = new CompletableFrame<>(frame -> {
            CompletableFrame<?> c = (CompletableFrame<?>) frame;
            if (c.label == 0) {
                return c.suspendAwait(1, failing);
            }
            try {
                c.resumeValue();
                return CompletableFuture.completedFuture("no");
            } catch (Exception e) {
                return CompletableFuture.completedFuture("caught " + e.getMessage() + " " + (e == checked));
            }
        }, 0, 0);
        CompletableFuture<String> r = f.start();
        failing.completeExceptionally(new CompletionException(checked));
        assertThat(r.join()).isEqualTo("caught disk true");
    }

    @Test
    void a_body_that_throws_fails_the_result() {
        IllegalStateException boom = new IllegalStateException("boom");
        CompletableFrame<String> f = new CompletableFrame<>(frame -> {
            throw boom;
        }, 0, 0);
        CompletableFuture<String> r = f.start();
        assertThat(r).isCompletedExceptionally();
        assertThatThrownBy(r::join).hasCause(boom);
    }

    @Test
    void the_result_follows_the_stage_the_body_returns() {
        CompletableFuture<String> later = new CompletableFuture<>();
        CompletableFuture<String> r = new CompletableFrame<String>(frame -> later, 0, 0).start();
        assertThat(r).isNotDone();
        later.complete("x");
        assertThat(r.join()).isEqualTo("x");
        CompletableFuture<String> bad = new CompletableFrame<String>(frame -> "not a stage", 0, 0).start();
        assertThatThrownBy(bad::join).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void on_the_loop_thread_it_awaits_tasks_and_coroutines() {
        EventLoop loop = EventLoop.withVirtualClock();
        try {
            CoroutineFrame<String> coro = new CoroutineFrame<>(frame -> {
                CoroutineFrame<?> c = (CoroutineFrame<?>) frame;
                if (c.label == 0) {
                    return c.suspendAwait(1, dev.weft.Weft.sleep(1));
                }
                c.resumeValue();
                return c.returning("slept");
            }, 0, 0);
            CompletableFuture<String> viaCf = new CompletableFuture<>();
            loop.callSoon(() -> {
                Task<String> other = loop.createTask(new CoroutineFrame<>(fr -> ((CoroutineFrame<?>) fr).returning("task"), 0, 0));
                CompletableFrame<String> f = new CompletableFrame<>(frame -> {
                    CompletableFrame<?> c = (CompletableFrame<?>) frame;
                    switch (c.label) {
                        case 0:
                            return c.suspendAwait(1, other);
                        case 1:
                            c.r0 = c.resumeValue();
                            return c.suspendAwait(2, coro);
                        default:
                            return CompletableFuture.completedFuture(c.r0 + "+" + c.resumeValue());
                    }
                }, 1, 0);
                f.start().whenComplete((v, e) -> viaCf.complete(v));
            });
            assertThat(loop.runUntilComplete(loop.wrapFuture(viaCf))).isEqualTo("task+slept");
        } finally {
            loop.close();
        }
    }
}
