package dev.weft.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.Async;
import dev.weft.Generator;
import dev.weft.GeneratorExit;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * {@code TestInterestingEdgeCases} of CPython 3.12's {@code Lib/test/test_yield_from.py}:
 * {@code close()} and {@code throw()} of a generator delegating to a subgenerator whose
 * {@code finally} raises, yields or returns. The class is not in 3.11's file, but CPython 3.11.7
 * passes it unchanged, so it is the same reference. One test per Python case; its
 * {@code subTest}s are the sections of the test, in order.
 *
 * <p>Python's {@code BaseException} is {@link Error} (not caught by {@code catch (Exception e)}),
 * its {@code Exception} a checked {@link Exception}; {@code StopIteration} is
 * {@link NoSuchElementException}, which PEP 479 turns into {@link IllegalStateException} (Python's
 * {@code RuntimeError: generator raised StopIteration}), caused by it. Python's
 * {@code __context__} assertions have no Java meaning; Weft hands each exception through as
 * the same instance.
 */
class YieldFromEdgeCasesTest {

    static final Object YIELDED_FIRST = new Object();
    static final Object YIELDED_SECOND = new Object();
    static final Object RETURNED = new Object();

    /** What the subgenerator's finally raises, set by each section. */
    Throwable raised;

    /**
     * Python checks that {@code next()} raises a StopIteration whose value is None: in Weft the
     * finished generator answers {@link NoSuchElementException}, and {@code returnValue()} keeps
     * what it returned, if anything (checked where Python checks it).
     */
    static void assertStopIteration(Generator<Object, Object, Object> iterator) {
        assertThat(catchThrowable(iterator::next)).isInstanceOf(NoSuchElementException.class);
        assertThat(iterator.state()).isEqualTo(Generator.State.CLOSED);
    }

    static void assertGeneratorRaisedStopIteration(Throwable caught, Throwable stopIteration) {
        assertThat(caught)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("generator raised NoSuchElementException")
                .hasCause(stopIteration);
    }

    static void assertGeneratorIgnoredGeneratorExit(Throwable caught) {
        assertThat(caught).isInstanceOf(IllegalStateException.class).hasMessage("generator ignored GeneratorExit");
    }

    static Throwable throwIn(Generator<Object, Object, Object> g, Throwable thrown) {
        return catchThrowable(() -> g.throwIn(thrown));
    }

    // ---- test_close_and_throw_work ----

    @Async
    static Generator<Object, Object, Object> workInner() {
        Generator.yield(YIELDED_FIRST);
        Generator.yield(YIELDED_SECOND);
        return Generator.returning(RETURNED);
    }

    @Async
    static Generator<Object, Object, Object> workOuter() {
        return Generator.returning(Generator.yieldFrom(workInner()));
    }

    @Test
    void close_and_throw_work() {
        // close
        Generator<Object, Object, Object> g = workOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        g.close();
        assertStopIteration(g);

        // throw GeneratorExit
        g = workOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        Throwable thrown = new GeneratorExit();
        assertThat(throwIn(g, thrown)).isSameAs(thrown);
        assertStopIteration(g);

        // throw StopIteration
        g = workOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        thrown = new NoSuchElementException();
        // PEP 479:
        assertGeneratorRaisedStopIteration(throwIn(g, thrown), thrown);
        assertStopIteration(g);

        // throw BaseException
        g = workOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        thrown = new Error();
        assertThat(throwIn(g, thrown)).isSameAs(thrown);
        assertStopIteration(g);

        // throw Exception
        g = workOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        thrown = new Exception();
        assertThat(throwIn(g, thrown)).isSameAs(thrown);
        assertStopIteration(g);
    }

    // ---- the subgenerator of the four test_close_and_throw_raise_* cases ----

    @Async
    @SuppressWarnings("finally")
    Generator<Object, Object, Object> raisingInner() {
        try {
            Generator.yield(YIELDED_FIRST);
            Generator.yield(YIELDED_SECOND);
            return Generator.returning(RETURNED);
        } finally {
            throw Py.<RuntimeException>sneakyThrow(raised);
        }
    }

    @Async
    Generator<Object, Object, Object> raisingOuter() {
        return Generator.returning(Generator.yieldFrom(raisingInner()));
    }

    // ---- test_close_and_throw_raise_generator_exit ----

    @Test
    void close_and_throw_raise_generator_exit() {
        // close
        Generator<Object, Object, Object> g = raisingOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        raised = new GeneratorExit();
        // GeneratorExit is suppressed. This is consistent with PEP 342:
        // https://peps.python.org/pep-0342/#new-generator-method-close
        g.close();
        assertStopIteration(g);

        // throw GeneratorExit
        g = raisingOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        raised = new GeneratorExit();
        Throwable thrown = new GeneratorExit();
        // The raised GeneratorExit is suppressed, but the thrown one
        // propagates. This is consistent with PEP 380:
        // https://peps.python.org/pep-0380/#proposal
        assertThat(throwIn(g, thrown)).isSameAs(thrown);
        assertStopIteration(g);

        // throw StopIteration
        g = raisingOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        raised = new GeneratorExit();
        thrown = new NoSuchElementException();
        assertThat(throwIn(g, thrown)).isSameAs(raised);
        assertStopIteration(g);

        // throw BaseException
        g = raisingOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        raised = new GeneratorExit();
        thrown = new Error();
        assertThat(throwIn(g, thrown)).isSameAs(raised);
        assertStopIteration(g);

        // throw Exception
        g = raisingOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        raised = new GeneratorExit();
        thrown = new Exception();
        assertThat(throwIn(g, thrown)).isSameAs(raised);
        assertStopIteration(g);
    }

    // ---- test_close_and_throw_raise_stop_iteration ----

    @Test
    void close_and_throw_raise_stop_iteration() {
        // close
        Generator<Object, Object, Object> g = raisingOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        raised = new NoSuchElementException();
        // PEP 479:
        assertGeneratorRaisedStopIteration(catchThrowable(g::close), raised);
        assertStopIteration(g);

        // throw GeneratorExit
        g = raisingOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        raised = new NoSuchElementException();
        Throwable thrown = new GeneratorExit();
        // PEP 479:
        assertGeneratorRaisedStopIteration(throwIn(g, thrown), raised);
        assertStopIteration(g);

        // throw StopIteration
        g = raisingOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        raised = new NoSuchElementException();
        thrown = new NoSuchElementException();
        // PEP 479:
        assertGeneratorRaisedStopIteration(throwIn(g, thrown), raised);
        assertStopIteration(g);

        // throw BaseException
        g = raisingOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        raised = new NoSuchElementException();
        thrown = new Error();
        // PEP 479:
        assertGeneratorRaisedStopIteration(throwIn(g, thrown), raised);
        assertStopIteration(g);

        // throw Exception
        g = raisingOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        raised = new NoSuchElementException();
        thrown = new Exception();
        // PEP 479:
        assertGeneratorRaisedStopIteration(throwIn(g, thrown), raised);
        assertStopIteration(g);
    }

    // ---- test_close_and_throw_raise_base_exception ----

    @Test
    void close_and_throw_raise_base_exception() {
        // close
        Generator<Object, Object, Object> g = raisingOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        raised = new Error();
        assertThat(catchThrowable(g::close)).isSameAs(raised);
        assertStopIteration(g);

        for (Throwable thrown : new Throwable[] {
                new GeneratorExit(), new NoSuchElementException(), new Error(), new Exception()}) {
            // throw GeneratorExit, StopIteration, BaseException, Exception
            g = raisingOuter();
            assertThat(g.next()).isSameAs(YIELDED_FIRST);
            raised = new Error();
            assertThat(throwIn(g, thrown)).as("thrown %s", thrown).isSameAs(raised);
            assertStopIteration(g);
        }
    }

    // ---- test_close_and_throw_raise_exception ----

    @Test
    void close_and_throw_raise_exception() {
        // close
        Generator<Object, Object, Object> g = raisingOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        raised = new Exception();
        assertThat(catchThrowable(g::close)).isSameAs(raised);
        assertStopIteration(g);

        for (Throwable thrown : new Throwable[] {
                new GeneratorExit(), new NoSuchElementException(), new Error(), new Exception()}) {
            // throw GeneratorExit, StopIteration, BaseException, Exception
            g = raisingOuter();
            assertThat(g.next()).isSameAs(YIELDED_FIRST);
            raised = new Exception();
            assertThat(throwIn(g, thrown)).as("thrown %s", thrown).isSameAs(raised);
            assertStopIteration(g);
        }
    }

    // ---- test_close_and_throw_yield ----

    @Async
    static Generator<Object, Object, Object> yieldingInner() {
        try {
            Generator.yield(YIELDED_FIRST);
        } finally {
            Generator.yield(YIELDED_SECOND);
        }
        return Generator.returning(RETURNED);
    }

    @Async
    static Generator<Object, Object, Object> yieldingOuter() {
        return Generator.returning(Generator.yieldFrom(yieldingInner()));
    }

    @Test
    void close_and_throw_yield() {
        // close
        Generator<Object, Object, Object> g = yieldingOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        // No chaining happens. This is consistent with PEP 342:
        // https://peps.python.org/pep-0342/#new-generator-method-close
        assertGeneratorIgnoredGeneratorExit(catchThrowable(g::close));
        assertStopIteration(g);

        // throw GeneratorExit
        g = yieldingOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        Throwable thrown = new GeneratorExit();
        assertGeneratorIgnoredGeneratorExit(throwIn(g, thrown));
        assertStopIteration(g);

        // throw StopIteration
        g = yieldingOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        Throwable stopIteration = new NoSuchElementException();
        assertThat(g.throwIn(stopIteration)).isSameAs(YIELDED_SECOND);
        // PEP 479:
        assertGeneratorRaisedStopIteration(catchThrowable(g::next), stopIteration);
        assertStopIteration(g);

        // throw BaseException
        g = yieldingOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        thrown = new Error();
        assertThat(g.throwIn(thrown)).isSameAs(YIELDED_SECOND);
        assertThat(catchThrowable(g::next)).isSameAs(thrown);
        assertStopIteration(g);

        // throw Exception
        g = yieldingOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        thrown = new Exception();
        assertThat(g.throwIn(thrown)).isSameAs(YIELDED_SECOND);
        assertThat(catchThrowable(g::next)).isSameAs(thrown);
        assertStopIteration(g);
    }

    // ---- test_close_and_throw_return ----

    @Async
    @SuppressWarnings("finally")
    static Generator<Object, Object, Object> returningInner() {
        try {
            Generator.yield(YIELDED_FIRST);
            Generator.yield(YIELDED_SECOND);
        } finally {
            return Generator.returning(RETURNED);
        }
    }

    @Async
    static Generator<Object, Object, Object> returningOuter() {
        return Generator.returning(Generator.yieldFrom(returningInner()));
    }

    @Test
    void close_and_throw_return() {
        // close
        Generator<Object, Object, Object> g = returningOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        // StopIteration is suppressed. This is consistent with PEP 342:
        // https://peps.python.org/pep-0342/#new-generator-method-close
        g.close();
        assertStopIteration(g);

        // throw GeneratorExit
        g = returningOuter();
        assertThat(g.next()).isSameAs(YIELDED_FIRST);
        Throwable thrown = new GeneratorExit();
        // StopIteration is suppressed. This is consistent with PEP 342:
        // https://peps.python.org/pep-0342/#new-generator-method-close
        assertThat(throwIn(g, thrown)).isSameAs(thrown);
        assertStopIteration(g);

        for (Throwable other : new Throwable[] {new NoSuchElementException(), new Error(), new Exception()}) {
            // throw StopIteration, BaseException, Exception
            g = returningOuter();
            assertThat(g.next()).isSameAs(YIELDED_FIRST);
            assertThat(throwIn(g, other)).as("thrown %s", other).isInstanceOf(NoSuchElementException.class);
            assertThat(g.returnValue()).isSameAs(RETURNED);
            assertStopIteration(g);
        }
    }
}
