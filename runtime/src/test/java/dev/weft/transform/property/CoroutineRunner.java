package dev.weft.transform.property;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.transform.property.Ast.Op;
import dev.weft.transform.property.Ast.Program;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Drives a program printed as coroutines ({@link Printer#coroutineClasses}): the Weft form as a
 * task on an {@link EventLoop}, the reference as a {@link ThreadCoroutine}, both by the same
 * script. Each pending future the coroutine awaits (a Weft future or a {@code CompletableFuture})
 * stands for a yield: the driver records its
 * value, then settles it as the next op says: {@code next()} with null, {@code send(a)} with
 * {@code a}, {@code throwIn(b)} with the exception {@code b}, {@code close()} by
 * {@code task.cancel()}; {@code hasNext()} calls {@code task.cancel()} twice, which asyncio
 * delivers as one cancellation (the second request finds the future cancelled already and is
 * spent on the same step).
 *
 * <p>The events compared: where each step stops (the value awaited, or the task's end: result,
 * exception, or cancelled), the trace each step adds, and what the loop reports when it closes
 * (an exception nobody retrieved).
 */
final class CoroutineRunner {
    /** Programs as {@code @Async} coroutines against {@link ThreadCoroutine}. */
    static final Runner.Form COROUTINES = new Runner.Form() {
        @Override
        public String classes(int k, Program p, int release) {
            return Printer.coroutineClasses(k, p, release);
        }

        @Override
        public String describe(Program p, int release) {
            return Printer.describeCoroutine(p, release);
        }

        @Override
        public List<String> drive(ClassLoader loader, String className, Program p) throws Exception {
            return className.startsWith("gen.W") ? driveWeft(loader, className, p) : driveReference(loader, className, p);
        }
    };

    private CoroutineRunner() {
    }

    /** The Weft task's side: where it stopped, and the pending future it awaits there. */
    private static final class Stop {
        Object value;
        /** A pending Weft {@link Future} or {@link CompletableFuture}. */
        Object awaited;
        Future<Object> gate;
    }

    static List<String> driveWeft(ClassLoader loader, String className, Program p) throws Exception {
        Class<?> type = Class.forName(className, true, loader);
        Method main = type.getDeclaredMethod("main", List.class, int.class, int.class);
        main.setAccessible(true);
        Object target = instance(type, p);
        List<String> trace = new ArrayList<>();
        List<String> events = new ArrayList<>();
        EventLoop loop = EventLoop.withVirtualClock();
        loop.setExceptionHandler((l, context) -> events.add("loop: " + context.get("message") + " " + context.get("exception")));
        Stop stop = new Stop();
        Awaits.driver = (value, future) -> {
            stop.value = value;
            stop.awaited = future;
            if (!stop.gate.done()) {
                stop.gate.setResult(null);
            }
        };
        try {
            @SuppressWarnings("unchecked")
            Coroutine<Object> co = (Coroutine<Object>) main.invoke(target, trace, p.p0, p.p1);
            events.add("created " + trace);
            Task<Object> task = loop.createTask(co);
            task.addDoneCallback(t -> {
                if (!stop.gate.done()) {
                    stop.gate.setResult(null);
                }
            });
            events.add("start -> " + runToStop(loop, task, stop) + " " + trace);
            for (Op op : p.script) {
                int before = trace.size();
                String result;
                if (task.done()) {
                    result = "done";
                } else {
                    switch (op.kind) {
                        case 0: settle(stop.awaited, null, null); break;
                        case 1: settle(stop.awaited, op.arg, null); break;
                        case 2: settle(stop.awaited, null, new Boom(op.arg)); break;
                        case 3: task.cancel(); break;
                        default: task.cancel(); task.cancel();
                    }
                    result = runToStop(loop, task, stop);
                }
                events.add(op + " -> " + result + " " + trace.subList(before, trace.size()));
            }
        } finally {
            Awaits.driver = null;
        }
        loop.close();
        return events;
    }

    /** Completes or fails the future the task awaits; a {@code CompletableFuture} passes its outcome to the loop through its inbox. */
    @SuppressWarnings("unchecked")
    private static void settle(Object awaited, Object result, Throwable failure) {
        if (awaited instanceof Future) {
            Future<Object> f = (Future<Object>) awaited;
            if (failure != null) {
                f.setException(failure);
            } else {
                f.setResult(result);
            }
        } else {
            CompletableFuture<Object> f = (CompletableFuture<Object>) awaited;
            if (failure != null) {
                f.completeExceptionally(failure);
            } else {
                f.complete(result);
            }
        }
    }

    /** Runs the loop until the task awaits a pending future of the driver's, or ends. */
    private static String runToStop(EventLoop loop, Task<Object> task, Stop stop) {
        stop.gate = loop.createFuture();
        stop.awaited = null;
        loop.runUntilComplete(stop.gate);
        return task.done() ? ended(task) : "awaits " + Runner.show(stop.value);
    }

    private static String ended(Task<Object> task) {
        if (task.cancelled()) {
            return "cancelled";
        }
        Throwable e = task.exception();
        return e != null ? "raised " + Runner.thrown(e) : "returned " + Runner.show(task.result());
    }

    static List<String> driveReference(ClassLoader loader, String className, Program p) throws Exception {
        Class<?> type = Class.forName(className, true, loader);
        Method main = type.getDeclaredMethod("main", ThreadCoroutine.class, List.class, int.class, int.class);
        main.setAccessible(true);
        Object target = instance(type, p);
        List<String> trace = new ArrayList<>();
        List<String> events = new ArrayList<>();
        ThreadCoroutine.track();
        try {
            ThreadCoroutine c = new ThreadCoroutine(self -> {
                try {
                    return main.invoke(target, self, trace, p.p0, p.p1);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw ThreadCoroutine.<RuntimeException>rethrow(e.getCause());
                }
            });
            events.add("created " + trace);
            ThreadCoroutine.Step step = c.start();
            events.add("start -> " + show(step) + " " + trace);
            for (Op op : p.script) {
                int before = trace.size();
                String result;
                if (step.kind != ThreadCoroutine.Step.AWAITING) {
                    result = "done";
                } else {
                    switch (op.kind) {
                        case 0: step = c.resume(null, null); break;
                        case 1: step = c.resume(op.arg, null); break;
                        case 2: step = c.resume(null, new Boom(op.arg)); break;
                        default: step = c.resume(null, new CancellationException()); // twice is once
                    }
                    result = show(step);
                }
                events.add(op + " -> " + result + " " + trace.subList(before, trace.size()));
            }
        } finally {
            ThreadCoroutine.abandonAll();
        }
        return events;
    }

    private static String show(ThreadCoroutine.Step step) {
        switch (step.kind) {
            case ThreadCoroutine.Step.AWAITING:
                return "awaits " + Runner.show(step.value);
            case ThreadCoroutine.Step.RETURNED:
                return "returned " + Runner.show(step.value);
            default:
                // asyncio: a task whose coroutine ends with CancelledError is cancelled
                return step.value instanceof CancellationException ? "cancelled" : "raised " + Runner.thrown((Throwable) step.value);
        }
    }

    private static Object instance(Class<?> type, Program p) throws Exception {
        if (!p.instance) {
            return null;
        }
        java.lang.reflect.Constructor<?> make = type.getDeclaredConstructor();
        make.setAccessible(true);
        return make.newInstance();
    }
}
