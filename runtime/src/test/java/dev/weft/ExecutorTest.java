package dev.weft;

import static dev.weft.Coros.coro;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@code loop.run_in_executor} and {@code asyncio.to_thread}: blocking work on other threads, outcomes back on the loop. */
class ExecutorTest {

    @Test
    void test_run_in_executor() {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "pool"));
        try {
            List<String> threads = Collections.synchronizedList(new ArrayList<>());
            String r = Weft.run(coro((f, label) -> {
                if (label == 0) {
                    return f.suspendAwait(1, Weft.getRunningLoop().runInExecutor(pool, () -> {
                        threads.add(Thread.currentThread().getName());
                        return "blocking io";
                    }));
                }
                threads.add(Thread.currentThread().getName());
                return f.returning(f.resumeValue());
            }));
            assertThat(r).isEqualTo("blocking io");
            assertThat(threads).containsExactly("pool", Thread.currentThread().getName());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cpu_bound_work_in_a_ForkJoinPool() {
        long r = Weft.<Long>run(coro((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, Weft.getRunningLoop().runInExecutor(ForkJoinPool.commonPool(), () -> {
                    long s = 0;
                    for (int i = 0; i < 10_000_000; i++) {
                        s += i * i;
                    }
                    return s;
                }));
            }
            return f.returning(f.resumeValue());
        }));
        long expected = 0;
        for (int i = 0; i < 10_000_000; i++) {
            expected += i * i;
        }
        assertThat(r).isEqualTo(expected);
    }

    @Test
    void test_to_thread_exception_comes_out_unwrapped() {
        Exception checked = new java.io.IOException("disk");
        assertThatThrownBy(() -> Weft.run(Coros.awaiting(Weft.toThread(() -> {
            throw checked;
        })))).isSameAs(checked);
    }

    @Test
    void test_to_thread_with_the_default_executor() {
        String r = Weft.run(Coros.awaiting(Weft.toThread(() -> Thread.currentThread().getName())));
        assertThat(r).startsWith("weft-executor-");
    }

    @Test
    void to_thread_is_lazy() {
        AtomicBoolean ran = new AtomicBoolean();
        Weft.toThread(() -> ran.getAndSet(true));
        assertThat(ran).isFalse();
    }

    @Test
    void cancelling_the_future_before_the_call_starts_keeps_it_from_running() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean secondRan = new AtomicBoolean();
        try {
            EventLoop loop = EventLoop.create();
            Future<Object> first = loop.runInExecutor(pool, () -> {
                release.await();
                return null;
            });
            Future<Boolean> second = loop.runInExecutor(pool, () -> secondRan.getAndSet(true));
            second.cancel();
            release.countDown();
            loop.runUntilComplete(first);
            assertThatThrownBy(() -> loop.runUntilComplete(second)).isInstanceOf(CancellationException.class);
            pool.shutdown();
            pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(secondRan).isFalse();
            loop.close();
        } finally {
            pool.shutdownNow();
        }
    }
}
