package dev.weft.examples;

import dev.weft.Async;
import dev.weft.Generator;
import java.util.NoSuchElementException;

/** Seed 001, section 1: num(x) resumed with next(), then a for loop ({@code src/main/python/NumNext.py}). */
public class NumNext {

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
        System.out.println(g.next());                     // print(next(g))
        System.out.println(g.next());                     // print(next(g))
        for (int item : g) {                              // for item in g:  # goes on where next() left off
            System.out.println(item);                     //     print(item)
        }
        try {                                             // try:
            g.next();                                     //     next(g)
        } catch (NoSuchElementException e) {              // except StopIteration:
            System.out.println("StopIteration");          //     print('StopIteration')
        }
    }
}
