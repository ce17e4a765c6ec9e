package dev.weft.sync;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.gatherReturnExceptions;
import static dev.weft.Weft.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Held;
import dev.weft.Lock;
import dev.weft.Queue;
import dev.weft.QueueEmpty;
import dev.weft.Semaphore;
import dev.weft.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Random interleavings of producers, consumers and cancellations over a bounded (or unbounded)
 * queue, in virtual time: every item whose {@code put} returned is taken exactly once or is still
 * in the queue, and no item is taken that was not put; a {@link Lock} never has two holders, a
 * {@link Semaphore}(2) never more than two, and once every task has ended neither is held and no
 * permit is lost.
 */
class InterleavingPropertyTest {

    /** One random run: the queue's maxsize, what each producer sleeps before each of its puts, what each consumer holds the lock for, and (time, task) cancellations. Times are in half seconds. */
    static final class Scenario {
        final int maxsize;
        final List<List<Integer>> producers;
        final List<List<Integer>> consumers;
        final List<Tuple2<Integer, Integer>> cancels;

        Scenario(int maxsize, List<List<Integer>> producers, List<List<Integer>> consumers, List<Tuple2<Integer, Integer>> cancels) {
            this.maxsize = maxsize;
            this.producers = producers;
            this.consumers = consumers;
            this.cancels = cancels;
        }

        @Override
        public String toString() {
            return "maxsize=" + maxsize + " producers=" + producers + " consumers=" + consumers + " cancels=" + cancels;
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<Integer>> script = Arbitraries.integers().between(0, 3).list().ofMinSize(1).ofMaxSize(6);
        return Combinators.combine(
                Arbitraries.integers().between(0, 3),
                script.list().ofMinSize(1).ofMaxSize(4),
                script.list().ofMinSize(1).ofMaxSize(4),
                Combinators.combine(Arbitraries.integers().between(0, 30), Arbitraries.integers().between(0, 7))
                        .as(Tuple::of).list().ofMaxSize(6))
                .as(Scenario::new);
    }

    /** What the tasks observed. */
    static final class Log {
        final List<Integer> put = new ArrayList<>();
        final List<Integer> taken = new ArrayList<>();
        int lockHolders;
        int maxLockHolders;
        int semHolders;
        int maxSemHolders;
    }

    @Async
    static Coroutine<Void> producer(Queue<Integer> q, int id, List<Integer> sleeps, Log log) {
        for (int k = 0; k < sleeps.size(); k++) {
            await(sleep(sleeps.get(k) * 0.5));
            int item = id * 100 + k;
            await(q.put(item));
            log.put.add(item); // no suspension between the put returning and this line
        }
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> consumer(Queue<Integer> q, Lock lock, Semaphore sem, List<Integer> holds, Log log) {
        for (int k = 0;; k++) {
            int item = await(q.get());
            log.taken.add(item); // no suspension between the get returning and this line
            double hold = holds.get(k % holds.size()) * 0.5;
            try (Held held = await(lock.acquire())) {
                log.lockHolders++;
                log.maxLockHolders = Math.max(log.maxLockHolders, log.lockHolders);
                try {
                    await(sleep(hold));
                } finally {
                    log.lockHolders--;
                }
            }
            try (Held held = await(sem.acquire())) {
                log.semHolders++;
                log.maxSemHolders = Math.max(log.maxSemHolders, log.semHolders);
                try {
                    await(sleep(hold));
                } finally {
                    log.semHolders--;
                }
            }
        }
    }

    @Async
    static Coroutine<Void> chaos(List<Tuple2<Integer, Integer>> cancels, List<Task<Void>> tasks) {
        List<Tuple2<Integer, Integer>> sorted = new ArrayList<>(cancels);
        sorted.sort((a, b) -> Integer.compare(a.get1(), b.get1()));
        double now = 0;
        for (Tuple2<Integer, Integer> c : sorted) {
            double at = c.get1() * 0.5;
            await(sleep(at - now));
            now = at;
            tasks.get(c.get2() % tasks.size()).cancel();
        }
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> scenario(Scenario s) {
        Queue<Integer> q = new Queue<>(s.maxsize);
        Lock lock = new Lock();
        Semaphore sem = new Semaphore(2);
        Log log = new Log();
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < s.producers.size(); i++) {
            tasks.add(createTask(producer(q, i + 1, s.producers.get(i), log)));
        }
        for (List<Integer> holds : s.consumers) {
            tasks.add(createTask(consumer(q, lock, sem, holds, log)));
        }
        Task<Void> chaos = createTask(chaos(s.cancels, tasks));
        await(sleep(40));
        await(chaos);
        for (Task<Void> t : tasks) {
            t.cancel();
        }
        await(gatherReturnExceptions(tasks));

        List<Integer> left = new ArrayList<>();
        while (true) {
            try {
                left.add(q.getNowait());
            } catch (QueueEmpty e) {
                break;
            }
        }
        List<Integer> seen = new ArrayList<>(log.taken);
        seen.addAll(left);
        Collections.sort(seen);
        List<Integer> put = new ArrayList<>(log.put);
        Collections.sort(put);
        assertThat(seen).as("taken %s + left %s vs put %s", log.taken, left, log.put).isEqualTo(put);
        assertThat(log.maxLockHolders).isLessThanOrEqualTo(1);
        assertThat(log.maxSemHolders).isLessThanOrEqualTo(2);
        assertThat(lock.locked()).isFalse();
        assertThat(sem.value()).isEqualTo(2);
        assertThat(q.toString()).doesNotContain("_getters").doesNotContain("_putters");
        return Coroutine.done();
    }

    @Property(tries = 300)
    void every_item_put_is_taken_once_or_still_queued_and_locks_have_one_holder(@ForAll("scenarios") Scenario s) {
        Sync.run(scenario(s));
    }
}
