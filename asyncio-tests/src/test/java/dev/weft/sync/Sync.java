package dev.weft.sync;

import static dev.weft.Weft.await;

import dev.weft.Async;
import dev.weft.Awaitable;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Held;
import dev.weft.Lock;
import dev.weft.Queue;
import dev.weft.Semaphore;
import dev.weft.Weft;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the ported CPython cases share: a virtual-time run, Python's {@code _waiters} seen through the repr, awaitables as coroutines. */
final class Sync {
    private Sync() {
    }

    /**
     * {@code asyncio.run(main)} in virtual time: sleeps take no real time. A test that deadlocks
     * (nothing ready, no timer) fails with a {@code TimeoutException} after a virtual hour instead
     * of hanging.
     */
    static <T> T run(Coroutine<T> main) {
        return Weft.run(Weft.waitFor(main, 3600), EventLoop::withVirtualClock);
    }

    private static final Pattern WAITERS = Pattern.compile("waiters:(\\d+)[,\\]]");

    /** {@code len(prim._waiters)}, read from the repr ({@code [locked, waiters:2]}); 0 when it shows none. */
    static int waiters(Object primitive) {
        Matcher m = WAITERS.matcher(primitive.toString());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** {@code await aw} as a coroutine, so that {@code createTask(awaiting(lock.acquire()))} is Python's {@code create_task(lock.acquire())}. */
    @Async
    static <T> Coroutine<T> awaiting(Awaitable<T> aw) {
        return Coroutine.returning(await(aw));
    }

    // Python's create_task(prim.method()): the method runs when the task starts, as in Python.

    /** {@code lock.acquire()} called inside the coroutine. */
    @Async
    static Coroutine<Held> acquire(Lock lock) {
        return Coroutine.returning(await(lock.acquire()));
    }

    /** {@code sem.acquire()} called inside the coroutine. */
    @Async
    static Coroutine<Held> acquire(Semaphore sem) {
        return Coroutine.returning(await(sem.acquire()));
    }

    /** {@code queue.get()} called inside the coroutine. */
    @Async
    static <T> Coroutine<T> get(Queue<T> queue) {
        return Coroutine.returning(await(queue.get()));
    }

    /** {@code queue.put(item)} called inside the coroutine. */
    @Async
    static <T> Coroutine<Void> put(Queue<T> queue, T item) {
        await(queue.put(item));
        return Coroutine.done();
    }
}
