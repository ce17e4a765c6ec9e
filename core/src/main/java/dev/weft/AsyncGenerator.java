package dev.weft;

/**
 * What calling an {@link Async @Async} method that returns {@code AsyncGenerator} gives back:
 * Python's asynchronous generator (PEP 525), a body that may both {@code await(...)} and
 * {@code Generator.yield(...)}. Like a coroutine it is lazy: nothing runs until a consumer awaits
 * one of its steps ({@link #hasNext()}, {@link #anext()}, {@link #asend}, {@link #athrow},
 * {@link #aclose()}), each a coroutine that runs the body to its next {@code yield} and may
 * suspend on its awaits meanwhile.
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
 *
 * // async for i in ticker(0.1, 3): print(i)
 * AsyncGenerator<Integer, Void> ticks = ticker(0.1, 3);
 * while (await(ticks.hasNext())) {
 *     System.out.println(ticks.next());
 * }
 * }</pre>
 *
 * <p>The end is {@link java.util.NoSuchElementException} (Python's {@code StopAsyncIteration});
 * protocol misuse that Python answers with {@code RuntimeError} or {@code TypeError} (a step started
 * while another is in progress, a non-null value sent into a just-started generator, a
 * {@code yield} after {@code aclose()}, a {@code NoSuchElementException} raised by the body)
 * throws {@link IllegalStateException}. {@code Generator.yieldFrom} cannot be used in an async
 * generator, as {@code yield from} cannot in Python. An async generator left suspended when
 * {@code Weft.run} ends is closed by the loop, its {@code finally} blocks run.
 *
 * @param <Y> the type of values yielded
 * @param <S> the type of values sent in by {@link #asend}
 */
public interface AsyncGenerator<Y, S> {

    /**
     * A coroutine that gives whether there is a next value: {@code async for}'s test. It runs the
     * body to its next {@code yield} and holds the value for {@link #next()}; until then it does not
     * run ahead again.
     *
     * @return a coroutine giving true if a value is held for {@link #next()}, false at the end
     */
    Coroutine<Boolean> hasNext();

    /**
     * The value {@link #hasNext()} ran ahead to, once it said true.
     *
     * @return the held value
     * @throws java.util.NoSuchElementException if no value is held: await {@code hasNext()} first
     */
    Y next();

    /**
     * Python's {@code anext(agen)} / {@code agen.__anext__()}: a coroutine that runs the body to its
     * next {@code yield} and gives the value.
     *
     * @return a coroutine giving the next value, or raising {@code NoSuchElementException} at the end
     */
    Coroutine<Y> anext();

    /**
     * Python's {@code agen.asend(value)}: resumes the body with {@code value} as the result of its
     * {@code yield}, and gives the next value it yields.
     *
     * @param value the value sent in ({@code null} starts a just-created generator)
     * @return a coroutine giving the next value, or raising {@code NoSuchElementException} at the end
     */
    Coroutine<Y> asend(S value);

    /**
     * Python's {@code agen.athrow(exc)}: raises {@code exception} at the {@code yield} the body is
     * suspended at, and gives the next value it yields. Thrown into a generator that has not
     * started, it closes it and comes straight out; into one finished or closed, it gives
     * {@code null} (as CPython 3.13's gives {@code None}).
     *
     * @param exception what to raise in the body
     * @return a coroutine giving the next value yielded, or raising what the body raised
     *     ({@code NoSuchElementException} if it finished)
     */
    Coroutine<Y> athrow(Throwable exception);

    /**
     * Python's {@code agen.aclose()}: raises {@link GeneratorExit} at the {@code yield} the body is
     * suspended at, so its {@code finally} blocks run (they may await); closing a generator that
     * has not started or has finished does nothing.
     *
     * @return a coroutine that closes the generator; it raises {@code IllegalStateException} if the
     *     body yields instead of finishing ("async generator ignored GeneratorExit"), or what the
     *     body raised other than {@code GeneratorExit}
     */
    Coroutine<Void> aclose();

    /**
     * Where the generator is in its life, as {@code inspect.getasyncgenstate} reports it:
     * {@code RUNNING} while a step is in progress, its awaits included.
     *
     * @return the generator's state
     */
    Generator.State state();

    // ---- markers: rewritten by Weft inside @Async methods ----

    /**
     * Ends the async generator: {@code return AsyncGenerator.done();}. An async generator returns
     * no value, as in Python.
     *
     * @param <Y> the type of values yielded
     * @param <S> the type of values sent
     * @return never returns normally outside a rewritten method
     * @throws NotRewrittenError if the method was not rewritten
     */
    static <Y, S> AsyncGenerator<Y, S> done() {
        throw NotRewrittenError.reached("AsyncGenerator.done");
    }
}
