package com.example.modular;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.gather;
import static dev.weft.Weft.run;
import static dev.weft.Weft.sleep;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Generator;
import java.util.List;

/** A generator and two concurrent tasks, from a named module. */
public class Main {
    @Async
    static Generator<Integer, Void, Void> countdown(int n) {
        while (n > 0) {
            Generator.yield(n);
            n--;
        }
        return Generator.done();
    }

    @Async
    static Coroutine<String> after(double delay, String what) {
        await(sleep(delay));
        return Coroutine.returning(what);
    }

    @Async
    static Coroutine<List<String>> both() {
        var first = createTask(after(0.02, "world"));
        var second = createTask(after(0.01, "hello"));
        return Coroutine.returning(await(gather(first, second)));
    }

    public static void main(String[] args) {
        for (int n : countdown(3)) {
            System.out.println(n);
        }
        System.out.println(run(both()));
        System.out.println("module " + Main.class.getModule().getName());
    }
}
