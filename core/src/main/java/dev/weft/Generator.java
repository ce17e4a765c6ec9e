package dev.weft;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A Python generator: what an {@link Async @Async} method that returns {@code Generator} gives
 * back when called. Nothing of its body runs until the first {@link #next()}, {@link #send} or
 * {@link #hasNext()}.
 *
 * <pre>{@code
 * @Async
 * static Generator<Integer, Void, Void> num(int x) {   // def num(x):
 *     while (x < 10) {                                 //     while x < 10:
 *         Generator.yield(x * x);                      //         yield x ** 2
 *         x++;                                         //         x += 1
 *     }
 *     return Generator.done();
 * }
 *
 * for (int n : num(0)) System.out.println(n);         // for n in num(0): print(n)
 * }</pre>
 *
 * <p>The protocol is PEP 342 and PEP 380 with Java spellings:
 * <ul>
 *   <li>{@link #next()} resumes the body until its next {@code yield} and returns the value
 *       yielded; {@link #send(Object)} does the same, and {@code Generator.yield(...)} evaluates
 *       to the value sent. A finished generator answers with {@link NoSuchElementException}
 *       (Python's {@code StopIteration}) and {@link #returnValue()} gives what it returned.</li>
 *   <li>{@link #throwIn(Throwable)} raises an exception at the suspension point;
 *       {@link #close()} raises {@link GeneratorExit} there.</li>
 *   <li>{@link #yieldFrom(Generator)} delegates {@code next}, {@code send}, {@code throwIn} and
 *       {@code close} to a subgenerator and evaluates to its return value. A chain of delegations
 *       is resumed at its innermost generator, so depth does not cost a call per level.</li>
 *   <li>Misuse that Python answers with {@code ValueError}, {@code TypeError} or
 *       {@code RuntimeError} throws {@link IllegalStateException}: resuming a running generator,
 *       sending a non-null value into a just-started one, yielding after {@code GeneratorExit},
 *       a {@link NoSuchElementException} escaping the body (PEP 479).</li>
 * </ul>
 *
 * <p>A generator is one-shot: {@link #iterator()} returns the generator itself. It is not
 * thread-safe; use it from one thread at a time.
 *
 * @param <Y> what it yields
 * @param <S> what {@link #send} takes ({@code Void} when nothing is sent)
 * @param <R> what it returns ({@code Void} when nothing)
 */
public interface Generator<Y, S, R> extends Iterator<Y>, Iterable<Y>, AutoCloseable {

    /** Where a generator is in its life, as {@code inspect.getgeneratorstate} reports it. */
    enum State {
        /** Created, its body not started. */
        CREATED,
        /** Its body is executing now. */
        RUNNING,
        /** Suspended at a {@code yield} (or inside a {@code yieldFrom}). */
        SUSPENDED,
        /** Finished: returned, raised, or closed. */
        CLOSED
    }

    /**
     * Resumes the body until its next {@code yield}, sending {@code null}.
     *
     * @return the value yielded
     * @throws NoSuchElementException if the generator is finished (Python's {@code StopIteration})
     * @throws IllegalStateException if it is running
     */
    @Override
    Y next();

    /**
     * Whether {@link #next()} will return a value. It may run the body ahead to the next
     * {@code yield} and hold that value for {@code next()}; calling it again does not run further.
     * Once it has run ahead, {@link #send} and {@link #throwIn} refuse with
     * {@link IllegalStateException} until {@code next()} has taken the held value.
     */
    @Override
    boolean hasNext();

    /**
     * Resumes the body, making the pending {@code Generator.yield(...)} evaluate to {@code value}.
     * A just-started generator only takes {@code null}, as in Python.
     *
     * @param value what the paused {@code yield} gives back in the generator
     * @return the next value yielded
     * @throws NoSuchElementException if the generator finishes
     */
    Y send(S value);

    /**
     * Raises {@code exception} at the suspension point, as Python's {@code gen.throw(exc)}.
     * Thrown into a just-created generator it closes it and comes straight back out.
     * If the body does not catch it, it comes out of this call unchanged (checked exceptions
     * included).
     *
     * @param exception what the paused {@code yield} throws in the generator
     * @return the next value yielded, if the body catches the exception and yields again
     * @throws NoSuchElementException if the body catches it and finishes
     */
    Y throwIn(Throwable exception);

    /**
     * Finishes the generator: raises {@link GeneratorExit} at the suspension point so that its
     * {@code finally} blocks run. Does nothing on a generator that is created or finished.
     *
     * @throws IllegalStateException if the body catches {@code GeneratorExit} and yields again
     */
    @Override
    void close();

    /**
     * What the finished generator returned ({@code Generator.returning(v)}), or {@code null}.
     *
     * @return the value the generator returned
     * @throws IllegalStateException if the generator has not finished
     */
    R returnValue();

    /**
     * Where the generator is in its life.
     *
     * @return where the generator is in its life
     */
    State state();

    /**
     * The rest of the generator's values as a sequential stream; closing the stream closes the generator.
     *
     * @return a sequential stream of the values the generator yields
     */
    default Stream<Y> stream() {
        Spliterator<Y> values = Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED);
        return StreamSupport.stream(values, false).onClose(this::close);
    }

    /** The generator itself: a generator is one-shot, like a Python iterator. */
    @Override
    default Iterator<Y> iterator() {
        return this;
    }

    // ---- markers: rewritten by Weft inside @Async methods ----

    /**
     * Python's {@code yield value}: suspends the body and hands {@code value} to the consumer.
     * Call it qualified, {@code Generator.yield(v)}: Java 14+ rejects an unqualified
     * {@code yield(...)}.
     *
     * @param <S> the type of value sent back
     * @param value the value to yield
     * @return the value sent in with {@link #send}, or {@code null} after {@link #next()}
     * @throws NotRewrittenError if the calling method was not rewritten by Weft
     */
    static <S> S yield(Object value) {
        throw NotRewrittenError.reached("Generator.yield");
    }

    /**
     * Python's {@code yield from sub}: runs {@code sub} to its end, passing every
     * {@code next}/{@code send}/{@code throwIn}/{@code close} through to it.
     *
     * @param <R> the type of the sub-generator's return value
     * @param sub the generator to delegate to
     * @return what {@code sub} returned
     */
    static <R> R yieldFrom(Generator<?, ?, R> sub) {
        throw NotRewrittenError.reached("Generator.yieldFrom");
    }

    /**
     * Python's {@code yield from iterable}: yields every element. Sending a non-null value
     * raises {@link IllegalStateException} at this point; {@link GeneratorExit} closes the
     * iterator first if it is {@link AutoCloseable}; any other exception thrown in is raised here.
     *
     * @param values the values to yield, in order
     */
    static void yieldFrom(Iterable<?> values) {
        throw NotRewrittenError.reached("Generator.yieldFrom");
    }

    /**
     * Ends the generator with a return value: {@code return Generator.returning(value);}.
     *
     * @param <Y> the type of values yielded
     * @param <S> the type of values sent
     * @param <R> the type of the return value
     * @param value what the generator returns
     * @return a finished generator returning {@code value}
     */
    static <Y, S, R> Generator<Y, S, R> returning(R value) {
        throw NotRewrittenError.reached("Generator.returning");
    }

    /**
     * Ends the generator without a value: {@code return Generator.done();}.
     *
     * @param <Y> the type of values yielded
     * @param <S> the type of values sent
     * @param <R> the type of the return value
     * @return a finished generator returning null
     */
    static <Y, S, R> Generator<Y, S, R> done() {
        throw NotRewrittenError.reached("Generator.done");
    }
}
