package dev.weft.transform.property;

import dev.weft.AsyncGenerator;
import dev.weft.Awaitable;
import dev.weft.EventLoop;
import dev.weft.Generator;
import dev.weft.transform.property.Ast.Op;
import dev.weft.transform.property.Ast.Program;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a program printed as an async generator ({@link Printer#asyncGeneratorClasses}): the Weft
 * form on an {@link EventLoop}, each op of the script one step run to completion
 * ({@code next()} as {@code anext()}, {@code send(a)} as {@code asend(a)}, {@code throwIn(b)} as
 * {@code athrow(b)}, {@code close()} as {@code aclose()}, {@code hasNext()} as {@code hasNext()}),
 * then a last {@code aclose()}; the reference, a {@link ThreadGen}, by the same script through
 * {@code next}, {@code send}, {@code throwIn}, {@code close} and {@code hasNext}.
 *
 * <p>The events compared: what each step gave or raised, the trace it added and the state after it;
 * what the loop reported (an exception nobody retrieved, for one). Where Python's async generators
 * differ from its generators the reference follows the async one: {@code athrow} on a finished
 * generator gives {@code None} (CPython 3.13), where {@code throw} raises.
 */
final class AsyncGeneratorRunner {
    /** Programs as {@code @Async} async generators against {@link ThreadGen}. */
    static final Runner.Form ASYNC_GENERATORS = new Runner.Form() {
        @Override
        public String classes(int k, Program p, int release) {
            return Printer.asyncGeneratorClasses(k, p, release);
        }

        @Override
        public String describe(Program p, int release) {
            return Printer.describeAsyncGenerator(p, release);
        }

        @Override
        public List<String> drive(ClassLoader loader, String className, Program p) throws Exception {
            return className.startsWith("gen.W") ? driveWeft(loader, className, p) : driveReference(loader, className, p);
        }
    };

    private AsyncGeneratorRunner() {
    }

    static List<String> driveWeft(ClassLoader loader, String className, Program p) throws Exception {
        Method main = main(loader, className);
        List<String> trace = new ArrayList<>();
        List<String> events = new ArrayList<>();
        EventLoop loop = EventLoop.withVirtualClock();
        loop.setExceptionHandler((l, context) -> events.add("loop: " + context.get("message") + " " + context.get("exception")));
        try {
            @SuppressWarnings("unchecked")
            AsyncGenerator<Object, Object> g = (AsyncGenerator<Object, Object>) main.invoke(instance(main, p), trace, p.p0, p.p1);
            events.add("created " + trace + " " + g.state());
            for (Op op : p.script) {
                int before = trace.size();
                String result;
                try {
                    switch (op.kind) {
                        case 0: result = Runner.show(step(loop, g.anext())); break;
                        case 1: result = Runner.show(step(loop, g.asend(op.arg))); break;
                        case 2: result = Runner.show(step(loop, g.athrow(new Boom(op.arg)))); break;
                        case 4: result = String.valueOf(step(loop, g.hasNext())); break;
                        default: step(loop, g.aclose()); result = "closed";
                    }
                } catch (Throwable e) {
                    result = Runner.thrown(e);
                }
                events.add(op + " -> " + result + " " + trace.subList(before, trace.size()) + " " + g.state());
            }
            int before = trace.size();
            String last;
            try {
                step(loop, g.aclose());
                last = "closed";
            } catch (Throwable e) {
                last = Runner.thrown(e);
            }
            events.add("aclose() -> " + last + " " + trace.subList(before, trace.size()) + " " + g.state());
        } catch (InvocationTargetException e) {
            events.add("main(...) -> " + Runner.thrown(e.getCause()));
        }
        loop.close();
        return events;
    }

    /** One step, run on the loop as a task to its end. */
    private static <T> T step(EventLoop loop, Awaitable<T> step) {
        return loop.runUntilComplete(step);
    }

    static List<String> driveReference(ClassLoader loader, String className, Program p) throws Exception {
        Method main = main(loader, className);
        List<String> trace = new ArrayList<>();
        List<String> events = new ArrayList<>();
        ThreadGen.track();
        try {
            @SuppressWarnings("unchecked")
            Generator<Object, Object, Object> g = (Generator<Object, Object, Object>) main.invoke(instance(main, p), trace, p.p0, p.p1);
            events.add("created " + trace + " " + g.state());
            for (Op op : p.script) {
                int before = trace.size();
                String result;
                try {
                    switch (op.kind) {
                        case 0: result = Runner.show(g.next()); break;
                        case 1: result = Runner.show(g.send(op.arg)); break;
                        case 2: result = g.state() == Generator.State.CLOSED ? "null" : Runner.show(g.throwIn(new Boom(op.arg))); break;
                        case 4: result = String.valueOf(g.hasNext()); break;
                        default: g.close(); result = "closed";
                    }
                } catch (Throwable e) {
                    result = Runner.thrown(e);
                }
                events.add(op + " -> " + result + " " + trace.subList(before, trace.size()) + " " + g.state());
            }
            int before = trace.size();
            String last;
            try {
                g.close();
                last = "closed";
            } catch (Throwable e) {
                last = Runner.thrown(e);
            }
            events.add("aclose() -> " + last + " " + trace.subList(before, trace.size()) + " " + g.state());
        } catch (InvocationTargetException e) {
            events.add("main(...) -> " + Runner.thrown(e.getCause()));
        } finally {
            ThreadGen.abandonAll();
        }
        return events;
    }

    private static Method main(ClassLoader loader, String className) throws Exception {
        Class<?> type = Class.forName(className, true, loader);
        Method main = type.getDeclaredMethod("main", List.class, int.class, int.class);
        main.setAccessible(true);
        return main;
    }

    private static Object instance(Method main, Program p) throws Exception {
        if (!p.instance) {
            return null;
        }
        java.lang.reflect.Constructor<?> make = main.getDeclaringClass().getDeclaredConstructor();
        make.setAccessible(true);
        return make.newInstance();
    }
}
