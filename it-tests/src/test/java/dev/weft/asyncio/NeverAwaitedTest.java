package dev.weft.asyncio;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Weft;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Python's "coroutine ... was never awaited", in debug mode: a coroutine collected without having
 * been awaited or given to a task is reported; one that ran is not; without debug mode nothing is.
 * Garbage collection is forced in a loop with a bounded number of tries.
 */
class NeverAwaitedTest {
    private static final int TRIES = 250;

    @Async
    static Coroutine<Integer> victim() {
        await(sleep(0));
        return Coroutine.returning(1);
    }

    @Async
    static Coroutine<Integer> awaitedOne() {
        await(sleep(0));
        return Coroutine.returning(2);
    }

    static void dropAVictim() {
        victim(); // created, never awaited
    }

    /** Creates and runs coroutines the right way, drops a victim, then collects until reports arrive (and a few rounds more). */
    @Async
    static Coroutine<Void> scenario(List<Map<String, Object>> reports, int tries, int extraRounds) {
        await(awaitedOne());
        await(createTask(awaitedOne()));
        await(sleep(0));
        dropAVictim();
        int rounds = 0;
        while (reports.isEmpty() && rounds < tries) {
            System.gc();
            await(sleep(0.02));
            rounds++;
        }
        for (int i = 0; i < extraRounds; i++) {
            System.gc();
            await(sleep(0.02));
        }
        return Coroutine.done();
    }

    private static List<Map<String, Object>> runWithDebug(boolean debug, int tries, int extraRounds) {
        List<Map<String, Object>> reports = Collections.synchronizedList(new ArrayList<>());
        EventLoop[] loop = new EventLoop[1];
        try {
            Weft.run(scenario(reports, tries, extraRounds), () -> {
                loop[0] = EventLoop.create();
                loop[0].setDebug(debug);
                loop[0].setExceptionHandler((l, context) -> reports.add(context));
                return loop[0];
            });
        } finally {
            loop[0].setDebug(false);
        }
        return reports;
    }

    @Test
    void aCoroutineNeverAwaitedIsReportedToTheLoopWhenCollected() {
        List<Map<String, Object>> reports = runWithDebug(true, TRIES, 10);
        assertThat(reports).hasSize(1);
        Map<String, Object> report = reports.get(0);
        assertThat(report.get("message")).isEqualTo("coroutine 'NeverAwaitedTest.victim' was never awaited");
        assertThat(report.get("coroutine")).isEqualTo("NeverAwaitedTest.victim");
        @SuppressWarnings("unchecked")
        List<StackTraceElement> createdAt = (List<StackTraceElement>) report.get("source_traceback");
        assertThat(createdAt.get(0).getMethodName()).isEqualTo("victim");
        assertThat(createdAt.get(1).getMethodName()).isEqualTo("dropAVictim");
    }

    @Test
    void withoutDebugModeNothingIsReported() {
        List<Map<String, Object>> reports = runWithDebug(false, 50, 0); // all 50 rounds run
        assertThat(reports).isEmpty();
    }

    @Test
    void aCoroutineCreatedOutsideALoopIsReportedOnSystemErr() throws InterruptedException {
        EventLoop debugLoop = EventLoop.create();
        debugLoop.setDebug(true);
        PrintStream saved = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true);
        System.setErr(capture);
        String text = "";
        try {
            dropAVictim();
            for (int i = 0; i < TRIES && !text.contains("was never awaited"); i++) {
                System.gc();
                Thread.sleep(20);
                synchronized (capture) {
                    text = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
                }
            }
        } finally {
            System.setErr(saved);
            debugLoop.setDebug(false);
            debugLoop.close();
        }
        assertThat(text).contains("RuntimeWarning: coroutine 'NeverAwaitedTest.victim' was never awaited")
                .contains("Coroutine created at (most recent call first):")
                .contains("at " + NeverAwaitedTest.class.getName() + ".dropAVictim(NeverAwaitedTest.java:");
    }
}
