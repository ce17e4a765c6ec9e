package dev.weft.internal;

import dev.weft.Coroutine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * A running {@code @Async} method that returns {@link CompletableFuture} or {@link CompletionStage}
 * (as in C#, JavaScript and ea-async): its body starts at once on the caller's thread, needs no
 * event loop, and after an {@code await} of something not done it goes on on the thread that
 * completes it. One result future per call, however many times it suspends.
 *
 * <h2>What the rewrite emits against this class (proposed)</h2>
 * <ul>
 *   <li>the factory: {@code new CompletableFrame(body, refs, prims)}, parameters saved as resume
 *       point 0, then {@code return frame.start()} (the method's {@code CompletableFuture});</li>
 *   <li>at {@code Weft.await(x)}: exactly as in {@link CoroutineFrame}: {@code r = frame.tryAwait(x)},
 *       the fast path if {@code r != PENDING}, else save live values and
 *       {@code return frame.suspendAwait(k, x)}; at resume point k restore, then
 *       {@code frame.resumeValue()};</li>
 *   <li>the user's {@code return stage;} stays as it is: the body returns the stage (for instance
 *       {@code CompletableFuture.completedFuture(v)}) whose outcome becomes the result.</li>
 * </ul>
 *
 * <p>What it awaits: any {@code CompletionStage}; a {@code Future} or task of the loop running on
 * this thread; a {@link Coroutine}, wrapped in a task on the loop running on this thread (there
 * must be one). Exceptions come out of the await unwrapped.
 *
 * <p>Resuming does not grow the stack: a stage that completes while the frame is still registering
 * its callback is taken by the running driver loop, not by a nested call.
 *
 * @param <T> the type of the method's result
 */
public final class CompletableFrame<T> extends AwaitFrame {
    private static final int RUNNING = 0;
    private static final int WAITING = 1;
    private static final int COMPLETED_EARLY = 2;
    private static final AtomicIntegerFieldUpdater<CompletableFrame<?>> PHASE = phaseUpdater();

    private final CompletableFuture<T> result;
    /** Whether the driver runs, waits, or a stage completed before the driver finished registering. */
    private volatile int phase;

    /**
     * What the rewritten factory calls: a coroutine of {@code body}, not started, with room for its live values.
     *
     * @param body the rewritten method body
     * @param refCount how many reference slots the frame keeps
     * @param primCount how many primitive slots the frame keeps
     */
    public CompletableFrame(Body body, int refCount, int primCount) {
        this(body, refCount, primCount, new CompletableFuture<>());
    }

    /**
     * What the rewritten factory of a method returning a subclass of {@code CompletableFuture}
     * ({@code class Task<T> extends CompletableFuture<T>}) calls: {@code result} is a new instance of
     * that subclass, made with its no-argument constructor, which {@link #start()} returns and the
     * method's outcome completes.
     *
     * @param body the rewritten method body
     * @param refCount how many reference slots the frame keeps
     * @param primCount how many primitive slots the frame keeps
     * @param result the not yet completed future the method returns
     */
    public CompletableFrame(Body body, int refCount, int primCount, CompletableFuture<T> result) {
        super(body, refCount, primCount);
        this.result = result;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static AtomicIntegerFieldUpdater<CompletableFrame<?>> phaseUpdater() {
        return (AtomicIntegerFieldUpdater) AtomicIntegerFieldUpdater.newUpdater(CompletableFrame.class, "phase");
    }

    /**
     * Runs the body on the calling thread until it first suspends or ends; gives the method's result future.
     *
     * @return a future with the method's outcome
     */
    public CompletableFuture<T> start() {
        drive(null, null);
        return result;
    }




    private void drive(Object sent, Throwable toThrow) {
        for (;;) {
            value = sent;
            thrown = toThrow;
            Object r;
            try {
                r = body.resume(this);
            } catch (Throwable t) {
                result.completeExceptionally(t);
                return;
            }
            if (r != SUSPEND) {
                finish(r);
                return;
            }
            Object a = awaiting;
            awaiting = null;
            CompletionStage<?> stage;
            try {
                stage = toStage(a);
            } catch (RuntimeException e) {
                sent = null;
                toThrow = e;
                continue;
            }
            phase = RUNNING;
            stage.whenComplete(this::completed);
            if (PHASE.compareAndSet(this, RUNNING, WAITING)) {
                return; // resumed by completed(), on the completing thread
            }
            // completed while registering: go on here, without a nested call
            sent = value;
            toThrow = thrown;
        }
    }

    /** The awaited stage is done: resume, or hand the outcome to the driver still registering. */
    private void completed(Object v, Throwable e) {
        Throwable t = e == null ? null : Awaiting.unwrap(e);
        if (phase == RUNNING) {
            value = v;
            thrown = t;
            if (PHASE.compareAndSet(this, RUNNING, COMPLETED_EARLY)) {
                return;
            }
        }
        drive(v, t);
    }

    @SuppressWarnings("unchecked")
    private void finish(Object r) {
        if (r instanceof CompletionStage) {
            ((CompletionStage<T>) r).whenComplete((v, e) -> {
                if (e == null) {
                    result.complete(v);
                } else {
                    result.completeExceptionally(Awaiting.unwrap(e));
                }
            });
        } else {
            result.completeExceptionally(new IllegalStateException(
                    "an @Async CompletableFuture method must return a CompletionStage (e.g. CompletableFuture.completedFuture(v)), not " + r));
        }
    }

    private static CompletionStage<?> toStage(Object a) {
        if (a instanceof CompletionStage) {
            return (CompletionStage<?>) a;
        }
        if (a instanceof LoopFuture) {
            return ((LoopFuture<?>) a).toCompletableFuture();
        }
        if (a instanceof Coroutine) {
            return TaskStarter.start((Coroutine<?>) a);
        }
        if (a == null) {
            throw new NullPointerException("await(null): nothing to await; pass a CompletionStage, task, future or coroutine");
        }
        throw new IllegalArgumentException("await: can't await " + a + "; a CompletionStage, task, future or coroutine was expected");
    }

    @Override
    public String toString() {
        return "CompletableFrame[" + (result.isDone() ? "done" : "running") + "]";
    }
}
