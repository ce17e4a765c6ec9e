package dev.weft;

import java.util.function.Consumer;

/**
 * {@code asyncio.shield}: a future that follows the inner work's outcome, but whose cancellation
 * does not reach the work. Cancelling the task that awaits the shield cancels only the shield:
 * the awaiting task gets its {@code CancellationException}, the inner work goes on. The inner
 * work cancelled by other means cancels the shield.
 */
final class Shield<T> extends Future<T> {
    private final Future<T> inner;
    private final Consumer<Future<T>> onInnerDone = this::innerDone;

    private Shield(Future<T> inner) {
        super(inner.loop);
        this.inner = inner;
    }

    static <T> Future<T> of(Awaitable<T> work) {
        EventLoop loop = work instanceof Future ? ((Future<T>) work).loop : EventLoop.requireRunning("shield of a coroutine");
        Future<T> inner = loop.ensureFuture(work);
        if (inner.done()) {
            return inner; // shortcut, as Python's
        }
        Shield<T> outer = new Shield<>(inner);
        inner.addDoneCallback(outer.onInnerDone);
        outer.addDoneCallback(o -> {
            if (!inner.done()) {
                inner.removeDoneCallback(outer.onInnerDone);
            }
        });
        return outer;
    }

    private void innerDone(Future<T> in) {
        if (cancelled()) {
            if (!in.cancelled()) {
                in.exception(); // retrieved: nobody else will look at it
            }
            return;
        }
        if (in.cancelled()) {
            cancel();
        } else if (in.exception() != null) {
            fail(in.exception());
        } else {
            setResult(in.result());
        }
    }

    @Override
    public String toString() {
        return "<shield " + describeState() + " of " + inner + ">";
    }
}
