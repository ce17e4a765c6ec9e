package dev.weft;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.gather;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.toThread;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Context variables across tasks, callbacks and threads: CPython 3.13's {@code test_tasks.py}
 * {@code test_context_1..3}, {@code 5}, {@code 6} (4 is 6 through the test's own helper),
 * {@code test_get_context}, and {@code test_threads.py} {@code test_to_thread_contextvars}, and
 * the same rules for callbacks ({@code asyncio.Handle} runs its callback in a copy of the context
 * current at its scheduling).
 */
class TaskContextTest {
    private static final ContextVar<String> CVAR = new ContextVar<>("cvar", "nope");
    private static final ContextVar<Integer> NUM = new ContextVar<>("num", -1);
    private final EventLoop loop = EventLoop.withVirtualClock();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Async
    static Coroutine<Void> context1Sub() {
        await(sleep(0.01));
        assertThat(CVAR.get()).isEqualTo("nope");
        CVAR.set("something else");
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> context1Main() {
        assertThat(CVAR.get()).isEqualTo("nope");
        Task<Void> subtask = createTask(context1Sub());
        CVAR.set("yes");
        assertThat(CVAR.get()).isEqualTo("yes");
        await(subtask);
        assertThat(CVAR.get()).isEqualTo("yes");
        return Coroutine.done();
    }

    @Test
    void test_context_1() {
        loop.runUntilComplete(loop.createTask(context1Main()));
        assertThat(CVAR.get()).isEqualTo("nope");
    }

    @Async
    static Coroutine<Void> context2Main(EventLoop loop) {
        assertThat(CVAR.get()).isEqualTo("nope");
        for (int j = 0; j < 2; j++) {
            Future<Object> fut = loop.createFuture();
            // this change must not pollute the context of the main task
            fut.addDoneCallback(f -> CVAR.set("something else"));
            CVAR.set("yes" + j);
            loop.callSoon(() -> fut.setResult(null));
            await(fut);
            assertThat(CVAR.get()).isEqualTo("yes" + j);
            for (int i = 0; i < 3; i++) {
                CVAR.set("yes" + i + "-" + j);
                await(sleep(0.001));
                assertThat(CVAR.get()).isEqualTo("yes" + i + "-" + j);
            }
        }
        return Coroutine.done();
    }

    @Test
    void test_context_2() {
        loop.runUntilComplete(loop.createTask(context2Main(loop)));
        assertThat(CVAR.get()).isEqualTo("nope");
    }

    @Async
    static Coroutine<Void> context3Sub(int num, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 10; i++) {
            NUM.set(num + i);
            await(sleep(0.001 + random.nextDouble() * 0.049));
            assertThat(NUM.get()).isEqualTo(num + i);
        }
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> context3Main() {
        Random random = new Random(3);
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tasks.add(createTask(context3Sub(random.nextInt(11), random.nextLong())));
        }
        await(gather(tasks));
        return Coroutine.done();
    }

    @Test
    void test_context_3() {
        loop.runUntilComplete(context3Main());
        assertThat(NUM.get()).isEqualTo(-1);
    }

    @Async
    static Coroutine<String> toThreadGetsCaller() {
        CVAR.set("parrot");
        return Coroutine.returning(await(toThread(CVAR::get)));
    }

    @Test
    void test_to_thread_contextvars() {
        EventLoop real = EventLoop.create();
        try {
            assertThat(real.runUntilComplete(toThreadGetsCaller())).isEqualTo("parrot");
        } finally {
            real.close();
        }
    }

    @Async
    static Coroutine<String> runInExecutorGetsThreadsOwn(EventLoop loop) {
        CVAR.set("parrot");
        return Coroutine.returning(await(loop.runInExecutor(null, CVAR::get)));
    }

    /** As in Python, runInExecutor does not carry the caller's context: the pool thread has its own. */
    @Test
    void runInExecutorRunsInThreadsOwnContext() {
        EventLoop real = EventLoop.create();
        try {
            assertThat(real.runUntilComplete(runInExecutorGetsThreadsOwn(real))).isEqualTo("nope");
        } finally {
            real.close();
        }
    }

    @Async
    static Coroutine<List<String>> callbacksSeeSchedulingContext(EventLoop loop) {
        List<String> seen = new ArrayList<>();
        CVAR.set("soon");
        loop.callSoon(() -> {
            seen.add("callSoon " + CVAR.get());
            CVAR.set("changed by callback");
        });
        CVAR.set("later");
        loop.callLater(0.01, () -> seen.add("callLater " + CVAR.get()));
        CVAR.set("main");
        await(sleep(0.02));
        seen.add("task " + CVAR.get());
        return Coroutine.returning(seen);
    }

    @Test
    void callbacksRunInACopyOfTheSchedulingContext() {
        assertThat(loop.runUntilComplete(callbacksSeeSchedulingContext(loop)))
                .containsExactly("callSoon soon", "callLater later", "task main");
    }

    @Test
    void callSoonThreadsafeCopiesTheSendersContext() throws Exception {
        Future<String> got = loop.createFuture();
        Thread sender = new Thread(() -> {
            CVAR.set("sender");
            loop.callSoonThreadsafe(() -> got.setResult(CVAR.get()));
        });
        sender.start();
        sender.join();
        assertThat(loop.runUntilComplete(got)).isEqualTo("sender");
    }

    @Async
    static Coroutine<Void> setAfterAStep(String value) {
        await(sleep(0));
        CVAR.set(value);
        return Coroutine.done();
    }

    @Test
    void taskGetContextIsTheTasksCopy() throws Exception {
        Context outer = new Context();
        Task<Void> t = outer.run(() -> {
            CVAR.set("at creation");
            Task<Void> task = loop.createTask(setAfterAStep("set by the task"));
            CVAR.set("after creation");
            return task;
        });
        assertThat(t.getContext().get(CVAR)).isEqualTo("at creation");
        loop.runUntilComplete(t);
        assertThat(t.getContext().get(CVAR)).isEqualTo("set by the task");
        assertThat(outer.get(CVAR)).isEqualTo("after creation");
    }

    @Async
    static Coroutine<Long> bytesAllocatedByReads() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        int found = 0;
        long least = Long.MAX_VALUE;
        // the least of a few rounds: a compilation or deoptimization may allocate during one;
        // an allocating read would show in every round, 10,000 times over
        for (int round = 0; round < 5; round++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 10_000; i++) {
                found += CVAR.get().length() + NUM.get(7);
            }
            least = Math.min(least, threads.getThreadAllocatedBytes(id) - before);
        }
        assertThat(found).isEqualTo(5 * 10_000 * 11);
        return Coroutine.returning(least);
    }

    /** Reading a variable in a task with no context set allocates nothing. */
    @Test
    void readingInATaskAllocatesNothing() {
        assertThat(loop.runUntilComplete(bytesAllocatedByReads())).isZero();
    }

    private static final ContextVar<Integer> VAL = new ContextVar<>("cvar");

    @Async
    static Coroutine<Void> setVal(int val) {
        await(sleep(0));
        VAL.set(val);
        return Coroutine.done();
    }

    @Async
    static Coroutine<List<Integer>> context4Main(EventLoop loop, boolean viaWeft) {
        List<Integer> ret = new ArrayList<>();
        Context ctx = Context.copyContext();
        ret.add(ctx.get(VAL));
        Task<Void> t1 = viaWeft ? createTask(setVal(1), null, ctx) : loop.createTask(setVal(1), null, ctx);
        await(t1);
        ret.add(ctx.get(VAL));
        Task<Void> t2 = viaWeft ? createTask(setVal(2), null, ctx) : loop.createTask(setVal(2), null, ctx);
        await(t2);
        ret.add(ctx.get(VAL));
        return Coroutine.returning(ret);
    }

    @Test
    void test_context_5() {
        assertThat(loop.runUntilComplete(loop.createTask(context4Main(loop, true)))).containsExactly(null, 1, 2);
    }

    @Test
    void test_context_6() {
        assertThat(loop.runUntilComplete(loop.createTask(context4Main(loop, false)))).containsExactly(null, 1, 2);
    }

    @Test
    void test_get_context() {
        Context context = Context.copyContext();
        Task<Void> task = loop.createTask(setVal(5), null, context);
        loop.runUntilComplete(task);
        assertThat(task.getContext()).isSameAs(context);
        assertThat(context.get(VAL)).isEqualTo(5);
    }

    // ---- a task created where no variable is set makes its context only when it needs one ----

    @Async
    static Coroutine<List<String>> setThenReadAcrossSteps() {
        List<String> seen = new ArrayList<>();
        seen.add(CVAR.get());
        CVAR.set("set in step 1");
        await(sleep(0));
        seen.add(CVAR.get());
        await(sleep(0));
        seen.add(CVAR.get());
        return Coroutine.returning(seen);
    }

    @Test
    void aSetInATaskWithAnEmptyContextLastsAcrossItsSteps() {
        Task<List<String>> t = loop.createTask(setThenReadAcrossSteps());
        assertThat(loop.runUntilComplete(t)).containsExactly("nope", "set in step 1", "set in step 1");
        assertThat(t.getContext().get(CVAR)).isEqualTo("set in step 1");
        assertThat(CVAR.get()).isEqualTo("nope");
    }

    @Test
    void getContextBeforeTheFirstStepIsTheContextTheTaskSetsIn() {
        Task<Void> t = loop.createTask(setAfterAStep("later"));
        Context early = t.getContext();
        assertThat(early.size()).isZero();
        loop.runUntilComplete(t);
        assertThat(early.get(CVAR)).isEqualTo("later");
        assertThat(t.getContext()).isSameAs(early);
    }

    @Async
    static Coroutine<Context> askOwnContextThenSet() {
        Context mine = loop().currentTask.getContext();
        CVAR.set("after asking");
        await(sleep(0));
        return Coroutine.returning(mine);
    }

    private static EventLoop loop() {
        return EventLoop.runningOrNull();
    }

    @Test
    void getContextFromTheTasksOwnStepIsTheContextItsSetsLandIn() {
        Task<Context> t = loop.createTask(askOwnContextThenSet());
        Context mine = loop.runUntilComplete(t);
        assertThat(mine).isSameAs(t.getContext());
        assertThat(mine.get(CVAR)).isEqualTo("after asking");
    }

    @Async
    static Coroutine<List<String>> siblingsWithEmptyContexts() {
        Task<List<String>> a = createTask(setThenReadAcrossSteps());
        Task<List<String>> b = createTask(setThenReadAcrossSteps());
        List<String> seen = new ArrayList<>(await(a));
        seen.addAll(await(b));
        seen.add(CVAR.get());
        return Coroutine.returning(seen);
    }

    @Test
    void tasksWithEmptyContextsDoNotShareTheirSets() {
        assertThat(loop.runUntilComplete(loop.createTask(siblingsWithEmptyContexts())))
                .containsExactly("nope", "set in step 1", "set in step 1", "nope", "set in step 1", "set in step 1", "nope");
    }

    @Test
    void aCallbackThatSetsLeavesTheLoopsContextAlone() {
        List<String> seen = new ArrayList<>();
        loop.callSoon(() -> CVAR.set("in the first callback"));
        loop.callSoon(() -> seen.add(CVAR.get()));
        loop.runUntilComplete(loop.createTask(setAfterAStep("x")));
        assertThat(seen).containsExactly("nope");
        assertThat(CVAR.get()).isEqualTo("nope");
    }
}
