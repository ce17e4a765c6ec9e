package dev.weft;

/**
 * Python's {@code asyncio.Handle}: a callback scheduled on an {@link EventLoop} by
 * {@link EventLoop#callSoon} or {@link EventLoop#callSoonThreadsafe}, which {@link #cancel()}
 * can take back before it runs. The callback runs in a copy of the {@link Context} current where
 * it was scheduled.
 */
public class Handle {
    final EventLoop loop;
    final Runnable callback;
    /**
     * A copy of the context current where it was scheduled, which the callback runs in (Python's
     * {@code Handle._context}); null for an empty one, made only if the callback sets a variable.
     */
    private Context context;
    private boolean cancelled;

    Handle(EventLoop loop, Runnable callback) {
        this.loop = loop;
        this.callback = callback;
        this.context = Context.lazyCopy(loop);
    }

    /** Cancels the callback: if it has not run yet, it will not run. Cancelling twice does nothing. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Whether {@link #cancel()} was called.
     *
     * @return whether the call was cancelled
     */
    public boolean cancelled() {
        return cancelled;
    }

    /**
     * Runs the callback unless cancelled. What it throws goes to the loop's exception handler
     * ("Exception in callback ..."), an {@link Error} too, as a task's error only fails the task;
     * a {@link VirtualMachineError} (out of memory, stack overflow: Python's
     * {@code KeyboardInterrupt}/{@code SystemExit}) propagates out of the loop.
     */
    void run() {
        if (cancelled) {
            return;
        }
        Context.Current contexts = loop.contexts;
        Context outer = contexts.context;
        contexts.context = context;
        try {
            callback.run();
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable e) {
            loop.callExceptionHandler(EventLoop.context("Exception in callback " + callback, e, "handle", this));
        } finally {
            context = Context.adopt(context, contexts);
            contexts.context = outer;
        }
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + (cancelled ? " cancelled " : " ") + callback + ">";
    }
}
