package dev.weft.sync;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.gather;
import static dev.weft.Weft.getRunningLoop;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Event;
import dev.weft.LifoQueue;
import dev.weft.PriorityQueue;
import dev.weft.Queue;
import dev.weft.QueueEmpty;
import dev.weft.QueueFull;
import dev.weft.QueueShutDown;
import dev.weft.Task;
import dev.weft.TimeoutException;
import dev.weft.junit.AsyncTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CPython 3.13's {@code test_asyncio/test_queues.py}: {@code QueueBasicTests}, {@code QueueGetTests},
 * {@code QueuePutTests}, {@code LifoQueueTests}, {@code PriorityQueueTests}, as {@code @AsyncTest}s
 * ({@code TaskGroup} replaced by {@code gather}; {@code q._getters}/{@code q._putters} read from the
 * repr). Not ported: {@code test_generic_alias} (Python typing), {@code test_float_maxsize}
 * ({@code maxsize} is an {@code int}); {@code test_repr} and {@code test_str} are one (Java has one
 * {@code toString}).
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QueueTest {

    // ---- QueueBasicTests ----

    @AsyncTest(virtualTime = true)
    void test_repr() {
        Queue<Integer> q = new Queue<>();
        assertThat(q.toString()).startsWith("<Queue");

        Task<Integer> getter = createTask(Sync.get(q));
        await(sleep(0));
        assertThat(q.toString()).contains("_getters[1]");
        q.putNowait(0);
        assertThat(await(getter)).isZero();

        q = new Queue<>(1);
        q.putNowait(1);
        Task<Void> putter = createTask(Sync.put(q, 2));
        await(sleep(0));
        assertThat(q.toString()).contains("_putters[1]");
        q.getNowait();
        await(putter);
        assertThat(putter.done()).isTrue();

        q = new Queue<>();
        q.putNowait(1);
        assertThat(q.toString()).contains("_queue=[1]");
    }

    @AsyncTest(virtualTime = true)
    void test_empty() {
        Queue<Integer> q = new Queue<>();
        assertThat(q.empty()).isTrue();
        await(q.put(1));
        assertThat(q.empty()).isFalse();
        assertThat(await(q.get())).isEqualTo(1);
        assertThat(q.empty()).isTrue();
    }

    @AsyncTest(virtualTime = true)
    void test_full() {
        Queue<Integer> q = new Queue<>();
        assertThat(q.full()).isFalse();
        q = new Queue<>(1);
        await(q.put(1));
        assertThat(q.full()).isTrue();
    }

    @Async
    static Coroutine<List<Integer>> order(Queue<Integer> q) {
        for (int i : new int[] {1, 3, 2}) {
            await(q.put(i));
        }
        List<Integer> items = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            items.add(await(q.get()));
        }
        return Coroutine.returning(items);
    }

    @AsyncTest(virtualTime = true)
    void test_order() {
        assertThat(await(order(new Queue<>()))).containsExactly(1, 3, 2);
    }

    @Async
    static Coroutine<Boolean> maxsizePutter(Queue<Integer> q, List<Integer> haveBeenPut) {
        for (int i = 0; i < 3; i++) {
            await(q.put(i));
            haveBeenPut.add(i);
        }
        return Coroutine.returning(true);
    }

    @AsyncTest(virtualTime = true)
    void test_maxsize() {
        Queue<Integer> q = new Queue<>(2);
        assertThat(q.maxsize()).isEqualTo(2);
        List<Integer> haveBeenPut = new ArrayList<>();
        Task<Boolean> t = createTask(maxsizePutter(q, haveBeenPut));
        for (int i = 0; i < 2; i++) {
            await(sleep(0));
        }
        // the putter is blocked after putting two items
        assertThat(haveBeenPut).containsExactly(0, 1);
        assertThat(await(q.get())).isEqualTo(0);

        // let the putter resume and put the last item
        await(sleep(0));
        assertThat(haveBeenPut).containsExactly(0, 1, 2);
        assertThat(await(q.get())).isEqualTo(1);
        assertThat(await(q.get())).isEqualTo(2);
        assertThat(t.done()).isTrue();
        assertThat(t.result()).isTrue();
    }

    // ---- QueueGetTests ----

    @AsyncTest(virtualTime = true)
    void test_blocking_get() {
        Queue<Integer> q = new Queue<>();
        q.putNowait(1);
        assertThat(await(q.get())).isEqualTo(1);
    }

    /** Python appends a bare future to {@code _putters}; here a real blocked putter, which the get must wake. */
    @AsyncTest(virtualTime = true)
    void test_get_with_putters() {
        Queue<Integer> q = new Queue<>(1);
        await(q.put(1));
        Task<Void> putter = createTask(Sync.put(q, 2));
        await(sleep(0));
        assertThat(q.toString()).contains("_putters[1]");
        assertThat(await(q.get())).isEqualTo(1);
        assertThat(q.toString()).doesNotContain("_putters");
        await(sleep(0));
        assertThat(putter.done()).isTrue();
        assertThat(q.getNowait()).isEqualTo(2);
    }

    @Async
    static Coroutine<Integer> queueGet(Queue<Integer> q, Event started, boolean[] finished) {
        started.set();
        int res = await(q.get());
        finished[0] = true;
        return Coroutine.returning(res);
    }

    @AsyncTest(virtualTime = true)
    void test_blocking_get_wait() {
        Queue<Integer> q = new Queue<>();
        Event started = new Event();
        boolean[] finished = {false};
        Task<Integer> queueGetTask = createTask(queueGet(q, started, finished));
        await(started.waitSet());
        assertThat(finished[0]).isFalse();
        getRunningLoop().callLater(0.01, () -> q.putNowait(1));
        int res = await(queueGetTask);
        assertThat(finished[0]).isTrue();
        assertThat(res).isEqualTo(1);
    }

    @Test
    void test_nonblocking_get() {
        Queue<Integer> q = new Queue<>();
        q.putNowait(1);
        assertThat(q.getNowait()).isEqualTo(1);
    }

    @Test
    void test_nonblocking_get_exception() {
        Queue<Integer> q = new Queue<>();
        assertThatThrownBy(q::getNowait).isInstanceOf(QueueEmpty.class);
    }

    @AsyncTest(virtualTime = true)
    void test_get_cancelled_race() {
        Queue<String> q = new Queue<>();
        Task<String> t1 = createTask(Sync.get(q));
        Task<String> t2 = createTask(Sync.get(q));
        await(sleep(0));
        t1.cancel();
        await(sleep(0));
        assertThat(t1.done()).isTrue();
        await(q.put("a"));
        await(sleep(0));
        assertThat(await(t2)).isEqualTo("a");
    }

    @AsyncTest(virtualTime = true)
    void test_get_with_waiting_putters() {
        Queue<String> q = new Queue<>(1);
        createTask(Sync.put(q, "a"));
        createTask(Sync.put(q, "b"));
        assertThat(await(q.get())).isEqualTo("a");
        assertThat(await(q.get())).isEqualTo("b");
    }

    @Async
    static Coroutine<Void> consumer(Queue<Integer> queue, int numExpected) {
        for (int i = 0; i < numExpected; i++) {
            await(queue.get());
        }
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> producer(Queue<Integer> queue, int numItems) {
        for (int i = 0; i < numItems; i++) {
            await(queue.put(i));
        }
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_why_are_getters_waiting() {
        Queue<Integer> q = new Queue<>(1);
        await(gather(producer(q, 5), consumer(q, 5)));
    }

    @AsyncTest(virtualTime = true)
    void test_cancelled_getters_not_being_held_in_self_getters() {
        Queue<Integer> queue = new Queue<>(5);
        try {
            await(waitFor(queue.get(), 0.1));
            fail("no timeout");
        } catch (TimeoutException expected) {
            // as in Python
        }
        assertThat(queue.toString()).doesNotContain("_getters");
    }

    // ---- QueuePutTests ----

    @AsyncTest(virtualTime = true)
    void test_blocking_put() {
        Queue<Integer> q = new Queue<>();
        await(q.put(1)); // no maxsize: does not block
        assertThat(await(q.get())).isEqualTo(1);
    }

    @Async
    static Coroutine<Void> queuePut(Queue<Integer> q, Event started, boolean[] finished) {
        started.set();
        await(q.put(1));
        await(q.put(2));
        finished[0] = true;
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_blocking_put_wait() {
        Queue<Integer> q = new Queue<>(1);
        Event started = new Event();
        boolean[] finished = {false};
        getRunningLoop().callLater(0.01, q::getNowait);
        Task<Void> queuePutTask = createTask(queuePut(q, started, finished));
        await(started.waitSet());
        assertThat(finished[0]).isFalse();
        await(queuePutTask);
        assertThat(finished[0]).isTrue();
    }

    @Test
    void test_nonblocking_put() {
        Queue<Integer> q = new Queue<>();
        q.putNowait(1);
        assertThat(q.getNowait()).isEqualTo(1);
    }

    /** A reader woken for item 1 and cancelled before it ran: item 1 must not be dropped. */
    @AsyncTest(virtualTime = true)
    void test_get_cancel_drop_one_pending_reader() {
        Queue<Integer> q = new Queue<>();
        Task<Integer> reader = createTask(Sync.get(q));
        await(sleep(0));
        q.putNowait(1);
        q.putNowait(2);
        reader.cancel();
        try {
            await(reader);
        } catch (CancellationException e) {
            // try again
            reader = createTask(Sync.get(q));
            await(reader);
        }
        // if we get 2, 1 was dropped
        assertThat(reader.result()).isEqualTo(1);
    }

    @AsyncTest(virtualTime = true)
    void test_get_cancel_drop_many_pending_readers() {
        Queue<Integer> q = new Queue<>();
        Task<Integer> reader1 = createTask(Sync.get(q));
        Task<Integer> reader2 = createTask(Sync.get(q));
        Task<Integer> reader3 = createTask(Sync.get(q));
        await(sleep(0));
        q.putNowait(1);
        q.putNowait(2);
        reader1.cancel();
        try {
            await(reader1);
            fail("not cancelled");
        } catch (CancellationException expected) {
            // as in Python
        }
        await(reader3);
        await(gather(reader2, reader3));
        // in which order concurrent readers receive the items is not defined
        assertThat(new HashSet<>(Arrays.asList(reader2.result(), reader3.result()))).containsExactlyInAnyOrder(1, 2);
    }

    @AsyncTest(virtualTime = true)
    void test_put_cancel_drop() {
        Queue<Integer> q = new Queue<>(1);
        q.putNowait(1);
        // putting a second item has to block
        Task<Void> writer = createTask(Sync.put(q, 2));
        await(sleep(0));
        assertThat(q.getNowait()).isEqualTo(1);
        writer.cancel();
        try {
            await(writer);
        } catch (CancellationException e) {
            // try again
            writer = createTask(Sync.put(q, 2));
            await(writer);
        }
        assertThat(q.getNowait()).isEqualTo(2);
        assertThat(q.qsize()).isZero();
    }

    @Test
    void test_nonblocking_put_exception() {
        Queue<Integer> q = new Queue<>(1);
        q.putNowait(1);
        assertThatThrownBy(() -> q.putNowait(2)).isInstanceOf(QueueFull.class);
    }

    @Async
    static Coroutine<Boolean> putOne(Queue<Integer> q) {
        await(q.put(1));
        return Coroutine.returning(true);
    }

    @AsyncTest(virtualTime = true)
    void test_put_cancelled() {
        Queue<Integer> q = new Queue<>();
        Task<Boolean> t = createTask(putOne(q));
        assertThat(await(q.get())).isEqualTo(1);
        assertThat(t.done()).isTrue();
        assertThat(t.result()).isTrue();
    }

    @AsyncTest(virtualTime = true)
    void test_put_cancelled_race() {
        Queue<String> q = new Queue<>(1);
        Task<Void> putA = createTask(Sync.put(q, "a"));
        Task<Void> putB = createTask(Sync.put(q, "b"));
        Task<Void> putC = createTask(Sync.put(q, "X"));
        await(sleep(0));
        assertThat(putA.done()).isTrue();
        assertThat(putB.done()).isFalse();

        putC.cancel();
        await(sleep(0));
        assertThat(putC.done()).isTrue();
        assertThat(q.getNowait()).isEqualTo("a");
        await(sleep(0));
        assertThat(q.getNowait()).isEqualTo("b");
        await(putB);
    }

    @AsyncTest(virtualTime = true)
    void test_put_with_waiting_getters() {
        Queue<String> q = new Queue<>();
        Task<String> t = createTask(Sync.get(q));
        await(sleep(0));
        await(q.put("a"));
        assertThat(await(t)).isEqualTo("a");
    }

    @Async
    static Coroutine<Void> drainingGetter(Queue<Integer> queue) {
        await(sleep(0));
        int num = queue.qsize();
        for (int i = 0; i < num; i++) {
            queue.getNowait();
        }
        return Coroutine.done();
    }

    @AsyncTest(virtualTime = true)
    void test_why_are_putters_waiting() {
        Queue<Integer> queue = new Queue<>(2);
        await(gather(drainingGetter(queue), Sync.put(queue, 0), Sync.put(queue, 1), Sync.put(queue, 2), Sync.put(queue, 3)));
    }

    @AsyncTest(virtualTime = true)
    void test_cancelled_puts_not_being_held_in_self_putters() {
        Queue<Integer> queue = new Queue<>(1);
        queue.putNowait(1);
        Task<Void> putTask = createTask(Sync.put(queue, 1));
        await(sleep(0));
        assertThat(queue.toString()).contains("_putters[1]");
        putTask.cancel();
        try {
            await(putTask);
            fail("not cancelled");
        } catch (CancellationException expected) {
            // as in Python
        }
        assertThat(queue.toString()).doesNotContain("_putters");
    }

    @AsyncTest(virtualTime = true)
    void test_cancelled_put_silence_value_error_exception() {
        Queue<Integer> queue = new Queue<>(1);
        queue.putNowait(1);
        Task<Void> putTask = createTask(Sync.put(queue, 1));
        await(sleep(0));
        // getNowait takes the putter's future off the putters; the cancelled put must not fail removing it
        queue.getNowait();
        putTask.cancel();
        try {
            await(putTask);
            fail("not cancelled");
        } catch (CancellationException expected) {
            // as in Python
        }
    }

    // ---- LifoQueueTests, PriorityQueueTests ----

    @AsyncTest(virtualTime = true)
    void lifo_test_order() {
        assertThat(await(order(new LifoQueue<>()))).containsExactly(2, 3, 1);
    }

    @AsyncTest(virtualTime = true)
    void priority_test_order() {
        assertThat(await(order(new PriorityQueue<>()))).containsExactly(1, 2, 3);
    }

    // ---- Weft's own ----

    @AsyncTest(virtualTime = true)
    void null_items_pass_through_queue_and_lifo_queue() {
        Queue<String> q = new Queue<>();
        await(q.put(null));
        q.putNowait("x");
        assertThat(q.qsize()).isEqualTo(2);
        assertThat(await(q.get())).isNull();
        assertThat(q.getNowait()).isEqualTo("x");
        LifoQueue<String> l = new LifoQueue<>();
        l.putNowait("x");
        l.putNowait(null);
        assertThat(await(l.get())).isNull();
        assertThat(await(l.get())).isEqualTo("x");
    }

    @AsyncTest(virtualTime = true)
    void priority_queue_takes_a_comparator() {
        PriorityQueue<String> q = new PriorityQueue<>(java.util.Comparator.comparingInt(String::length));
        for (String s : new String[] {"ccc", "a", "bb"}) {
            await(q.put(s));
        }
        assertThat(await(q.get())).isEqualTo("a");
        assertThat(await(q.get())).isEqualTo("bb");
        assertThat(await(q.get())).isEqualTo("ccc");
    }

    // ---- laziness: as in Python, get() and put() act when awaited, not when called ----

    /** {@code wait_for(q.get(), 0)} times out before the get runs: TimeoutError, and the item stays. */
    @AsyncTest(virtualTime = true)
    void waitFor_get_with_timeout_0_raises_TimeoutException_and_the_item_stays() {
        Queue<String> q = new Queue<>();
        q.putNowait("item");
        try {
            await(waitFor(q.get(), 0));
            fail("waitFor(q.get(), 0) returned");
        } catch (TimeoutException e) {
            assertThat(q.qsize()).isEqualTo(1);
        }
        await(q.get()); // now bound: get() gives its allocation-free coroutine, which must be lazy too
        q.putNowait("again");
        try {
            await(waitFor(q.get(), 0));
            fail("waitFor(q.get(), 0) returned");
        } catch (TimeoutException e) {
            assertThat(q.getNowait()).isEqualTo("again");
        }
    }

    /** A get() created and never awaited takes no item; one awaited late takes the item then. */
    @AsyncTest(virtualTime = true)
    void get_never_awaited_loses_nothing() {
        Queue<String> q = new Queue<>();
        await(q.put("a"));
        await(q.put("b"));
        Coroutine<String> forgotten = q.get();
        Coroutine<String> late = q.get();
        assertThat(q.qsize()).isEqualTo(2);
        assertThat(await(q.get())).isEqualTo("a");
        assertThat(await(late)).isEqualTo("b");
        assertThat(q.qsize()).isZero();
        q.putNowait("c");
        assertThat(await(q.get())).isEqualTo("c");
        assertThat(q.empty()).isTrue();
    }

    /** A put() created and never awaited adds nothing; awaited late, it puts its own item. */
    @AsyncTest(virtualTime = true)
    void put_never_awaited_adds_nothing() {
        Queue<String> q = new Queue<>(2);
        await(q.put("bound"));
        q.getNowait();
        Coroutine<Void> forgotten = q.put("forgotten");
        Coroutine<Void> late = q.put("late");
        assertThat(q.qsize()).isZero();
        await(q.put("now"));
        await(late);
        assertThat(q.getNowait()).isEqualTo("now");
        assertThat(q.getNowait()).isEqualTo("late");
        assertThat(q.empty()).isTrue();
        // a put given to a task puts its item when the task runs
        Task<Void> putter = createTask(q.put("task"));
        assertThat(q.qsize()).isZero();
        await(putter);
        assertThat(q.getNowait()).isEqualTo("task");
    }

    /** As in Python, gets take the items in the order they are awaited, not the order they were made. */
    @AsyncTest(virtualTime = true)
    void gets_made_before_the_items_take_them_in_order() {
        Queue<Integer> q = new Queue<>();
        await(q.put(0));
        q.getNowait();
        Coroutine<Integer> first = q.get();
        Coroutine<Integer> second = q.get();
        q.putNowait(1);
        q.putNowait(2);
        assertThat(await(second)).isEqualTo(1); // awaited first, so it takes the first item
        assertThat(await(first)).isEqualTo(2);
    }

    // ---- a waiting call woken for nothing, or cancelled once woken (its task waits on its waiter) ----

    @AsyncTest(virtualTime = true)
    void a_get_woken_for_an_item_another_task_took_waits_again() {
        Queue<String> q = new Queue<>();
        Task<String> waiting = createTask(Sync.get(q));
        await(sleep(0));
        q.putNowait("a"); // wakes it...
        assertThat(q.getNowait()).isEqualTo("a"); // ...but this task takes the item first
        await(sleep(0));
        assertThat(waiting.done()).isFalse();
        assertThat(q.toString()).isEqualTo("<Queue maxsize=0 _getters[1] tasks=1>"); // as Python's
        q.putNowait("b");
        assertThat(await(waiting)).isEqualTo("b");
    }

    @AsyncTest(virtualTime = true)
    void a_put_woken_for_room_another_task_filled_waits_again() {
        Queue<String> q = new Queue<>(1);
        q.putNowait("a");
        Task<Void> waiting = createTask(Sync.put(q, "b"));
        await(sleep(0));
        assertThat(q.getNowait()).isEqualTo("a"); // room: wakes it...
        q.putNowait("c"); // ...but this task fills it first
        await(sleep(0));
        assertThat(waiting.done()).isFalse();
        assertThat(q.toString()).isEqualTo("<Queue maxsize=1 _queue=[c] _putters[1] tasks=2>");
        assertThat(q.getNowait()).isEqualTo("c");
        await(waiting);
        assertThat(q.getNowait()).isEqualTo("b");
    }

    @AsyncTest(virtualTime = true)
    void a_get_woken_then_cancelled_before_it_runs_leaves_the_item_to_the_next_getter() {
        Queue<String> q = new Queue<>();
        Task<String> first = createTask(Sync.get(q));
        Task<String> second = createTask(Sync.get(q));
        await(sleep(0));
        q.putNowait("a"); // wakes the first...
        first.cancel(); // ...cancelled before it runs
        await(sleep(0));
        await(sleep(0));
        assertThat(first.cancelled()).isTrue();
        assertThat(await(second)).isEqualTo("a");
    }

    @AsyncTest(virtualTime = true)
    void a_get_waiting_when_the_queue_shuts_down_raises_QueueShutDown() {
        Queue<String> q = new Queue<>();
        Task<String> waiting = createTask(Sync.get(q));
        await(sleep(0));
        q.shutdown();
        try {
            await(waiting);
            fail("no QueueShutDown");
        } catch (QueueShutDown expected) {
            // as Python's QueueShutDown
        }
    }
}
