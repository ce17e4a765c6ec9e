package dev.weft.it.sample;

import static dev.weft.Weft.await;
import static dev.weft.Weft.sleep;

import dev.weft.Async;
import dev.weft.AsyncGenerator;
import dev.weft.Coroutine;
import dev.weft.Generator;
import dev.weft.Weft;

/**
 * The seed programs' generators, as a program: rewritten by the plugin in this module's build,
 * and compiled again without the rewrite by the tests of the agent and the command line, which
 * compare what each prints.
 */
public final class Seeds {
    private Seeds() {
    }

    /** {@code def num(x): while x < 10: yield x * x; x += 1}. */
    @Async
    public static Generator<Integer, Void, Void> num(int x) {
        while (x < 10) {
            Generator.yield(x * x);
            x++;
        }
        return Generator.done();
    }

    /** {@code def func1(): yield 1; yield from func2(); yield 2}. */
    @Async
    public static Generator<Integer, Void, Void> func1() {
        Generator.yield(1);
        Generator.yieldFrom(func2());
        Generator.yield(2);
        return Generator.done();
    }

    /** {@code def func2(): yield 3; yield 4}. */
    @Async
    public static Generator<Integer, Void, Void> func2() {
        Generator.yield(3);
        Generator.yield(4);
        return Generator.done();
    }

    /** A running average: each value sent in is answered with the average so far; returns the count. */
    @Async
    public static Generator<Double, Double, Integer> averager() {
        double total = 0;
        int count = 0;
        Double average = null;
        while (true) {
            Double value = Generator.yield(average);
            if (value == null) {
                return Generator.returning(count);
            }
            total += value;
            count++;
            average = total / count;
        }
    }

    /** Delegates to {@link #averager()} and yields what it returned (PEP 380's return value). */
    @Async
    public static Generator<Object, Double, Void> counted() {
        int count = Generator.yieldFrom(averager());
        Generator.yield("count " + count);
        return Generator.done();
    }

    /** PEP 525: {@code async def ticks(to): try: for i in range(to): yield i; await asyncio.sleep(0) finally: print("ticks closed")}. */
    @Async
    public static AsyncGenerator<Integer, Void> ticks(int to) {
        try {
            for (int i = 0; i < to; i++) {
                Generator.yield(i);
                await(sleep(0));
            }
        } finally {
            System.out.println("ticks closed");
        }
        return AsyncGenerator.done();
    }

    /** {@code async def sum_ticks(): return sum([i async for i in ticks(3)])}. */
    @Async
    public static Coroutine<Integer> sumTicks() {
        AsyncGenerator<Integer, Void> t = ticks(3);
        int sum = 0;
        while (await(t.hasNext())) {
            sum += t.next();
        }
        return Coroutine.returning(sum);
    }

    /** Prints what the seeds print, one value a line. */
    public static void main(String[] args) {
        for (int n : num(1)) {
            System.out.println(n);
        }
        for (int n : func1()) {
            System.out.println(n);
        }
        Generator<Object, Double, Void> g = counted();
        g.next();
        System.out.println(g.send(10.0));
        System.out.println(g.send(20.0));
        System.out.println(g.send(60.0));
        System.out.println(g.send(null));
        System.out.println(g.hasNext());
        System.out.println("ticks " + Weft.run(sumTicks()));
    }
}
