package dev.weft.junit;

import static dev.weft.Weft.await;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.Weft;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of an {@code @AsyncTest}'s coroutine on its loop, as {@code Weft.run} runs a main: then
 * the checks that make an async test trustworthy. The test fails when a task it started is still
 * pending when its body ends (it is cancelled then, as {@code Weft.run} cancels what is left), and
 * when anything reached the loop's exception handler: a task or future whose exception nobody
 * retrieved, a callback's exception.
 */
final class TestRun {
    private final EventLoop loop;
    private final List<Map<String, Object>> unseen = new ArrayList<>();
    private final List<Task<?>> leftPending = new ArrayList<>();

    TestRun(EventLoop loop) {
        this.loop = loop;
    }

    /** Runs {@code test} to its end and checks the loop is left clean; throws the body's exception first. */
    void run(Coroutine<Void> test) throws Throwable {
        loop.setExceptionHandler((l, context) -> unseen.add(context));
        Throwable failure = null;
        try {
            Weft.run(watched(test), () -> loop);
        } catch (Throwable t) {
            failure = t;
        }
        AssertionError unclean = unclean();
        if (failure != null) {
            if (unclean != null) {
                failure.addSuppressed(unclean);
            }
            throw failure;
        }
        if (unclean != null) {
            throw unclean;
        }
    }

    /** The test body, then a look at which other tasks it left pending (before {@code Weft.run} cancels them). */
    @Async
    private Coroutine<Void> watched(Coroutine<Void> test) {
        try {
            await(test);
        } finally {
            Task<?> self = loop.currentTask();
            for (Task<?> t : loop.allTasks()) {
                if (t != self) {
                    leftPending.add(t);
                }
            }
        }
        return Coroutine.done();
    }

    /** What the test left behind, as one error with each exception nobody saw attached; null if nothing. */
    private AssertionError unclean() {
        if (leftPending.isEmpty() && unseen.isEmpty()) {
            return null;
        }
        StringBuilder message = new StringBuilder("the async test did not leave its loop clean:");
        for (Task<?> t : leftPending) {
            message.append("\n  still pending at the end of the test (await it, or cancel it and await that): ").append(t);
        }
        List<Throwable> exceptions = new ArrayList<>();
        for (Map<String, Object> context : unseen) {
            Object e = context.get("exception");
            message.append("\n  ").append(context.getOrDefault("message", "unhandled error in the event loop"));
            if (e instanceof Throwable) {
                message.append(": ").append(e);
                exceptions.add((Throwable) e);
            }
        }
        AssertionError error = new AssertionError(message.toString(), exceptions.size() == 1 ? exceptions.get(0) : null);
        if (exceptions.size() > 1) {
            exceptions.forEach(error::addSuppressed);
        }
        return error;
    }
}
