package dev.weft.examples;

import dev.weft.Async;
import dev.weft.Generator;

/** Seed 002, "yield 实现协程": {@code yield from} ({@code src/main/python/YieldFrom.py}). */
public class YieldFrom {

    @Async
    static Generator<Integer, Void, Void> func1() {      // def func1():
        Generator.yield(1);                               //     yield 1
        Generator.yieldFrom(func2());                     //     yield from func2()
        Generator.yield(2);                               //     yield 2
        return Generator.done();
    }

    @Async
    static Generator<Integer, Void, Void> func2() {      // def func2():
        Generator.yield(3);                               //     yield 3
        Generator.yield(4);                               //     yield 4
        return Generator.done();
    }

    public static void main(String[] args) {
        var iterator = func1();                           // iterator = func1()
        for (int i : iterator) {                          // for i in iterator:
            System.out.println(i);                        //     print(i)
        }
    }
}
