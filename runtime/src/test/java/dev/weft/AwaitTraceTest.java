package dev.weft;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.run;
import static dev.weft.Weft.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An exception leaving coroutines through {@code await} shows, in its stack trace, every
 * coroutine frame it passed through at the line of its await, as Python's traceback does.
 */
class AwaitTraceTest {
    private static final String ME = AwaitTraceTest.class.getName();
    /** The Python twin of {@link #main()}: its traceback names the same functions. */
    private static final String PYTHON = String.join("\n",
            "import asyncio, traceback",
            "async def level3():",
            "    await asyncio.sleep(0)",
            "    raise ValueError('three awaits deep')",
            "async def level2():",
            "    await level3()",
            "async def level1():",
            "    await level2()",
            "async def main():",
            "    await level1()",
            "try:",
            "    asyncio.run(main())",
            "except ValueError as e:",
            "    names = [f.name for f in traceback.extract_tb(e.__traceback__)]",
            "    print(' '.join(n for n in names if n == 'main' or n.startswith('level')))",
            "");

    @Async
    static Coroutine<Void> level3() {
        await(sleep(0));
        throw new IllegalStateException("three awaits deep"); // RAISE
    }

    @Async
    static Coroutine<Void> level2() {
        await(level3()); // AWAIT2
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> level1() {
        await(level2()); // AWAIT1
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> main() {
        await(level1()); // AWAIT0
        return Coroutine.done();
    }

    /** The coroutine frames of this class in {@code t}'s trace (its first run of them), "method:line", innermost first. */
    static List<String> mine(Throwable t) {
        return Arrays.stream(t.getStackTrace()).dropWhile(e -> !e.getClassName().equals(ME))
                .takeWhile(e -> e.getClassName().equals(ME))
                .map(e -> e.getMethodName() + ":" + e.getLineNumber()).collect(Collectors.toList());
    }

    @Test
    void anExceptionThreeAwaitsDeepShowsEveryAwaitingFrameAtItsAwaitLine() throws Exception {
        Throwable e = catchThrowable(() -> run(main()));
        assertThat(e).isInstanceOf(IllegalStateException.class);
        assertThat(mine(e)).containsExactly("level3:" + (lineOfRaise()), "level2:" + (lineOfRaise() + 5),
                "level1:" + (lineOfRaise() + 11), "main:" + (lineOfRaise() + 17));
        List<String> pythonOrder = new ArrayList<>(names(e));
        java.util.Collections.reverse(pythonOrder);
        assertThat(String.join(" ", pythonOrder)).isEqualTo(python(PYTHON));
        int first = indexOf(e, "level3");
        int last = indexOf(e, "main");
        assertThat(last - first).as("the chain is contiguous, innermost first").isEqualTo(3);
        assertThat(e.getStackTrace()[last + 1].getClassName()).as("then the driver's real frames").startsWith("dev.weft.");
    }

    /** The line of {@code throw} in level3, from the frame the JVM recorded (the source layout fixes the others). */
    private static int lineOfRaise() {
        Throwable e = catchThrowable(() -> run(level3()));
        return e.getStackTrace()[0].getLineNumber();
    }

    private static List<String> names(Throwable e) {
        return mine(e).stream().map(s -> s.substring(0, s.indexOf(':'))).collect(Collectors.toList());
    }

    private static int indexOf(Throwable e, String method) {
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getClassName().equals(ME) && trace[i].getMethodName().equals(method)) {
                return i;
            }
        }
        return -1;
    }

    static String python(String program) throws Exception {
        Process p = new ProcessBuilder("python3", "-c", program).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String out = r.lines().collect(Collectors.joining("\n"));
            assertThat(p.waitFor()).as(out).isZero();
            return out;
        }
    }

    @Async
    static Coroutine<Void> catchesAndRethrows() {
        try {
            await(level2());
        } catch (IllegalStateException e) {
            await(sleep(0));
            throw e;
        }
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> outer() {
        await(catchesAndRethrows());
        return Coroutine.done();
    }

    @Test
    void aFrameThatCatchesAndRethrowsAppearsOnce() {
        Throwable e = catchThrowable(() -> run(outer()));
        assertThat(names(e)).containsExactly("level3", "level2", "catchesAndRethrows", "outer");
    }

    static final class Quiet extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Quiet() {
            super("no trace", null, false, false);
        }
    }

    static final Quiet SHARED_QUIET = new Quiet();

    @Async
    static Coroutine<Void> raiseQuiet() {
        await(sleep(0));
        throw SHARED_QUIET;
    }

    @Async
    static Coroutine<Void> awaitQuiet() {
        await(raiseQuiet());
        return Coroutine.done();
    }

    @Test
    void anExceptionWithoutAWritableStackTraceIsLeftAlone() {
        Throwable e = catchThrowable(() -> run(awaitQuiet()));
        assertThat(e).isSameAs(SHARED_QUIET);
        assertThat(e.getStackTrace()).isEmpty();
    }

    static final IllegalStateException PREALLOCATED = new IllegalStateException("made once, thrown many times");

    @Async
    static Coroutine<Void> raisePreallocated() {
        await(sleep(0));
        throw PREALLOCATED;
    }

    @Async
    static Coroutine<Void> awaitPreallocated() {
        await(raisePreallocated());
        return Coroutine.done();
    }

    @Test
    void aPreallocatedExceptionThrownFromACoroutineIsNotChanged() {
        StackTraceElement[] before = PREALLOCATED.getStackTrace();
        assertThat(catchThrowable(() -> run(awaitPreallocated()))).isSameAs(PREALLOCATED);
        assertThat(catchThrowable(() -> run(awaitPreallocated()))).isSameAs(PREALLOCATED);
        assertThat(PREALLOCATED.getStackTrace()).isEqualTo(before);
    }

    @Async
    static Coroutine<Void> awaitTask(Task<Void> task) {
        await(task); // AWAIT_TASK
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> awaiter(Task<Void> task) {
        await(awaitTask(task));
        return Coroutine.done();
    }

    @Async
    static Coroutine<List<Throwable>> twoAwaitersOfOneFailedTask() {
        Task<Void> failing = createTask(level1());
        Task<Void> a = createTask(awaiter(failing));
        Task<Void> b = createTask(awaiter(failing));
        List<Throwable> seen = new ArrayList<>();
        for (Task<Void> t : List.of(a, b, failing)) {
            try {
                await(t);
            } catch (IllegalStateException e) {
                seen.add(e);
            }
        }
        return Coroutine.returning(seen);
    }

    @Test
    void theExceptionOfAFailedTaskIsSharedByItsAwaitersAndKeepsOnlyItsOwnChain() {
        List<Throwable> seen = run(twoAwaitersOfOneFailedTask());
        assertThat(seen).hasSize(3);
        assertThat(seen.get(1)).isSameAs(seen.get(0));
        assertThat(seen.get(2)).isSameAs(seen.get(0));
        assertThat(names(seen.get(0))).containsExactly("level3", "level2", "level1");
    }

    @Async
    static Coroutine<Void> sleeper() {
        await(sleep(10));
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> cancelledTwice() {
        Task<Void> t = createTask(awaiter(createTask(sleeper())));
        await(sleep(0));
        t.cancel();
        Throwable first = null;
        try {
            await(t);
        } catch (CancellationException e) {
            first = e;
        }
        StackTraceElement[] before = first.getStackTrace();
        try {
            await(t);
        } catch (CancellationException e) {
            assertThat(e).isSameAs(first);
        }
        assertThat(first.getStackTrace()).isEqualTo(before);
        return Coroutine.done();
    }

    @Test
    void theCancellationErrorOfACancelledTaskIsNotChangedByItsAwaiters() {
        run(cancelledTwice());
    }

    @Async
    static Coroutine<Void> deep(int n) {
        if (n == 0) {
            await(sleep(0));
            throw new IllegalStateException("bottom");
        }
        await(deep(n - 1));
        return Coroutine.done();
    }

    @Test
    void aVeryDeepChainKeepsItsInnermostFramesUpToTheJvmsDepth() {
        Throwable e = catchThrowable(() -> run(deep(100_000)));
        assertThat(e).hasMessage("bottom");
        assertThat(e.getStackTrace().length).isLessThanOrEqualTo(1024 + 64);
        assertThat(names(e)).hasSizeGreaterThan(900).allMatch("deep"::equals);
    }

    @Test
    void aTaskExceptionNeverRetrievedIsReportedWithItsChain() {
        EventLoop loop = EventLoop.create();
        List<Map<String, Object>> reports = new ArrayList<>();
        loop.setExceptionHandler((l, context) -> reports.add(context));
        Task<Void> task = loop.createTask(main());
        loop.runUntilComplete(sleep(0.05));
        assertThat(task.done()).isTrue();
        loop.close();
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.get("message")).isEqualTo("Task exception was never retrieved");
            assertThat(names((Throwable) r.get("exception"))).containsExactly("level3", "level2", "level1", "main");
        });
    }
}
