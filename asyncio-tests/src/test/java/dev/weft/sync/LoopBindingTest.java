package dev.weft.sync;

import static dev.weft.Weft.await;
import static dev.weft.Weft.getRunningLoop;
import static dev.weft.Weft.toThread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Async;
import dev.weft.Barrier;
import dev.weft.Condition;
import dev.weft.Coroutine;
import dev.weft.Event;
import dev.weft.EventLoop;
import dev.weft.Held;
import dev.weft.Lock;
import dev.weft.Queue;
import dev.weft.Semaphore;
import dev.weft.Weft;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every primitive is bound to the loop where it is first used: from another thread, while that loop
 * runs, each refuses with a message naming the thread-safe doors; through
 * {@code loop.callSoonThreadsafe} the same call works. Real clock: other threads are involved.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LoopBindingTest {

    /** Runs each action on another thread and gives what each threw (its message), or "ok". */
    static List<String> fromAnotherThread(List<Runnable> actions) throws InterruptedException {
        List<String> out = new ArrayList<>();
        Thread t = new Thread(() -> {
            for (Runnable r : actions) {
                try {
                    r.run();
                    out.add("ok");
                } catch (IllegalStateException e) {
                    out.add(e.getMessage());
                }
            }
        });
        t.start();
        t.join();
        return out;
    }

    @Async
    static Coroutine<List<String>> foreignCalls() {
        Lock lock = new Lock();
        Event ev = new Event();
        Condition cond = new Condition();
        Semaphore sem = new Semaphore(1);
        Barrier barrier = new Barrier(2);
        Queue<String> q = new Queue<>();
        // first use, on the loop: binds each of them
        await(lock.acquire());
        ev.clear();
        try (Held held = await(cond.acquire())) {
            cond.signal();
        }
        sem.release();
        q.putNowait("x");
        barrier.toString();
        await(barrier.reset());
        List<Runnable> actions = new ArrayList<>();
        actions.add(lock::release);
        actions.add(ev::set);
        actions.add(cond::signalAll); // waitSignal(), like every coroutine call, does nothing until awaited
        actions.add(sem::release);
        actions.add(ev::clear);
        actions.add(() -> q.putNowait("y"));
        actions.add(q::getNowait);
        actions.add(q::taskDone);
        List<String> answers = await(toThread(() -> fromAnotherThread(actions)));
        // nothing changed
        assertThat(lock.locked()).isTrue();
        assertThat(ev.isSet()).isFalse();
        assertThat(q.qsize()).isEqualTo(1);
        return Coroutine.returning(answers);
    }

    @Test
    void from_another_thread_every_primitive_names_the_thread_safe_doors() {
        List<String> answers = Weft.run(foreignCalls());
        assertThat(answers).hasSize(8).allSatisfy(m -> assertThat(m)
                .contains("callSoonThreadsafe").contains("runCoroutineThreadsafe"));
    }

    @Async
    static Coroutine<String> consume(Queue<String> q) {
        EventLoop loop = getRunningLoop();
        Thread producer = new Thread(() -> loop.callSoonThreadsafe(() -> q.putNowait("from another thread")));
        String first = await(q.get()); // binds the queue, then waits
        producer.start();
        String second = await(q.get());
        return Coroutine.returning(first + " / " + second);
    }

    @Async
    static Coroutine<String> consumeAfterPut(Queue<String> q) {
        q.putNowait("from the loop");
        return Coroutine.returning(await(consume(q)));
    }

    @Test
    void through_callSoonThreadsafe_another_thread_feeds_a_queue() {
        Queue<String> q = new Queue<>();
        assertThat(Weft.run(consumeAfterPut(q))).isEqualTo("from the loop / from another thread");
    }
}
