package dev.weft.it.misuse;

import dev.weft.Async;
import dev.weft.Generator;

/**
 * Deliberate misuse, excluded from this module's rewrite: the agent and the command line must
 * refuse it, name it, and leave it as it was. The tests find the lines marked {@code weft-error}
 * in this file and expect a problem at each.
 */
public final class Misused {
    private Misused() {
    }

    /** A marker in a method without {@code @Async}. */
    public static void notAsync() {
        Generator.yield(1); // weft-error
    }

    /** {@code @Async} on a method that returns neither a generator nor a coroutine. */
    @Async
    public static String wrongReturn() {
        return "not a generator"; // weft-error
    }

    /** Loads fine, then reaches a marker that was not rewritten. */
    public static void main(String[] args) {
        System.out.println("Misused loaded");
        notAsync();
    }
}
