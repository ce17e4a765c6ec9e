package com.example;

import dev.weft.Async;
import dev.weft.Generator;

public class Delegation {
    @Async
    static Generator<Integer, Void, Void> func1() {
        Generator.yield(1);
        Generator.yieldFrom(func2());
        Generator.yield(2);
        return Generator.done();
    }

    @Async
    static Generator<Integer, Void, Void> func2() {
        Generator.yield(3);
        Generator.yield(4);
        return Generator.done();
    }

    public static void main(String[] args) {
        Generator<Integer, Void, Void> iterator = func1();
        for (int i : iterator) {
            System.out.println(i);
        }
    }
}
