package dev.weft.examples;

import dev.weft.Async;
import dev.weft.Generator;

/** Seed 001, section 1: a generator function ({@code src/main/python/Num.py}). */
public class Num {

    @Async
    static Generator<Integer, Void, Void> num(int x) {   // def num(x):
        while (x < 10) {                                  //     while (x < 10):
            Generator.yield(x * x);                       //         yield x * x
            x += 1;                                       //         x += 1
        }
        return Generator.done();
    }

    public static void main(String[] args) {
        var g = num(1);                                   // g = num(1)
        for (int item : g) {                              // for item in g:
            System.out.println(item);                     //     print(item)
        }
    }
}
