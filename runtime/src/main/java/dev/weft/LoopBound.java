package dev.weft;

import dev.weft.internal.CoroutineFrame;

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

    /** For an operation that waits: the running loop, which must be (or becomes) the bound one. */
    final EventLoop waitingLoop(String what) {
        EventLoop running = EventLoop.runningOrNull();
        EventLoop l = loop;
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

    /** A future of {@code loop}, done with {@code value}: the fast path of an operation that need not wait. */
    static <T> Future<T> doneFuture(EventLoop loop, T value) {
        Future<T> f = new Future<>(loop);
        f.setResult(value);
        return f;
    }

    /** The task running now on {@code loop} (null in a plain callback or without a loop). */
    static Task<?> currentTask(EventLoop loop) {
        return loop == null ? null : loop.currentTask;
    }

    /**
     * The slow path of a wait, CPython's {@code fut = create_future(); waiters.append(fut); await fut}:
     * a new future of {@code loop} at the back of {@code waiters}, kept in {@code f.refs[1]} for the
     * resume, awaited as resume point 1.
     *
     * @param f the hand-written coroutine that waits
     * @param loop the loop the primitive is bound to
     * @param waiters the primitive's queue of waiters
     * @return what the body returns to suspend
     */
    static Object awaitNewWaiter(CoroutineFrame<?> f, EventLoop loop, ArrayDeque<Future<Object>> waiters) {
        Future<Object> fut = loop.createFuture();
        waiters.add(fut);
        f.refs[1] = fut;
        return f.suspendAwait(1, fut);
    }
}
