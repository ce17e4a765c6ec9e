package dev.weft.sync;

import static dev.weft.Weft.await;
import static dev.weft.Weft.sleep;
import static dev.weft.sync.Sync.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Event;
import dev.weft.Lock;
import dev.weft.Queue;
import dev.weft.Semaphore;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The uncontended paths allocate nothing, as CPython's allocate no future: {@code await(lock.acquire())}
 * and {@code release()}, the same for a semaphore, {@code await(event.waitSet())} on a set event,
 * {@code await(queue.put(x))} with room, {@code getNowait()}, {@code await(queue.join())} with no work
 * left, and a task switch at {@code await(sleep(0))}. Measured with HotSpot's per-thread allocation counter.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FastPathAllocationTest {
    static final int N = 200_000;

    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @Async
    static Coroutine<Long> uncontended(int n) {
        Lock lock = new Lock();
        Semaphore sem = new Semaphore(2);
        Event ev = new Event();
        ev.set();
        Queue<String> q = new Queue<>(4);
        String item = "item";
        long before = allocatedBytes();
        for (int i = 0; i < n; i++) {
            await(lock.acquire());
            lock.release();
            await(sem.acquire());
            sem.release();
            await(ev.waitSet());
            await(q.put(item));
            q.getNowait();
            q.taskDone();
            await(q.join());
        }
        return Coroutine.returning(allocatedBytes() - before);
    }

    @Test
    void uncontended_operations_allocate_nothing() {
        run(uncontended(N)); // warm up: compile the paths
        long bytes = run(uncontended(N));
        assertThat(bytes).as("bytes allocated by %s uncontended rounds", N).isLessThan(N / 10);
    }

    @Async
    static Coroutine<Long> yielding(int n) {
        long before = allocatedBytes();
        for (int i = 0; i < n; i++) {
            await(sleep(0));
        }
        return Coroutine.returning(allocatedBytes() - before);
    }

    @Test
    void a_task_switch_at_sleep_0_allocates_nothing() {
        run(yielding(N)); // warm up
        long bytes = run(yielding(N));
        assertThat(bytes).as("bytes allocated by %s awaits of sleep(0)", N).isLessThan(N / 10);
    }
}
