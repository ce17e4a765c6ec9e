package dev.weft.examples;

import java.util.List;
import java.util.function.Consumer;

/** Runs every example, each under a heading. */
public class RunAll {

    /** One runnable port of a seed program; {@code name} is its class and its Python file. */
    record Example(String name, String what, Consumer<String[]> main) {}

    /** The generator programs of the seeds, in the order the seeds show them. */
    static final List<Example> EXAMPLES = List.of(
            new Example("Num", "seed 001: a generator function, consumed by a for loop", Num::main),
            new Example("NumNext", "seed 001: the same generator, resumed with next()", NumNext::main),
            new Example("ProducerConsumer", "seed 001: send() into a generator, then close()", ProducerConsumer::main),
            new Example("YieldFrom", "seed 002: yield from", YieldFrom::main));

    public static void main(String[] args) {
        for (Example example : EXAMPLES) {
            System.out.println("== " + example.name() + " (" + example.what() + ")");
            example.main().accept(args);
            System.out.println();
        }
    }
}
