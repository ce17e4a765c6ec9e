package dev.weft;

import static dev.weft.Coros.runBriefly;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * "Task exception was never retrieved" as Python reports it: when the failed task is collected,
 * not all at the end, so a loop failing many tasks nobody awaits keeps its memory flat.
 */
class UnretrievedFailuresTest {
    private static final int TASKS = 1000;

    /** Collects garbage and runs the loop until {@code reported} has {@code n} reports, for at most 20 s. */
    private static void collectUntil(EventLoop loop, List<?> reported, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (reported.size() < n && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(10);
            runBriefly(loop);
        }
    }

    @Test
    void a_failed_task_nobody_holds_is_reported_once_collected_before_the_loop_closes() throws Exception {
        EventLoop loop = EventLoop.create();
        List<Map<String, Object>> reported = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> reported.add(ctx));
        Set<Throwable> raised = Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            for (int i = 0; i < TASKS; i++) {
                IllegalStateException e = new IllegalStateException("failure " + i);
                raised.add(e);
                loop.createTask(Coros.raising(e));
            }
            runBriefly(loop);
            collectUntil(loop, reported, TASKS);
            assertThat(reported).hasSize(TASKS);
            assertThat(loop.unretrievedFailures()).isZero();
        } finally {
            loop.close();
        }
        assertThat(reported).hasSize(TASKS); // none a second time at close
        assertThat(reported).allSatisfy(ctx -> {
            assertThat(ctx).containsEntry("message", "Task exception was never retrieved").containsKey("task");
            assertThat(String.valueOf(ctx.get("task"))).startsWith("<Task finished exception=java.lang.IllegalStateException");
        });
        Set<Object> exceptions = Collections.newSetFromMap(new IdentityHashMap<>());
        reported.forEach(ctx -> exceptions.add(ctx.get("exception")));
        assertThat(exceptions).isEqualTo(raised);
    }

    @Test
    void a_failed_future_nobody_holds_is_reported_once_collected() throws Exception {
        EventLoop loop = EventLoop.create();
        List<Map<String, Object>> reported = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> reported.add(ctx));
        try {
            loop.<Object>createFuture().setException(new IllegalStateException("boom"));
            collectUntil(loop, reported, 1);
            assertThat(reported).hasSize(1);
            assertThat(reported.get(0)).containsEntry("message", "Future exception was never retrieved")
                    .containsEntry("future", "<Future finished exception=java.lang.IllegalStateException: boom>");
        } finally {
            loop.close();
        }
        assertThat(reported).hasSize(1);
    }

    @Test
    void a_retrieved_failure_leaves_the_ledger_at_once_and_is_never_reported() throws Exception {
        EventLoop loop = EventLoop.create();
        List<Map<String, Object>> reported = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> reported.add(ctx));
        List<Task<Object>> tasks = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                tasks.add(loop.createTask(Coros.raising(new IllegalStateException("seen " + i))));
            }
            runBriefly(loop);
            assertThat(loop.unretrievedFailures()).isEqualTo(3);
            assertThat(tasks.get(0).exception()).hasMessage("seen 0");
            assertThat(tasks.get(1).cancel()).isFalse(); // cancelling a failed task retrieves it, as in Python
            assertThat(loop.unretrievedFailures()).isEqualTo(1);
            WeakReference<Task<Object>> first = new WeakReference<>(tasks.remove(0));
            WeakReference<Task<Object>> second = new WeakReference<>(tasks.remove(0));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while ((first.get() != null || second.get() != null) && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(10);
            }
            assertThat(first.get()).isNull();
            assertThat(second.get()).isNull();
            runBriefly(loop);
            assertThat(reported).isEmpty(); // the two retrieved ones are gone, unreported
        } finally {
            loop.close();
        }
        assertThat(reported).hasSize(1); // the one still held and unretrieved: at close, the task itself
        assertThat(reported.get(0)).containsEntry("task", tasks.get(0));
    }

    @Test
    void two_hundred_thousand_unretrieved_failures_fit_in_32_megabytes_each_reported_once() throws Exception {
        int n = 200_000;
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process child = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                ManyUnretrievedFailures.class.getName(), Integer.toString(n))
                .redirectErrorStream(true).start();
        List<String> out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            out = r.lines().collect(Collectors.toList());
        }
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(String.join("\n", out)).isZero();
        String last = out.get(out.size() - 1);
        assertThat(last).startsWith("failed " + n + " reported " + n + " distinct " + n + " twice 0 before-close ");
        int beforeClose = Integer.parseInt(last.substring(last.lastIndexOf(' ') + 1));
        assertThat(beforeClose).as("reported while the loop ran, not all at close").isGreaterThan(n / 2);
    }
}
