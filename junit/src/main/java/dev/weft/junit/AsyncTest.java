package dev.weft.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit Jupiter test whose body may {@code await}: the rewrite (weft-maven-plugin's
 * {@code instrument-test} goal, the agent or the command line) makes the body a coroutine, and
 * {@link AsyncTestExtension} runs it to completion on a fresh {@code EventLoop} of its own.
 *
 * <pre>{@code
 * @AsyncTest(virtualTime = true)
 * void timesOut() {
 *     assertThrows(TimeoutException.class, () -> ...);   // or await inside try/catch
 *     await(sleep(3600));                                // an hour of virtual time, no real wait
 * }
 * }</pre>
 *
 * <p>The test fails with the body's own exception, as a plain test does; and also when, at its
 * end, a task it started is still pending, or a task or future failed and nobody retrieved its
 * exception (asyncio's "Task exception was never retrieved"), or a callback's exception went to the
 * loop's exception handler (unless the test sets a handler of its own on the loop). A parameter of type {@code EventLoop} receives the test's loop.
 * The method must be a non-static {@code void} instance method, as every JUnit test.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(AsyncTestExtension.class)
public @interface AsyncTest {
    /**
     * Whether the test's loop runs on a virtual clock ({@code EventLoop.withVirtualClock()}): when
     * every task waits on the loop's timers, the clock jumps to the next one, so sleeps and timeouts
     * take no wall time. While a task awaits another thread's {@code CompletionStage} (an HTTP call,
     * {@code runInExecutor}), the clock passes as the real one does, so a timeout around that work
     * expires when it would for real.
     *
     * @return true for a virtual clock; false (the default) for the real one
     */
    boolean virtualTime() default false;
}
