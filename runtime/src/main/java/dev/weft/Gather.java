package dev.weft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * {@code asyncio.gather}: the future of the results of several awaitables, in argument order.
 * Coroutines are wrapped in tasks (all start at once); the same awaitable given twice runs once.
 *
 * <ul>
 *   <li>Without {@code returnExceptions}, the first child to fail (or be cancelled) makes the gather
 *       fail with that exception at once; the other children are not cancelled and go on.</li>
 *   <li>With {@code returnExceptions}, a failed child's exception (a
 *       {@link CancellationException} for a cancelled one) takes its place in the results.</li>
 *   <li>Cancelling the gather cancels every child not done; the gather then ends with a
 *       {@link CancellationException} (whatever {@code returnExceptions} says) once they are all done.</li>
 * </ul>
 */
final class Gather<T> extends Future<List<T>> implements Consumer<Future<?>> {
    private final Future<?>[] children;
    private final boolean returnExceptions;
    private final int distinct;
    private int finished;
    private boolean cancelRequested;

    private Gather(EventLoop loop, Future<?>[] children, int distinct, boolean returnExceptions) {
        super(loop);
        this.children = children;
        this.distinct = distinct;
        this.returnExceptions = returnExceptions;
    }

    /**
     * Starts gathering {@code awaitables} on {@code loop} (null: the loop of the first future, else
     * the running loop).
     */
    static <T> Gather<T> of(EventLoop loop, boolean returnExceptions, List<? extends Awaitable<?>> awaitables) {
        if (loop == null) {
            loop = loopOf(awaitables);
        }
        Future<?>[] children = new Future<?>[awaitables.size()];
        Map<Object, Future<?>> seen = new IdentityHashMap<>();
        for (int i = 0; i < children.length; i++) {
            Awaitable<?> aw = awaitables.get(i);
            Future<?> f = seen.get(aw);
            if (f == null) {
                f = loop.ensureFuture(aw);
                seen.put(aw, f);
            }
            children[i] = f;
        }
        Gather<T> outer = new Gather<>(loop, children, seen.size(), returnExceptions);
        if (children.length == 0) {
            outer.setResult(Collections.emptyList());
            return outer;
        }
        for (Future<?> f : seen.values()) {
            f.addDoneCallback(outer);
        }
        return outer;
    }

    private static EventLoop loopOf(List<? extends Awaitable<?>> awaitables) {
        for (Awaitable<?> aw : awaitables) {
            if (aw instanceof Future) {
                return ((Future<?>) aw).loop;
            }
        }
        return EventLoop.requireRunning("gather of coroutines");
    }

    /** A child is done (Python's {@code _done_callback}). */
    @Override
    public void accept(Future<?> child) {
        finished++;
        if (done()) {
            if (!child.cancelled()) {
                child.exception(); // retrieved: the gather already ended
            }
            return;
        }
        if (!returnExceptions) {
            if (child.cancelled()) {
                fail(child.cancelledError());
                return;
            }
            Throwable e = child.exception();
            if (e != null) {
                fail(e);
                return;
            }
        }
        if (finished == distinct) {
            allDone(child);
        }
    }

    @SuppressWarnings("unchecked")
    private void allDone(Future<?> last) {
        List<Object> results = new ArrayList<>(children.length);
        for (Future<?> f : children) {
            if (f.cancelled()) {
                results.add(new CancellationException(f.cancelMessage() == null ? "" : f.cancelMessage()));
            } else {
                Throwable e = f.exception();
                results.add(e != null ? e : f.result());
            }
        }
        if (cancelRequested) {
            fail(last.cancelled() ? last.cancelledError() : new CancellationException());
        } else {
            setResult((List<T>) (List<?>) results);
        }
    }

    /**
     * Cancels every child not done. The gather ends (cancelled) when they all are.
     *
     * @return whether any child was cancelled
     */
    @Override
    public boolean cancel(String msg) {
        if (done()) {
            return false;
        }
        boolean any = false;
        for (Future<?> child : children) {
            if (child.cancel(msg)) {
                any = true;
            }
        }
        if (any) {
            cancelRequested = true;
        }
        return any;
    }

    @Override
    public String toString() {
        return "<gather " + describeState() + " children=" + Arrays.toString(children) + ">";
    }
}
