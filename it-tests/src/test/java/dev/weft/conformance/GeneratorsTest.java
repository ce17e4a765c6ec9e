package dev.weft.conformance;

import static dev.weft.conformance.Py.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.Async;
import dev.weft.Generator;
import dev.weft.conformance.Py.KeyError;
import dev.weft.conformance.Py.TypeError;
import dev.weft.conformance.Py.ValueError;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The {@code unittest} cases of CPython's {@code Lib/test/test_generators.py}
 * ({@code FinalizationTest}, {@code GeneratorTest}, {@code ExceptionTest},
 * {@code GeneratorThrowTest}, {@code YieldFromTests}) that have a Java meaning, one test per
 * Python case, named after it without the {@code test_} prefix. The doctests of the same file are
 * in {@link GeneratorsTutorialTest}, {@link GeneratorsFunTest} and {@link GeneratorsCoroutineTest};
 * the README of this folder lists every case, and why some have no Java twin.
 *
 * <p>Python's {@code sys.exc_info()} and implicit {@code __context__} have no Java equivalent:
 * where a case checks them, the twin keeps the control flow and asserts instead that Weft hands
 * exceptions through unchanged (the same instance, no cause, nothing suppressed).
 */
class GeneratorsTest {

    final List<Object> trace = new ArrayList<>();

    private static void assertUnchanged(Throwable actual, Throwable expected) {
        assertThat(actual).isSameAs(expected);
        assertThat(actual.getCause()).isNull();
        assertThat(actual.getSuppressed()).isEmpty();
    }

    // ======== FinalizationTest ========

    // test_frame_resurrect, test_refcycle: no Java meaning (README).

    // ---- test_lambda_generator ----
    // Python's f, f2, f3 are lambdas that are themselves generators; a Java lambda cannot hold a
    // marker, so the twin keeps g, g2, g3 and calls them through lambdas and method references.

    @Async
    static Generator<Integer, Integer, Integer> lambdaG() {
        return Generator.returning(Generator.<Integer>yield(1));
    }

    @Async
    static Generator<Integer, Integer, Integer> lambdaG2() {
        return Generator.returning(Generator.yieldFrom(lambdaG()));
    }

    @Async
    static Generator<Integer, Integer, Integer> lambdaG3() {
        Integer r = Generator.yieldFrom(lambdaG());
        return Generator.returning(r);
    }

    @Test
    void lambda_generator() {
        List<Supplier<Generator<Integer, Integer, Integer>>> genFuns = List.of(
                () -> lambdaG(), GeneratorsTest::lambdaG,
                () -> lambdaG2(), GeneratorsTest::lambdaG2,
                () -> lambdaG3(), GeneratorsTest::lambdaG3);
        for (Supplier<Generator<Integer, Integer, Integer>> genFun : genFuns) {
            Generator<Integer, Integer, Integer> gen = genFun.get();
            assertThat(gen.next()).isEqualTo(1);
            assertThatThrownBy(() -> gen.send(2)).isInstanceOf(NoSuchElementException.class);
            assertThat(gen.returnValue()).isEqualTo(2);
        }
    }

    // ======== GeneratorTest ========

    // test_name, test_copy, test_pickle: no Java meaning (README).

    // ---- test_send_non_none_to_new_gen ----

    @Async
    static Generator<Integer, Integer, Void> sendNonNoneF() {
        Generator.yield(1);
        return Generator.done();
    }

    @Test
    void send_non_none_to_new_gen() {
        Generator<Integer, Integer, Void> g = sendNonNoneF();
        assertThatThrownBy(() -> g.send(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("can't send non-null value to a just-started generator");
        assertThat(g.next()).isEqualTo(1);
    }

    // test_handle_frame_object_in_creation, test_ag_frame_f_back, test_cr_frame_f_back,
    // test_gi_frame_f_back: no Java meaning (README).

    // ======== ExceptionTest ========

    // ---- test_except_throw ----

    @Async
    Generator<Object, Object, Void> storeRaiseExcGenerator() {
        try {
            Generator.yield(null);
        } catch (Exception exc) {
            // exception raised by gen.throw(exc)
            trace.add("caught " + exc.getClass().getSimpleName());
            Generator.yield(null);

            // ensure that the exception is not lost
            trace.add("still " + exc.getClass().getSimpleName());
            Generator.yield(null);

            // we should be able to raise back the ValueError
            throw exc;
        }
        return Generator.done();
    }

    @Test
    void except_throw() {
        Generator<Object, Object, Void> make = storeRaiseExcGenerator();
        make.next();

        ValueError raised = new ValueError();
        try {
            throw raised;
        } catch (Exception exc) {
            try {
                make.throwIn(exc);
            } catch (Exception e) {
                // pass
            }
        }

        make.next();
        Throwable e = catchThrowable(make::next);
        assertUnchanged(e, raised);
        assertThat(trace).containsExactly("caught ValueError", "still ValueError");
        assertThat(make.state()).isEqualTo(Generator.State.CLOSED);
    }

    // test_except_next: no Java meaning (README).

    // ---- test_except_gen_except ----

    @Async
    Generator<Object, Object, Void> exceptGenExceptGen() {
        try {
            Generator.yield(null);
            // we are called from "except ValueError:", TypeError must
            // inherit ValueError in its context (Python only)
            if (true) {
                throw new TypeError();
            }
        } catch (TypeError exc) {
            trace.add("caught TypeError");
        }
        Generator.yield(null);
        trace.add("resumed");
        Generator.yield("done");
        return Generator.done();
    }

    @Test
    void except_gen_except() {
        Generator<Object, Object, Void> g = exceptGenExceptGen();
        g.next();
        try {
            throw new ValueError();
        } catch (Exception e) {
            g.next();
        }
        assertThat(g.next()).isEqualTo("done");
        assertThat(trace).containsExactly("caught TypeError", "resumed");
    }

    // ---- test_except_throw_exception_context ----

    @Async
    Generator<Object, Object, Void> exceptThrowContextGen() {
        try {
            try {
                Generator.yield(null);
            } catch (ValueError e) {
                // we are called from "except ValueError:"
                throw new TypeError();
            }
        } catch (Exception exc) {
            trace.add("caught " + exc.getClass().getSimpleName());
        }
        // we are still called from "except ValueError:"
        Generator.yield(null);
        trace.add("resumed");
        Generator.yield("done");
        return Generator.done();
    }

    @Test
    void except_throw_exception_context() {
        Generator<Object, Object, Void> g = exceptThrowContextGen();
        g.next();
        try {
            throw new ValueError();
        } catch (Exception exc) {
            assertThat(g.throwIn(exc)).isNull();
        }
        assertThat(g.next()).isEqualTo("done");
        assertThat(trace).containsExactly("caught TypeError", "resumed");
    }

    // test_except_throw_bad_exception: no Java meaning (README).

    // ---- test_stopiteration_error ----

    @Async
    static Generator<Object, Object, Void> stopIterationErrorGen(NoSuchElementException raised) {
        if (true) {
            throw raised;
        }
        Generator.yield(null);
        return Generator.done();
    }

    @Test
    void stopiteration_error() {
        // See also PEP 479.
        NoSuchElementException raised = new NoSuchElementException();
        Generator<Object, Object, Void> g = stopIterationErrorGen(raised);
        assertThatThrownBy(g::next)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("raised NoSuchElementException")
                .hasCause(raised);
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
        assertThatThrownBy(g::next).isInstanceOf(NoSuchElementException.class);
    }

    // ---- test_tutorial_stopiteration ----

    @Async
    static Generator<Integer, Object, Void> tutorialStopIterationF() {
        Generator.yield(1);
        if (true) {
            throw new NoSuchElementException();
        }
        Generator.yield(2); // never reached
        return Generator.done();
    }

    @Test
    void tutorial_stopiteration() {
        // Raise StopIteration" stops the generator too:
        Generator<Integer, Object, Void> g = tutorialStopIterationF();
        assertThat(g.next()).isEqualTo(1);
        assertThatThrownBy(g::next)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("raised NoSuchElementException")
                .hasCauseInstanceOf(NoSuchElementException.class);
    }

    // ---- test_return_tuple ----

    @Async
    static Generator<Integer, Object, Object> returnYieldG() {
        return Generator.returning(Generator.yield(1));
    }

    @Test
    void return_tuple() {
        Generator<Integer, Object, Object> gen = returnYieldG();
        assertThat(gen.next()).isEqualTo(1);
        assertThatThrownBy(() -> gen.send(List.of(2))).isInstanceOf(NoSuchElementException.class);
        assertThat(gen.returnValue()).isEqualTo(List.of(2));
    }

    // ---- test_return_stopiteration ----

    @Test
    void return_stopiteration() {
        Generator<Integer, Object, Object> gen = returnYieldG();
        assertThat(gen.next()).isEqualTo(1);
        NoSuchElementException sent = new NoSuchElementException("2");
        Throwable stop = catchThrowable(() -> gen.send(sent));
        assertThat(stop).isInstanceOf(NoSuchElementException.class).isNotSameAs(sent);
        assertThat(gen.returnValue()).isSameAs(sent);
        assertThat(((NoSuchElementException) gen.returnValue()).getMessage()).isEqualTo("2");
    }

    // ======== GeneratorThrowTest ========

    // ---- test_exception_context_with_yield ----

    @Async
    static Generator<Object, Object, Void> contextWithYieldF() {
        try {
            throw new KeyError("a");
        } catch (Exception e) {
            Generator.yield(null);
        }
        return Generator.done();
    }

    @Test
    void exception_context_with_yield() {
        Generator<Object, Object, Void> gen = contextWithYieldF();
        gen.send(null);
        ValueError thrown = new ValueError();
        Throwable e = catchThrowable(() -> gen.throwIn(thrown));
        // Python: its __context__ is the KeyError; Java has no implicit context, Weft adds none
        assertUnchanged(e, thrown);
    }

    // ---- test_exception_context_with_yield_inside_generator ----

    @Async
    Generator<Object, Object, Void> contextInsideGeneratorF() {
        try {
            throw new KeyError("a");
        } catch (Exception e) {
            try {
                Generator.yield(null);
            } catch (Exception exc) {
                trace.add(exc.getClass().getSimpleName());
                trace.add(exc.getCause());
                Generator.yield("b");
            }
        }
        return Generator.done();
    }

    @Test
    void exception_context_with_yield_inside_generator() {
        // Check that the context is also available from inside the generator
        // with yield, as opposed to outside (Java: the exception arrives unchanged).
        Generator<Object, Object, Void> gen = contextInsideGeneratorF();
        gen.send(null);
        Object actual = gen.throwIn(new ValueError());
        // This ensures that the assertions inside were executed.
        assertThat(actual).isEqualTo("b");
        assertThat(trace).containsExactly("ValueError", null);
    }

    // ---- test_exception_context_with_yield_from ----

    @Async
    static Generator<Object, Object, Void> contextYieldFromF() {
        Generator.yield(null);
        return Generator.done();
    }

    @Async
    static Generator<Object, Object, Void> contextYieldFromG() {
        try {
            throw new KeyError("a");
        } catch (Exception e) {
            Generator.yieldFrom(contextYieldFromF());
        }
        return Generator.done();
    }

    @Test
    void exception_context_with_yield_from() {
        Generator<Object, Object, Void> gen = contextYieldFromG();
        gen.send(null);
        ValueError thrown = new ValueError();
        Throwable e = catchThrowable(() -> gen.throwIn(thrown));
        assertUnchanged(e, thrown);
    }

    // ---- test_exception_context_with_yield_from_with_context_cycle ----

    Throwable caughtInG;

    @Async
    Generator<Object, Object, Void> contextCycleG(RuntimeException exc) {
        try {
            throw exc;
        } catch (Exception e) {
            try {
                Generator.yieldFrom(contextYieldFromF());
            } catch (Exception exc2) {
                caughtInG = exc2;
            }
        }
        Generator.yield(null);
        return Generator.done();
    }

    @Test
    void exception_context_with_yield_from_with_context_cycle() {
        // Check trying to create an exception context cycle:
        // https://bugs.python.org/issue40696
        KeyError exc = new KeyError("a");
        Generator<Object, Object, Void> gen = contextCycleG(exc);
        gen.send(null);
        assertThat(gen.throwIn(exc)).isNull();
        // Python: has_cycle is False. Java: the very exception, its cause not turned into itself
        assertUnchanged(caughtInG, exc);
    }

    // ---- test_throw_after_none_exc_type ----

    @Async
    static Generator<Object, Object, Void> throwAfterNoneExcTypeG() {
        try {
            throw new KeyError();
        } catch (KeyError e) {
            // pass
        }

        try {
            Generator.yield(null);
        } catch (Exception e) {
            throw new RuntimeException();
        }
        return Generator.done();
    }

    @Test
    void throw_after_none_exc_type() {
        Generator<Object, Object, Void> gen = throwAfterNoneExcTypeG();
        gen.send(null);
        assertThatThrownBy(() -> gen.throwIn(new ValueError())).isExactlyInstanceOf(RuntimeException.class);
    }

    // ======== GeneratorStackTraceTest ========

    // test_send_with_yield_from, test_throw_with_yield_from: no Java meaning (README).

    // ======== YieldFromTests ========

    // ---- test_generator_gi_yieldfrom ----
    // gi_yieldfrom has no Weft counterpart; the state() checks are ported.

    Generator<Object, Object, Void> genB;

    @Async
    Generator<Object, Object, Void> giYieldFromA() {
        assertThat(genB.state()).isEqualTo(Generator.State.RUNNING);
        trace.add("a: running");
        Generator.yield(null);
        assertThat(genB.state()).isEqualTo(Generator.State.RUNNING);
        trace.add("a: running again");
        return Generator.done();
    }

    @Async
    Generator<Object, Object, Void> giYieldFromB() {
        Generator.yieldFrom(giYieldFromA());
        Generator.yield(null);
        return Generator.done();
    }

    @Test
    void generator_gi_yieldfrom() {
        genB = giYieldFromB();
        assertThat(genB.state()).isEqualTo(Generator.State.CREATED);

        genB.send(null);
        assertThat(genB.state()).isEqualTo(Generator.State.SUSPENDED);

        genB.send(null);
        assertThat(genB.state()).isEqualTo(Generator.State.SUSPENDED);

        assertThat(list(genB)).isEmpty(); // Exhaust generator
        assertThat(genB.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(trace).containsExactly("a: running", "a: running again");
    }
}
