package dev.weft;

import static dev.weft.Weft.await;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * {@code asyncio.as_completed} (Python 3.13's plain iteration, as a list): one coroutine per
 * awaitable, the k-th of which gives the result (or raises the exception) of the k-th awaitable
 * to finish. After the timeout, the
 * coroutines not answered yet raise {@link TimeoutException}; nothing is cancelled.
 */
final class AsCompleted<T> implements Consumer<Future<?>>, Runnable {
    private final Set<Future<?>> todo = new LinkedHashSet<>();
    /** Futures done ({@link #TIMED_OUT}: the timeout), not yet taken by a coroutine. */
    private final ArrayDeque<Object> done = new ArrayDeque<>();
    /** Coroutines waiting for a future done, each woken through a future of the loop. */
    private final ArrayDeque<Future<Object>> getters = new ArrayDeque<>();
    private final EventLoop loop;
    private TimerHandle timeoutHandle;

    private static final Object TIMED_OUT = new Object();

    private AsCompleted(EventLoop loop) {
        this.loop = loop;
    }

    static <T> List<Coroutine<T>> of(Collection<? extends Awaitable<? extends T>> aws, double timeout) {
        if (Double.isNaN(timeout)) {
            throw new IllegalArgumentException("asCompleted: the timeout must be a number of seconds, not NaN");
        }
        EventLoop loop = EventLoop.requireRunning("asCompleted");
        AsCompleted<T> state = new AsCompleted<>(loop);
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        for (Awaitable<? extends T> aw : aws) {
            if (seen.put(aw, Boolean.TRUE) == null) {
                state.todo.add(loop.ensureFuture(aw));
            }
        }
        for (Future<?> f : state.todo) {
            f.addDoneCallback(state);
        }
        if (!state.todo.isEmpty() && timeout != Double.POSITIVE_INFINITY) {
            state.timeoutHandle = loop.callLater(timeout, state);
        }
        List<Coroutine<T>> coros = new ArrayList<>();
        for (int i = state.todo.size(); i > 0; i--) {
            coros.add(waitForOne(state));
        }
        return coros;
    }


    /** The timeout: every coroutine not answered yet raises {@link TimeoutException}. */
    @Override
    public void run() {
        for (Future<?> f : todo) {
            f.removeDoneCallback(this);
            put(TIMED_OUT);
        }
        todo.clear();
    }

    /** A future is done. */
    @Override
    public void accept(Future<?> f) {
        if (todo.isEmpty()) {
            return; // the timeout came first
        }
        todo.remove(f);
        put(f);
        if (todo.isEmpty() && timeoutHandle != null) {
            timeoutHandle.cancel();
        }
    }

    /** Python's {@code Queue.put_nowait}: the item waits in {@code done}; the first coroutine waiting is woken to take it. */
    private void put(Object item) {
        done.add(item);
        wakeUpNext();
    }

    private void wakeUpNext() {
        while (!getters.isEmpty()) {
            Future<Object> getter = getters.poll();
            if (!getter.done()) {
                getter.setResult(null);
                return;
            }
        }
    }

    /**
     * {@code _wait_for_one(resolve=True)}: {@code f = await done.get(); if f is None: raise
     * TimeoutError; return f.result()}, with {@code Queue.get} inline.
     */
    @Async
    @SuppressWarnings("unchecked")
    private static <T> Coroutine<T> waitForOne(AsCompleted<T> state) {
        while (state.done.isEmpty()) {
            Future<Object> getter = state.loop.createFuture();
            state.getters.add(getter);
            try {
                await(getter);
            } catch (CancellationException cancelled) {
                getter.cancel();
                state.getters.remove(getter);
                if (!state.done.isEmpty() && !getter.cancelled()) {
                    state.wakeUpNext(); // this one was woken but will not take the item: the next one takes it
                }
                throw cancelled;
            }
        }
        Object f = state.done.poll();
        if (f == TIMED_OUT) {
            throw new TimeoutException("asCompleted: timed out before this one finished");
        }
        return Coroutine.returning((T) ((Future<?>) f).result());
    }
}
