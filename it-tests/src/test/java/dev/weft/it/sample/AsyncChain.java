package dev.weft.it.sample;

import static dev.weft.Weft.await;
import static dev.weft.Weft.run;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.withTaskGroup;

import dev.weft.Async;
import dev.weft.Coroutine;

/**
 * An async lambda (a task group's body that awaits) and an exception three awaits deep, whose
 * trace names every awaiting coroutine: run by {@code AsyncChainIT} as the plugin, the agent and
 * the command line rewrote it.
 */
public class AsyncChain {
    @Async
    static Coroutine<String> fetch(String what) {
        await(sleep(0));
        return Coroutine.returning("page " + what);
    }

    @Async
    static Coroutine<Void> level3() {
        await(sleep(0));
        throw new IllegalStateException("three awaits deep"); // chain: level3
    }

    @Async
    static Coroutine<Void> level2() {
        await(level3()); // chain: level2
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> level1() {
        await(level2()); // chain: level1
        return Coroutine.done();
    }

    /** Prints the group's result, then this class's first run of frames in the exception's trace, "method:line". */
    public static void main(String[] args) {
        String b = run(withTaskGroup(tg -> {
            tg.createTask(fetch("a"));
            return Coroutine.returning(await(fetch("b")));
        }));
        System.out.println(b);
        try {
            run(level1());
        } catch (IllegalStateException e) {
            boolean seen = false;
            for (StackTraceElement frame : e.getStackTrace()) {
                boolean mine = frame.getClassName().equals(AsyncChain.class.getName());
                if (seen && !mine) {
                    break;
                }
                if (mine) {
                    seen = true;
                    System.out.println(frame.getMethodName() + ":" + frame.getLineNumber());
                }
            }
        }
    }
}
