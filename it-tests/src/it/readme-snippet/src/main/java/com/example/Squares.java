package com.example;

import static dev.weft.Weft.await;
import static dev.weft.Weft.run;
import static dev.weft.Weft.sleep;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Generator;

public class Squares {
    @Async
    static Generator<Integer, Void, Void> num(int x) {
        while (x < 4) {
            Generator.yield(x * x);
            x++;
        }
        return Generator.done();
    }

    @Async
    static Coroutine<String> later(String what) {
        await(sleep(0.01));
        return Coroutine.returning(what);
    }

    public static void main(String[] args) {
        for (int item : num(1)) {
            System.out.println("square " + item);
        }
        System.out.println("awaited " + run(later("hello")));
    }
}
