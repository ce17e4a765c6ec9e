package dev.weft.sync;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.gather;
import static dev.weft.Weft.getRunningLoop;
import static dev.weft.Weft.sleep;
import static dev.weft.sync.Sync.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.LifoQueue;
import dev.weft.PriorityQueue;
import dev.weft.Queue;
import dev.weft.QueueShutDown;
import dev.weft.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

/**
 * CPython 3.13's {@code test_asyncio/test_queues.py}: {@code _QueueJoinTestMixin} and
 * {@code _QueueShutdownTestMixin}, each run for {@code Queue}, {@code LifoQueue} and
 * {@code PriorityQueue}. {@code q._format()} is read from {@code toString()}.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QueueJoinShutdownTest {

    static <T> Queue<T> make(String kind, int maxsize) {
        switch (kind) {
            case "Queue":
                return new Queue<>(maxsize);
            case "LifoQueue":
                return new LifoQueue<>(maxsize);
            case "PriorityQueue":
                return new PriorityQueue<>(maxsize);
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    // ---- _QueueJoinTestMixin ----

    @ParameterizedTest
    @ValueSource(strings = {"Queue", "LifoQueue", "PriorityQueue"})
    void test_task_done_underflow(String kind) {
        Queue<Integer> q = make(kind, 0);
        assertThatThrownBy(q::taskDone).isInstanceOf(IllegalStateException.class)
                .hasMessage("taskDone() called too many times");
    }

    @Async
    static Coroutine<Void> worker(Queue<Integer> q, int[] accumulator, boolean[] running) {
        while (running[0]) {
            int item = await(q.get());
            accumulator[0] += item;
            q.taskDone();
        }
        return Coroutine.done();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Queue", "LifoQueue", "PriorityQueue"})
    void test_task_done(String kind) {
        run(taskDone(make(kind, 0)));
    }

    @Async
    static Coroutine<Void> taskDone(Queue<Integer> q) {
        for (int i = 0; i < 100; i++) {
            q.putNowait(i);
        }
        int[] accumulator = {0};
        boolean[] running = {true};
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            tasks.add(createTask(worker(q, accumulator, running)));
        }
        await(q.join());
        assertThat(accumulator[0]).isEqualTo(99 * 100 / 2);
        // close the running workers
        running[0] = false;
        for (int i = 0; i < tasks.size(); i++) {
            q.putNowait(0);
        }
        await(gather(tasks));
        return Coroutine.done();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Queue", "LifoQueue", "PriorityQueue"})
    void test_join_empty_queue(String kind) {
        run(joinEmptyQueue(make(kind, 0)));
    }

    @Async
    static Coroutine<Void> joinEmptyQueue(Queue<Integer> q) {
        // joins at once, twice for insurance
        await(q.join());
        await(q.join());
        return Coroutine.done();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Queue", "LifoQueue", "PriorityQueue"})
    void test_format(String kind) {
        Queue<Integer> q = make(kind, 0);
        assertThat(q.toString()).isEqualTo("<" + kind + " maxsize=0>");
        q.putNowait(1);
        q.putNowait(2);
        q.getNowait();
        q.getNowait();
        assertThat(q.toString()).isEqualTo("<" + kind + " maxsize=0 tasks=2>");
    }

    // ---- _QueueShutdownTestMixin ----

    @ParameterizedTest
    @ValueSource(strings = {"Queue", "LifoQueue", "PriorityQueue"})
    void test_shutdown_format(String kind) {
        Queue<Integer> q = make(kind, 0);
        q.shutdown();
        assertThat(q.toString()).isEqualTo("<" + kind + " maxsize=0 shutdown>");
    }

    /** put(), putNowait(), get() and getNowait() all raise QueueShutDown. */
    @Async
    static Coroutine<Void> assertAllRaiseShutdown(Queue<String> q) {
        try {
            await(q.put("data"));
            fail("put: didn't appear to shut down the queue");
        } catch (QueueShutDown expected) {
            // ok
        }
        assertThatThrownBy(() -> q.putNowait("data")).isInstanceOf(QueueShutDown.class);
        try {
            await(q.get());
            fail("get: didn't appear to shut down the queue");
        } catch (QueueShutDown expected) {
            // ok
        }
        assertThatThrownBy(q::getNowait).isInstanceOf(QueueShutDown.class);
        return Coroutine.done();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Queue", "LifoQueue", "PriorityQueue"})
    void test_shutdown_empty(String kind) {
        run(shutdownEmpty(make(kind, 0)));
    }

    @Async
    static Coroutine<Void> shutdownEmpty(Queue<String> q) {
        Task<String> getTask = createTask(Sync.get(q));
        await(sleep(0)); // the get task pending before shutdown
        q.shutdown(false);
        assertThat(q.qsize()).isZero();
        await(q.join());
        await(sleep(0));
        assertThat(getTask.done()).isTrue();
        try {
            await(getTask);
            fail("the blocked get did not raise QueueShutDown");
        } catch (QueueShutDown expected) {
            // ok
        }
        await(assertAllRaiseShutdown(q));
        return Coroutine.done();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Queue", "LifoQueue", "PriorityQueue"})
    void test_shutdown_nonempty(String kind) {
        run(shutdownNonempty(make(kind, 1)));
    }

    @Async
    static Coroutine<Void> shutdownNonempty(Queue<String> q) {
        q.putNowait("data");
        Task<Void> joinTask = createTask(Sync.awaiting(q.join()));
        Task<Void> putTask = createTask(Sync.put(q, "data2"));
        await(sleep(0));
        assertThat(putTask.done()).isFalse();

        q.shutdown(false);
        assertThat(q.qsize()).isEqualTo(1);

        await(sleep(0));
        assertThat(putTask.done()).isTrue();
        try {
            await(putTask);
            fail("the blocked put did not raise QueueShutDown");
        } catch (QueueShutDown expected) {
            // ok
        }
        // the item put before still comes out
        assertThat(await(q.get())).isEqualTo("data");
        await(sleep(0));
        assertThat(joinTask.done()).isFalse();

        await(assertAllRaiseShutdown(q));

        q.taskDone();
        await(sleep(0));
        assertThat(joinTask.done()).isTrue();
        await(joinTask);
        assertThatThrownBy(q::taskDone).isInstanceOf(IllegalStateException.class);
        return Coroutine.done();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Queue", "LifoQueue", "PriorityQueue"})
    void test_shutdown_immediate(String kind) {
        run(shutdownImmediate(make(kind, 0)));
    }

    @Async
    static Coroutine<Void> shutdownImmediate(Queue<String> q) {
        q.putNowait("data");
        Task<Void> joinTask = createTask(Sync.awaiting(q.join()));
        q.shutdown(true);
        assertThat(q.qsize()).isZero();
        await(sleep(0));
        assertThat(joinTask.done()).isTrue();
        await(joinTask);
        await(assertAllRaiseShutdown(q));
        assertThatThrownBy(q::taskDone).isInstanceOf(IllegalStateException.class);
        return Coroutine.done();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Queue", "LifoQueue", "PriorityQueue"})
    void test_shutdown_immediate_with_unfinished(String kind) {
        run(shutdownImmediateWithUnfinished(make(kind, 0)));
    }

    @Async
    static Coroutine<Void> shutdownImmediateWithUnfinished(Queue<String> q) {
        q.putNowait("data");
        q.putNowait("data");
        Task<Void> joinTask = createTask(Sync.awaiting(q.join()));
        assertThat(await(q.get())).isEqualTo("data");
        q.shutdown(true);
        assertThat(q.qsize()).isZero();
        await(sleep(0));
        assertThat(joinTask.done()).isFalse();
        await(assertAllRaiseShutdown(q));
        q.taskDone();
        assertThatThrownBy(q::taskDone).isInstanceOf(IllegalStateException.class);
        await(sleep(0));
        assertThat(joinTask.done()).isTrue();
        await(joinTask);
        return Coroutine.done();
    }

    /** Weft's own: shutdown wakes a getter blocked on an empty queue and a putter blocked on a full one, both with QueueShutDown. */
    @ParameterizedTest
    @ValueSource(strings = {"Queue", "LifoQueue", "PriorityQueue"})
    void shutdown_wakes_blocked_getters_and_putters(String kind) {
        run(shutdownWakes(make(kind, 1), make(kind, 1)));
    }

    @Async
    static Coroutine<Void> shutdownWakes(Queue<String> empty, Queue<String> full) {
        full.putNowait("x");
        Task<String> getter = createTask(Sync.get(empty));
        Task<Void> putter = createTask(Sync.put(full, "y"));
        await(sleep(1));
        assertThat(getter.done() || putter.done()).isFalse();
        getRunningLoop().callSoon(() -> {
            empty.shutdown(false);
            full.shutdown(true);
        });
        List<Object> results = await(dev.weft.Weft.gatherReturnExceptions(getter, putter));
        assertThat(results.get(0)).isInstanceOf(QueueShutDown.class);
        assertThat(results.get(1)).isInstanceOf(QueueShutDown.class);
        assertThat(full.qsize()).isZero();
        return Coroutine.done();
    }
}
