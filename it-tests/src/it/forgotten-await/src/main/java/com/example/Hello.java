package com.example;

import static dev.weft.Weft.*;

import dev.weft.*;

public class Hello {
    @Async
    static Coroutine<Void> sayAfter(double delay, String what) {
        await(sleep(delay));
        System.out.println(what);
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> main() {
        sayAfter(0, "hello"); // weft-warning
        await(sayAfter(0, "world"));
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
