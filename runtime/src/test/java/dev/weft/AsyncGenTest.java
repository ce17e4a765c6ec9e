package dev.weft;

import static dev.weft.Weft.await;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.toList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * CPython 3.13's {@code test_asyncgen.py}, the cases with a Java meaning: each Python case is a
 * test of the same name, its coroutines {@code @Async} methods run on a loop with a virtual clock.
 * {@code StopAsyncIteration} is {@code NoSuchElementException}, {@code RuntimeError} and
 * {@code TypeError} of the protocol are {@code IllegalStateException}, {@code 1 / 0} is
 * {@code ArithmeticException}. The test's {@code to_list} is {@link Weft#toList}.
 */
class AsyncGenTest {
    private int done;

    private static <T> T run(Coroutine<T> main) {
        return Weft.run(main, EventLoop::withVirtualClock);
    }

    /** The test's {@code async_iterate} of {@code compare_generators}: each value, or the exception's class, then STOP. */
    @Async
    static Coroutine<List<Object>> outcomes(AsyncGenerator<?, ?> gen) {
        List<Object> res = new ArrayList<>();
        for (;;) {
            try {
                res.add(await(gen.anext()));
            } catch (NoSuchElementException stop) {
                res.add("STOP");
                return Coroutine.returning(res);
            } catch (RuntimeException e) {
                res.add(e.getClass().getSimpleName());
            }
        }
    }

    /** What the sync twin of a case gives, by the same rule. */
    private static List<Object> outcomes(Generator<?, ?, ?> gen) {
        List<Object> res = new ArrayList<>();
        for (;;) {
            try {
                res.add(gen.next());
            } catch (NoSuchElementException stop) {
                res.add("STOP");
                return res;
            } catch (RuntimeException e) {
                res.add(e.getClass().getSimpleName());
            }
        }
    }

    // ---- AsyncGenTest ----

    @Async
    static AsyncGenerator<Integer, Void> exception03Gen() {
        await(sleep(0));
        Generator.yield(123);
        await(Weft.<Object>sleep(0).getClass() == null ? null : failing(new IllegalArgumentException("AwaitException")));
        Generator.yield(456);
        return AsyncGenerator.done();
    }

    @Async
    static Coroutine<Object> failing(RuntimeException e) {
        await(sleep(0));
        throw e;
    }

    @Test
    void test_async_gen_exception_03() {
        assertThatThrownBy(() -> run(toList(exception03Gen()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AwaitException");
    }

    @Async
    static AsyncGenerator<Integer, Void> exception04Gen() {
        await(sleep(0));
        Generator.yield(123);
        int zero = 0;
        Generator.yield(1 / zero);
        return AsyncGenerator.done();
    }

    @Async
    static Coroutine<Void> exception04() {
        AsyncGenerator<Integer, Void> g = exception04Gen();
        assertThat(await(g.anext())).isEqualTo(123);
        assertThatThrownBy(() -> run(g.anext())).isInstanceOf(IllegalStateException.class); // a loop runs already
        try {
            await(g.anext());
            throw new AssertionError("ArithmeticException was not raised");
        } catch (ArithmeticException expected) {
            return Coroutine.done();
        }
    }

    @Test
    void test_async_gen_exception_04() {
        run(exception04());
    }

    @Async
    static AsyncGenerator<Integer, Void> exception05Gen() {
        Generator.yield(123);
        throw new NoSuchElementException();
    }

    @Test
    void test_async_gen_exception_05() {
        assertThatThrownBy(() -> run(toList(exception05Gen()))).isInstanceOf(IllegalStateException.class)
                .hasMessageMatching("async generator.*NoSuchElementException.*");
    }

    @Async
    static Generator<Integer, Void, Void> exception07Sync() {
        try {
            Generator.yield(1);
            int zero = 0;
            Generator.yield(1 / zero);
        } finally {
            Generator.yield(2);
            Generator.yield(3);
        }
        Generator.yield(100);
        return Generator.done();
    }

    @Async
    static AsyncGenerator<Integer, Void> exception07Async() {
        try {
            Generator.yield(1);
            int zero = 0;
            Generator.yield(1 / zero);
        } finally {
            Generator.yield(2);
            Generator.yield(3);
        }
        Generator.yield(100);
        return AsyncGenerator.done();
    }

    @Test
    void test_async_gen_exception_07() {
        List<Object> sync = outcomes(exception07Sync());
        assertThat(run(outcomes(exception07Async()))).isEqualTo(sync).containsExactly(1, 2, 3, "ArithmeticException", "STOP");
    }

    @Async
    static Generator<Integer, Void, Void> exception08Sync() {
        try {
            Generator.yield(1);
        } finally {
            Generator.yield(2);
            int zero = 0;
            Generator.yield(1 / zero);
            Generator.yield(3);
        }
        Generator.yield(100);
        return Generator.done();
    }

    @Async
    static AsyncGenerator<Integer, Void> exception08Async() {
        try {
            Generator.yield(1);
            await(sleep(0));
        } finally {
            await(sleep(0));
            Generator.yield(2);
            int zero = 0;
            Generator.yield(1 / zero);
            Generator.yield(3);
        }
        Generator.yield(100);
        return AsyncGenerator.done();
    }

    @Test
    void test_async_gen_exception_08() {
        List<Object> sync = outcomes(exception08Sync());
        assertThat(run(outcomes(exception08Async()))).isEqualTo(sync).containsExactly(1, 2, "ArithmeticException", "STOP");
    }

    @Async
    static AsyncGenerator<Integer, Void> exception09Async() {
        try {
            await(sleep(0));
            Generator.yield(1);
            int zero = 0;
            Generator.yield(1 / zero);
        } finally {
            Generator.yield(2);
            await(sleep(0));
            Generator.yield(3);
        }
        Generator.yield(100);
        return AsyncGenerator.done();
    }

    @Test
    void test_async_gen_exception_09() {
        List<Object> sync = outcomes(exception07Sync()); // the same sync twin as case 07
        assertThat(run(outcomes(exception09Async()))).isEqualTo(sync);
    }

    @Async
    static AsyncGenerator<Integer, Void> yield123() {
        Generator.yield(123);
        return AsyncGenerator.done();
    }

    @Test
    void test_async_gen_exception_10() {
        AsyncGenerator<Integer, Object> g = cast(yield123());
        assertThatThrownBy(() -> run(g.asend(100))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("non-null value to a just-started async generator");
    }

    @SuppressWarnings("unchecked")
    private static <S> AsyncGenerator<Integer, S> cast(AsyncGenerator<Integer, ?> g) {
        return (AsyncGenerator<Integer, S>) g;
    }

    @Async
    static Generator<Integer, Void, Void> exception11SyncWrapper() {
        Generator.yield(1);
        Generator<Integer, Void, Void> sg = tenTwenty();
        sg.send(null);
        try {
            sg.throwIn(new GeneratorExit());
        } catch (GeneratorExit expected) {
            Generator.yield(2);
        }
        Generator.yield(3);
        return Generator.done();
    }

    @Async
    static Generator<Integer, Void, Void> tenTwenty() {
        Generator.yield(10);
        Generator.yield(20);
        return Generator.done();
    }

    @Async
    static AsyncGenerator<Integer, Void> asyncTenTwenty() {
        Generator.yield(10);
        Generator.yield(20);
        return AsyncGenerator.done();
    }

    @Async
    static AsyncGenerator<Integer, Void> exception11AsyncWrapper() {
        Generator.yield(1);
        AsyncGenerator<Integer, Void> asg = asyncTenTwenty();
        await(asg.asend(null));
        try {
            await(asg.athrow(new GeneratorExit()));
        } catch (GeneratorExit expected) {
            Generator.yield(2);
        }
        Generator.yield(3);
        return AsyncGenerator.done();
    }

    @Test
    void test_async_gen_exception_11() {
        List<Object> sync = outcomes(exception11SyncWrapper());
        assertThat(run(outcomes(exception11AsyncWrapper()))).isEqualTo(sync).containsExactly(1, 2, 3, "STOP");
    }

    private AsyncGenerator<Integer, Void> me;

    @Async
    AsyncGenerator<Integer, Void> exception12Gen() {
        await(Weft.anext(me));
        Generator.yield(123);
        return AsyncGenerator.done();
    }

    @Async
    Coroutine<Void> exception12() {
        me = exception12Gen();
        Coroutine<Integer> an = me.anext();
        try {
            await(an);
            throw new AssertionError("not raised");
        } catch (IllegalStateException e) {
            assertThat(e).hasMessage("anext(): asynchronous generator is already running");
        }
        try {
            await(an);
            throw new AssertionError("not raised");
        } catch (IllegalStateException e) {
            assertThat(e).hasMessageContaining("cannot reuse already awaited coroutine");
        }
        return Coroutine.done();
    }

    @Test
    void test_async_gen_exception_12() {
        run(exception12());
    }

    @Test
    void test_async_gen_api_01() {
        AsyncGenerator<Integer, Void> g = yield123();
        assertThat(g.state()).isEqualTo(Generator.State.CREATED);
        assertThat(g.aclose()).isInstanceOf(Awaitable.class);
        assertThat(g.state()).isEqualTo(Generator.State.CREATED); // making the aclose coroutine runs nothing
    }

    // ---- AsyncGenAsyncioTest ----

    @Async
    static AsyncGenerator<Integer, Void> asyncio01Gen() {
        Generator.yield(1);
        await(sleep(0.01));
        Generator.yield(2);
        await(sleep(0.01));
        return AsyncGenerator.done();
    }

    @Test
    void test_async_gen_asyncio_01() {
        assertThat(run(toList(asyncio01Gen()))).containsExactly(1, 2);
    }

    @Async
    static AsyncGenerator<Integer, Void> asyncio02Gen() {
        Generator.yield(1);
        await(sleep(0.01));
        Generator.yield(2);
        int zero = 0;
        Generator.yield(1 / zero);
        return AsyncGenerator.done();
    }

    @Test
    void test_async_gen_asyncio_02() {
        assertThatThrownBy(() -> run(toList(asyncio02Gen()))).isInstanceOf(ArithmeticException.class);
    }

    @Async
    static AsyncGenerator<Integer, Void> anext04Foo() {
        Generator.yield(1);
        await(sleep(0.01));
        try {
            Generator.yield(2);
            Generator.yield(3);
        } catch (ArithmeticException e) {
            Generator.yield(1000);
        }
        await(sleep(0.01));
        Generator.yield(4);
        return AsyncGenerator.done();
    }

    @Async
    static Coroutine<Void> anext04Run1() {
        AsyncGenerator<Integer, Void> it = anext04Foo();
        assertThat(await(it.anext())).isEqualTo(1);
        assertThat(await(it.anext())).isEqualTo(2);
        assertThat(await(it.anext())).isEqualTo(3);
        assertThat(await(it.anext())).isEqualTo(4);
        for (int i = 0; i < 2; i++) {
            try {
                await(it.anext());
                throw new AssertionError("NoSuchElementException was not raised");
            } catch (NoSuchElementException expected) {
                // StopAsyncIteration, again and again
            }
        }
        return Coroutine.done();
    }

    /** run2 throws into the awaitable of {@code __anext__}: in Java, {@code athrow}. */
    @Async
    static Coroutine<Void> anext04Run2() {
        AsyncGenerator<Integer, Void> it = anext04Foo();
        assertThat(await(it.anext())).isEqualTo(1);
        assertThat(await(it.anext())).isEqualTo(2);
        assertThat(await(it.athrow(new ArithmeticException()))).isEqualTo(1000);
        assertThat(await(it.anext())).isEqualTo(4);
        try {
            await(it.anext());
            throw new AssertionError("NoSuchElementException was not raised");
        } catch (NoSuchElementException expected) {
            return Coroutine.done();
        }
    }

    @Test
    void test_async_gen_asyncio_anext_04() {
        run(anext04Run1());
        run(anext04Run2());
    }

    @Async
    static AsyncGenerator<Integer, Integer> anext05Foo() {
        Integer v = Generator.yield(1);
        v = Generator.yield(v);
        Generator.yield(v * 100);
        return AsyncGenerator.done();
    }

    @Async
    static Coroutine<Void> anext05() {
        AsyncGenerator<Integer, Integer> it = anext05Foo();
        assertThat(await(it.asend(null))).isEqualTo(1);
        assertThat(await(it.asend(10))).isEqualTo(10);
        assertThat(await(it.asend(12))).isEqualTo(1200);
        try {
            await(it.anext());
            throw new AssertionError("NoSuchElementException was not raised");
        } catch (NoSuchElementException expected) {
            return Coroutine.done();
        }
    }

    @Test
    void test_async_gen_asyncio_anext_05() {
        run(anext05());
    }

    @Async
    AsyncGenerator<Void, Void> catchAllGen() {
        try {
            Generator.yield(null);
        } catch (Throwable any) {
            // pass
        }
        done = 1;
        return AsyncGenerator.done();
    }

    @Async
    Coroutine<Void> anext06() {
        AsyncGenerator<Void, Void> g = catchAllGen();
        await(g.asend(null));
        try {
            await(g.asend(null));
            throw new AssertionError("NoSuchElementException was not raised");
        } catch (NoSuchElementException expected) {
            done += 10;
        }
        return Coroutine.done();
    }

    @Test
    void test_async_gen_asyncio_anext_06() {
        run(anext06());
        assertThat(done).isEqualTo(11);
    }

    @Async
    static AsyncGenerator<Integer, Void> aclose06Foo() {
        try {
            Generator.yield(1);
            int zero = 0;
            Generator.yield(1 / zero);
        } finally {
            await(sleep(0.01));
            Generator.yield(12);
        }
        return AsyncGenerator.done();
    }

    @Async
    static Coroutine<Void> firstThenClose(AsyncGenerator<Integer, Void> gen) {
        assertThat(await(gen.anext())).isEqualTo(1);
        await(gen.aclose());
        return Coroutine.done();
    }

    @Test
    void test_async_gen_asyncio_aclose_06() {
        assertThatThrownBy(() -> run(firstThenClose(aclose06Foo()))).isInstanceOf(IllegalStateException.class)
                .hasMessage("async generator ignored GeneratorExit");
    }

    @Async
    AsyncGenerator<Integer, Void> aclose07Foo() {
        try {
            Generator.yield(1);
            int zero = 0;
            Generator.yield(1 / zero);
        } finally {
            await(sleep(0.01));
            await(sleep(0.01));
            done += 1;
        }
        done += 1000;
        return AsyncGenerator.done();
    }

    @Test
    void test_async_gen_asyncio_aclose_07() {
        run(firstThenClose(aclose07Foo()));
        assertThat(done).isEqualTo(1);
    }

    @Async
    AsyncGenerator<Integer, Void> aclose08Foo(Future<Object> fut) {
        try {
            Generator.yield(1);
            await(fut);
            done += 1000;
            Generator.yield(2);
        } finally {
            await(sleep(0.01));
            await(sleep(0.01));
            done += 1;
        }
        done += 1000;
        return AsyncGenerator.done();
    }

    @Async
    Coroutine<Void> aclose08() {
        Future<Object> fut = Weft.getRunningLoop().createFuture();
        await(firstThenClose(aclose08Foo(fut)));
        fut.cancel();
        return Coroutine.done();
    }

    @Test
    void test_async_gen_asyncio_aclose_08() {
        run(aclose08());
        assertThat(done).isEqualTo(1);
    }

    @Async
    Coroutine<Void> aclose10() {
        AsyncGenerator<Void, Void> g = catchAllGen();
        await(g.asend(null));
        await(g.aclose());
        done += 10;
        return Coroutine.done();
    }

    @Test
    void test_async_gen_asyncio_aclose_10() {
        run(aclose10());
        assertThat(done).isEqualTo(11);
    }

    @Async
    AsyncGenerator<Void, Void> yieldsAfterCatchAll() {
        try {
            Generator.yield(null);
        } catch (Throwable any) {
            // pass
        }
        Generator.yield(null);
        done += 1;
        return AsyncGenerator.done();
    }

    @Async
    Coroutine<Void> aclose11() {
        AsyncGenerator<Void, Void> g = yieldsAfterCatchAll();
        await(g.asend(null));
        try {
            await(g.aclose());
            throw new AssertionError("not raised");
        } catch (IllegalStateException e) {
            assertThat(e).hasMessageContaining("ignored GeneratorExit");
        }
        done += 10;
        return Coroutine.done();
    }

    @Test
    void test_async_gen_asyncio_aclose_11() {
        run(aclose11());
        assertThat(done).isEqualTo(10);
    }

    @Async
    static Coroutine<Void> aclose12Target() {
        await(sleep(0.01));
        int zero = 0;
        System.out.print(1 / zero);
        return Coroutine.done();
    }

    @Async
    AsyncGenerator<Integer, Void> aclose12Foo() {
        Task<Void> task = Weft.createTask(aclose12Target());
        try {
            Generator.yield(1);
        } finally {
            try {
                await(task);
            } catch (ArithmeticException e) {
                done = 1;
            }
        }
        return AsyncGenerator.done();
    }

    @Test
    void test_async_gen_asyncio_aclose_12() {
        run(firstThenClose(aclose12Foo()));
        assertThat(done).isEqualTo(1);
    }

    @Async
    AsyncGenerator<Integer, Integer> asend01Gen() {
        try {
            await(sleep(0.01));
            Integer v = Generator.yield(1);
            await(sleep(0.01));
            Generator.yield(v * 2);
            await(sleep(0.01));
            return AsyncGenerator.done();
        } finally {
            await(sleep(0.01));
            await(sleep(0.01));
            done = 1;
        }
    }

    @Async
    Coroutine<Void> asend01() {
        AsyncGenerator<Integer, Integer> g = asend01Gen();
        assertThat(await(g.asend(null))).isEqualTo(1);
        assertThat(await(g.asend(100))).isEqualTo(200);
        try {
            await(g.asend(null));
            throw new AssertionError("NoSuchElementException was not raised");
        } catch (NoSuchElementException expected) {
            return Coroutine.done();
        }
    }

    @Test
    void test_async_gen_asyncio_asend_01() {
        run(asend01());
        assertThat(done).isEqualTo(1);
    }

    static final class FooEr extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Async
    AsyncGenerator<Integer, Integer> athrow01Gen() {
        try {
            await(sleep(0.01));
            Integer v;
            try {
                v = Generator.yield(1);
            } catch (FooEr e) {
                v = 1000;
                await(sleep(0.01));
            }
            Generator.yield(v * 2);
            await(sleep(0.01));
        } finally {
            await(sleep(0.01));
            await(sleep(0.01));
            done = 1;
        }
        return AsyncGenerator.done();
    }

    @Async
    Coroutine<Void> athrow01() {
        AsyncGenerator<Integer, Integer> g = athrow01Gen();
        assertThat(await(g.asend(null))).isEqualTo(1);
        assertThat(await(g.athrow(new FooEr()))).isEqualTo(2000);
        try {
            await(g.asend(null));
            throw new AssertionError("NoSuchElementException was not raised");
        } catch (NoSuchElementException expected) {
            return Coroutine.done();
        }
    }

    @Test
    void test_async_gen_asyncio_athrow_01() {
        run(athrow01());
        assertThat(done).isEqualTo(1);
    }

    private int finalized;

    @Async
    AsyncGenerator<Integer, Void> waiter(double timeout) {
        try {
            await(sleep(timeout));
            Generator.yield(1);
        } finally {
            await(sleep(0));
            finalized += 1;
        }
        return AsyncGenerator.done();
    }

    @Async
    Coroutine<Void> waitAll() {
        AsyncGenerator<Integer, Void> it = waiter(1);
        while (await(it.hasNext())) {
            it.next();
        }
        return Coroutine.done();
    }

    @Async
    Coroutine<Void> shutdown01() {
        Weft.createTask(waitAll());
        Weft.createTask(waitAll());
        await(sleep(0.1));
        return Coroutine.done();
    }

    @Test
    void test_async_gen_asyncio_shutdown_01() {
        run(shutdown01()); // run cancels both tasks, then closes what is left
        assertThat(finalized).isEqualTo(2);
    }

    private final List<Map<String, Object>> messages = new ArrayList<>();

    @Async
    static AsyncGenerator<Integer, Void> oneTwo() {
        Generator.yield(1);
        Generator.yield(2);
        return AsyncGenerator.done();
    }

    @Async
    Coroutine<Void> breakAfterFirst(AsyncGenerator<Integer, Void> it) {
        Weft.getRunningLoop().setExceptionHandler((loop, context) -> messages.add(context));
        while (await(it.hasNext())) {
            it.next();
            break;
        }
        return Coroutine.done();
    }

    @Test
    void test_async_gen_asyncio_shutdown_02() {
        AsyncGenerator<Integer, Void> it = oneTwo();
        run(breakAfterFirst(it));
        assertThat(messages).isEmpty();
        assertThat(it.state()).isEqualTo(Generator.State.CLOSED);
    }

    @Async
    static AsyncGenerator<Integer, Void> failsWhenClosed() {
        try {
            Generator.yield(1);
            Generator.yield(2);
        } finally {
            int zero = 0;
            System.out.print(1 / zero);
        }
        return AsyncGenerator.done();
    }

    @Test
    void test_async_gen_asyncio_shutdown_exception_01() {
        AsyncGenerator<Integer, Void> it = failsWhenClosed();
        run(breakAfterFirst(it));
        assertThat(messages).hasSize(1);
        Map<String, Object> message = messages.get(0);
        assertThat(message.get("asyncgen")).isSameAs(it);
        assertThat(message.get("exception")).isInstanceOf(ArithmeticException.class);
        assertThat((String) message.get("message")).contains("an error occurred during closing of asynchronous generator");
    }

    @Async
    static Coroutine<Void> awaitTwice(Coroutine<?> aw) {
        await(aw);
        try {
            await(aw);
            throw new AssertionError("not raised");
        } catch (IllegalStateException e) {
            assertThat(e).hasMessageContaining("cannot reuse already awaited coroutine");
        }
        return Coroutine.done();
    }

    @Async
    static AsyncGenerator<Integer, Void> oneAfterSleep() {
        await(sleep(0));
        Generator.yield(1);
        return AsyncGenerator.done();
    }

    @Test
    void test_async_gen_await_same_anext_coro_twice() {
        run(awaitTwice(oneAfterSleep().anext()));
    }

    @Test
    void test_async_gen_await_same_aclose_coro_twice() {
        run(awaitTwice(oneAfterSleep().aclose()));
    }

    @Async
    static Coroutine<Void> acloseTwice() {
        AsyncGenerator<Integer, Void> g = oneAfterSleep();
        await(g.aclose());
        await(g.aclose());
        return Coroutine.done();
    }

    @Test
    void test_async_gen_aclose_twice_with_different_coros() {
        run(acloseTwice());
    }

    @Async
    static Coroutine<Void> acloseAfterExhaustion() {
        AsyncGenerator<Integer, Void> g = oneAfterSleep();
        while (await(g.hasNext())) {
            g.next();
        }
        await(g.aclose());
        await(g.aclose());
        return Coroutine.done();
    }

    @Test
    void test_async_gen_aclose_after_exhaustion() {
        run(acloseAfterExhaustion());
    }

    // ---- TestUnawaitedWarnings: the cases about a step started while another runs ----

    @Async
    static AsyncGenerator<Integer, Void> sleepsThenYields() {
        await(sleep(0.01));
        Generator.yield(1);
        return AsyncGenerator.done();
    }

    @Async
    static Coroutine<List<String>> concurrentSteps(String second) {
        AsyncGenerator<Integer, Void> g = sleepsThenYields();
        Task<Integer> first = Weft.createTask(g.anext());
        await(sleep(0));
        assertThat(g.state()).isEqualTo(Generator.State.RUNNING);
        List<String> errors = new ArrayList<>();
        Coroutine<?> step = second.equals("asend") ? g.asend(null) : second.equals("athrow")
                ? g.athrow(new FooEr()) : second.equals("aclose") ? g.aclose() : g.anext();
        try {
            await(step);
        } catch (IllegalStateException e) {
            errors.add(e.getMessage());
        }
        assertThat(await(first)).isEqualTo(1);
        assertThat(g.state()).isEqualTo(Generator.State.SUSPENDED);
        return Coroutine.returning(errors);
    }

    @Test
    void test_asend_send_already_running() {
        assertThat(run(concurrentSteps("asend"))).containsExactly("anext(): asynchronous generator is already running");
        assertThat(run(concurrentSteps("anext"))).containsExactly("anext(): asynchronous generator is already running");
    }

    @Test
    void test_athrow_send_already_running() {
        assertThat(run(concurrentSteps("athrow"))).containsExactly("athrow(): asynchronous generator is already running");
        assertThat(run(concurrentSteps("aclose"))).containsExactly("aclose(): asynchronous generator is already running");
    }

    // ---- beyond the CPython cases ----

    @Async
    static AsyncGenerator<Integer, Void> one() {
        Generator.yield(1);
        return AsyncGenerator.done();
    }

    @Async
    static Coroutine<List<Object>> athrowAfterTheEnd() {
        AsyncGenerator<Integer, Void> finished = one();
        await(toList(finished));
        AsyncGenerator<Integer, Void> closed = one();
        await(closed.anext());
        await(closed.aclose());
        List<Object> out = new ArrayList<>();
        out.add(await(finished.athrow(new IllegalArgumentException())));
        out.add(await(closed.athrow(new IllegalArgumentException())));
        out.add(closed.state());
        return Coroutine.returning(out);
    }

    /** CPython 3.13: {@code await agen.athrow(e)} on a finished or closed generator gives None (throw() on a generator raises e). */
    @Test
    void athrowOnAFinishedGeneratorGivesNull() {
        assertThat(run(athrowAfterTheEnd())).containsExactly(null, null, Generator.State.CLOSED);
    }
}
