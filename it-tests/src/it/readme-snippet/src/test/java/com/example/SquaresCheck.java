package com.example;

import dev.weft.Async;
import dev.weft.Generator;

/** A test class with a generator of its own: `mvn test-compile` must leave it rewritten. */
public class SquaresCheck {
    @Async
    static Generator<String, Void, Void> checks() {
        for (int item : Squares.num(2)) {
            Generator.yield("test square " + item);
        }
        return Generator.done();
    }

    public static void main(String[] args) {
        checks().forEach(System.out::println);
    }
}
