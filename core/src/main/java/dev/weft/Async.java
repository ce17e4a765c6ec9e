package dev.weft;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose body the Weft rewrite turns into a resumable state machine: Python's
 * {@code def} with {@code yield}, or {@code async def}.
 *
 * <p>The method must return {@link Generator}. Inside it, {@link Generator#yield(Object)} and
 * {@link Generator#yieldFrom(Generator)} suspend the body, and it ends with
 * {@code return Generator.returning(value)} or {@code return Generator.done()}:
 *
 * <pre>{@code
 * @Async
 * static Generator<Integer, Void, Void> num(int x) {
 *     while (x < 10) {
 *         Generator.yield(x * x);
 *         x++;
 *     }
 *     return Generator.done();
 * }
 * }</pre>
 *
 * <p>A lambda needs no annotation: one whose functional interface returns {@link Coroutine},
 * {@link Awaitable}, {@code CompletionStage} or {@code CompletableFuture} may {@code await}, and its
 * body is rewritten as a coroutine (an async lambda), as the body of a task group is here:
 *
 * <pre>{@code
 * String b = await(withTaskGroup(tg -> {
 *     tg.createTask(fetch("a"));
 *     return Coroutine.returning(await(fetch("b")));
 * }));
 * }</pre>
 *
 * An {@code await} in any other lambda, and {@code Generator.yield} in any lambda, fail the
 * rewrite. Method references to {@code @Async} methods work as any method reference.
 *
 * <p>The rewrite runs at build time (the {@code weft-maven-plugin}), at class-load time
 * ({@code -javaagent:weft-transformer.jar}) or offline ({@code java -jar weft-transformer.jar}).
 * Misuse fails the rewrite with the source file and line: {@code @Async} on a constructor, on an
 * abstract or native method, or on a method with another return type; a marker in a method
 * without {@code @Async}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Async {
}
