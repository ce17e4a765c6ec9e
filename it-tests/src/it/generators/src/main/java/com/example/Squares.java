package com.example;

import dev.weft.Async;
import dev.weft.Generator;

public class Squares {
    @Async
    static Generator<Integer, Void, Void> num(int x) {
        while (x < 10) {
            Generator.yield(x * x);
            x++;
        }
        return Generator.done();
    }

    public static void main(String[] args) {
        Generator<Integer, Void, Void> g = num(1);
        for (int item : g) {
            System.out.println(item);
        }
    }
}
