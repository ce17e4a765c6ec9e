package dev.weft.examples.coroutines;

import dev.weft.Greenlet;

/**
 * Seed 002, "greenlet 实现协程": two functions switch to each other by hand, and each resumes
 * where it switched away, 1.1, 2.1, 1.2, 2.2 ({@code src/main/python/coroutines/GreenletSwitch.py}).
 * A {@link Greenlet} keeps a whole call stack, as greenlet does: no {@code @Async}, no rewrite.
 * Python's functions return {@code None} implicitly; Java's say {@code return null}.
 */
public class GreenletSwitch {

    static Greenlet gr1, gr2;

    static Object func1() {                             // def func1():
        System.out.println(1.1);                        //     print(1.1)
        gr2.switchTo();                                 //     gr2.switch()
        System.out.println(1.2);                        //     print(1.2)
        gr2.switchTo();                                 //     gr2.switch()
        return null;
    }

    static Object func2() {                             // def func2():
        System.out.println(2.1);                        //     print(2.1)
        gr1.switchTo();                                 //     gr1.switch()
        System.out.println(2.2);                        //     print(2.2)
        return null;
    }

    public static void main(String[] args) {
        gr1 = new Greenlet(GreenletSwitch::func1);      // gr1 = greenlet(func1)
        gr2 = new Greenlet(GreenletSwitch::func2);      // gr2 = greenlet(func2)

        gr1.switchTo();                                 // gr1.switch()
    }
}
