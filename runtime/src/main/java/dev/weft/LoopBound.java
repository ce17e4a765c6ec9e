package dev.weft;

import static dev.weft.Weft.await;

import java.util.ArrayDeque;

/**
 * Python's {@code mixins._LoopBoundMixin}: what the synchronization primitives and queues share.
 * Each is bound to one {@link EventLoop}, the loop running where it is first used; nothing is
 * bound at construction, so a primitive may be created outside any loop.
 *
 * <ul>
 *   <li>An operation that never waits ({@code release}, {@code set}, {@code putNowait}, ...)
 *       refuses a foreign thread while the loop runs (the loop is single-threaded: the doors in are
 *       {@link EventLoop#callSoonThreadsafe} and {@link EventLoop#runCoroutineThreadsafe}).</li>
 *   <li>A read of the state ({@code locked()}, {@code qsize()}, {@code isSet()}, ...) refuses a
 *       foreign thread while the bound loop runs, too: the state is the loop's, not safely
 *       published to other threads.</li>
 *   <li>A method that gives a coroutine ({@code acquire()}, {@code get()}, {@code put(item)},
 *       {@code waitSet()}, ...) may be called on any thread: nothing happens until the coroutine is
 *       awaited, on the loop (for instance {@code loop.runCoroutineThreadsafe(queue.put(item))}).</li>
 *   <li>An operation that must wait needs a running loop, and that loop must be the one the
 *       primitive is bound to: otherwise {@link IllegalStateException} ("bound to a different event
 *       loop", as CPython's RuntimeError).</li>
 * </ul>
 */
abstract class LoopBound {
    private volatile EventLoop loop;

    LoopBound() {
    }

    /**
     * For an operation that never waits: binds to the running loop if not bound yet, refuses a
     * foreign thread; gives the bound loop, or null if none runs and none is bound.
     */
    final EventLoop checkLoop(String what) {
        EventLoop l = loop;
        if (l != null) {
            l.checkThread(what);
            return l;
        }
        EventLoop running = EventLoop.runningOrNull();
        return running == null ? null : bind(running, what);
    }

    /**
     * For a read of the primitive's state ({@code locked()}, {@code qsize()}, ...): refuses a
     * foreign thread while the bound loop runs; binds nothing (a read needs no loop).
     */
    final void checkReader(String what) {
        EventLoop l = loop;
        if (l != null) {
            l.checkThread(what);
        }
    }

    /** For an operation that waits: the running loop, which must be (or becomes) the bound one. */
    final EventLoop waitingLoop(String what) {
        EventLoop l = loop;
        if (l != null && l.runsOnThisThread()) {
            return l; // the common case, without the thread-local lookup below
        }
        EventLoop running = EventLoop.runningOrNull();
        if (l == null) {
            if (running == null) {
                throw new IllegalStateException(what + " needs a running event loop: await it in a coroutine run by"
                        + " Weft.run(...); from another thread use loop.callSoonThreadsafe(...) or"
                        + " loop.runCoroutineThreadsafe(...)");
            }
            return bind(running, what);
        }
        if (running != l) {
            l.checkThread(what); // a foreign thread while the bound loop runs: the thread-safe doors
            throw new IllegalStateException(what + ": " + this + " is bound to a different event loop"
                    + (running == null ? " (no loop runs on this thread)" : ""));
        }
        return l;
    }

    private EventLoop bind(EventLoop running, String what) {
        EventLoop l;
        synchronized (this) {
            l = loop;
            if (l == null) {
                loop = l = running;
            }
        }
        if (l != running) {
            l.checkThread(what);
            throw new IllegalStateException(what + ": " + this + " is bound to a different event loop");
        }
        return l;
    }

    /** The bound loop, or null. */
    final EventLoop boundLoop() {
        return loop;
    }

    /**
     * Whether a {@link dev.weft.internal.SharedCoroutine} may stand for a call now: the primitive
     * is bound to the loop running on this thread (a call from another thread, or before the first
     * use, gets a fresh coroutine).
     */
    final boolean onLoopThread() {
        EventLoop l = loop;
        return l != null && l.runsOnThisThread();
    }

    /**
     * CPython's wait in line, the same in {@code Semaphore.acquire}, {@code Event.wait} and
     * {@code Condition.wait} ({@code Lock.acquire}, on the measured contended path, has it inline):
     * {@code waiters.append(fut); try: await fut; finally: waiters.remove(fut)}.
     *
     * @param fut the waiter's future, which whoever wakes the line completes
     * @param waiters the primitive's line of waiters
     * @return a coroutine that is done when {@code fut} is, out of the line
     */
    @Async
    static Coroutine<Void> waitInLine(Future<Object> fut, ArrayDeque<Future<Object>> waiters) {
        waiters.add(fut);
        try {
            await(fut);
        } finally {
            waiters.remove(fut);
        }
        return Coroutine.done();
    }
}
