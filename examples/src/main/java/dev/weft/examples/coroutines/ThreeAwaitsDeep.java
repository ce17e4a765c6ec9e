package dev.weft.examples.coroutines;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An exception raised three awaits deep ({@code src/main/python/coroutines/ThreeAwaitsDeep.py}):
 * its stack trace names every coroutine it passed through, each at the line of its await, as
 * Python's traceback does. Java prints the innermost frame first; this prints them outermost first,
 * as Python does.
 */
public class ThreeAwaitsDeep {

    @Async
    static Coroutine<Void> level3() {                       // async def level3():
        await(sleep(0));                                    //     await asyncio.sleep(0)
        throw new IllegalArgumentException("three awaits deep"); // raise ValueError("three awaits deep")
    }

    @Async
    static Coroutine<Void> level2() {                       // async def level2():
        await(level3());                                    //     await level3()
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> level1() {                       // async def level1():
        await(level2());                                    //     await level2()
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> main() {                         // async def main():
        await(level1());                                    //     await level1()
        return Coroutine.done();
    }

    public static void main(String[] args) {
        try {
            run(main());                                    // asyncio.run(main())
        } catch (IllegalArgumentException e) {              // except ValueError as e:
            System.out.println("caught: " + e.getMessage());
            for (StackTraceElement frame : awaitChain(e)) {
                System.out.println("  " + frame.getMethodName() + ", line " + frame.getLineNumber());
            }
        }
    }

    /** This class's coroutine frames in {@code e}'s trace (its first run of them), outermost first, as Python lists them. */
    static List<StackTraceElement> awaitChain(Throwable e) {
        List<StackTraceElement> chain = new ArrayList<>();
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals(ThreeAwaitsDeep.class.getName())) {
                chain.add(frame);
            } else if (!chain.isEmpty()) {
                break;
            }
        }
        Collections.reverse(chain);
        return chain;
    }
}
