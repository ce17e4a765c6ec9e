package dev.weft;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose body the Weft rewrite turns into a resumable state machine: Python's
 * {@code def} with {@code yield}, {@code async def}, or {@code async def} with {@code yield}.
 *
 * <p>The return type says what the method is:
 * <ul>
 *   <li>{@link Generator}: Python's generator. {@link Generator#yield(Object)} and
 *       {@link Generator#yieldFrom(Generator)} suspend the body; it ends with
 *       {@code return Generator.returning(value)} or {@code return Generator.done()}.</li>
 *   <li>{@link Coroutine}: Python's {@code async def}. {@code Weft.await(...)} suspends the body;
 *       it ends with {@code return Coroutine.returning(value)} or {@code return Coroutine.done()}.</li>
 *   <li>{@link AsyncGenerator}: Python's {@code async def} with {@code yield} (PEP 525). Both
 *       {@code Weft.await(...)} and {@code Generator.yield(...)} (not {@code yieldFrom}); it ends
 *       with {@code return AsyncGenerator.done()}.</li>
 *   <li>{@code java.util.concurrent.CompletableFuture} or {@code CompletionStage}: the body starts at
 *       once on the caller's thread, may {@code Weft.await(...)}, and ends with
 *       {@code return CompletableFuture.completedFuture(value)} or any stage whose outcome becomes
 *       the result. A subclass of {@code CompletableFuture} with a public no-argument constructor
 *       too: the result is made with that constructor.</li>
 * </ul>
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
 * <pre>{@code
 * @Async
 * static AsyncGenerator<Integer, Void> ticker(double delay, int to) {
 *     for (int i = 0; i < to; i++) {
 *         Generator.yield(i);
 *         await(sleep(delay));
 *     }
 *     return AsyncGenerator.done();
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
 * without {@code @Async}, or in a method of a kind it does not belong to ({@code await} in a
 * generator, {@code yieldFrom} in an async generator).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Async {
}
