package dev.weft.conformance;

import static dev.weft.conformance.Py.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.Async;
import dev.weft.Generator;
import dev.weft.GeneratorExit;
import dev.weft.conformance.Py.TypeError;
import dev.weft.conformance.Py.ValueError;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * The doctest {@code coroutine_tests} of CPython's {@code Lib/test/test_generators.py}: yield
 * expressions (PEP 342), {@code send}, {@code throw} and {@code close}; one test per example,
 * named {@code co_<what it shows>}. What the doctest prints goes to {@link #out}.
 */
class GeneratorsCoroutineTest {

    /** What the doctest prints, one element per line. */
    final List<String> out = new ArrayList<>();

    void print(Object line) {
        out.add(String.valueOf(line));
    }

    static String str(Throwable e) {
        return e.getMessage() == null ? "" : e.getMessage();
    }

    // ---- Sending a value into a started generator ----

    @Async
    Generator<Integer, Integer, Void> sendF() {
        print(Generator.<Integer>yield(1));
        Generator.yield(2);
        return Generator.done();
    }

    @Test
    void co_send_value_into_started_generator() {
        Generator<Integer, Integer, Void> g = sendF();
        assertThat(g.next()).isEqualTo(1);
        assertThat(g.send(42)).isEqualTo(2);
        assertThat(out).containsExactly("42");
    }

    // ---- Sending a value into a new generator produces a TypeError ----

    @Test
    void co_send_value_into_new_generator() {
        assertThatThrownBy(() -> sendF().send(42))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("can't send non-null value to a just-started generator");
        assertThat(out).isEmpty();
    }

    // ---- Yield by itself yields None ----

    @Async
    static Generator<Object, Object, Void> yieldNothingF() {
        Generator.yield(null);
        return Generator.done();
    }

    @Test
    void co_yield_by_itself_yields_none() {
        assertThat(list(yieldNothingF())).containsExactly((Object) null);
    }

    // ---- A yield expression with augmented assignment ----

    @Async
    static Generator<Object, Integer, Void> coroutine(List<Integer> seq) {
        int count = 0;
        while (count < 200) {
            count += Generator.<Integer>yield(null);
            seq.add(count);
        }
        return Generator.done();
    }

    @Test
    void co_yield_with_augmented_assignment() {
        List<Integer> seq = new ArrayList<>();
        Generator<Object, Integer, Void> c = coroutine(seq);
        assertThat(c.next()).isNull();
        assertThat(seq).isEmpty();
        assertThat(c.send(10)).isNull();
        assertThat(seq).containsExactly(10);
        assertThat(c.send(10)).isNull();
        assertThat(seq).containsExactly(10, 20);
        assertThat(c.send(10)).isNull();
        assertThat(seq).containsExactly(10, 20, 30);
    }

    // ---- Now check some throw() conditions ----
    // Python's throw(type), throw(type, value), throw(type, value, traceback) and the TypeErrors
    // for bad arguments have no Java meaning: throwIn takes one Throwable.

    @Async
    Generator<Object, Object, Void> throwF() {
        while (true) {
            try {
                print(Generator.yield(null));
            } catch (ValueError v) {
                print("caught ValueError (" + str(v) + ")");
            }
        }
    }

    @Test
    void co_throw_conditions() {
        Generator<Object, Object, Void> g = throwF();
        assertThat(g.next()).isNull();
        assertThat(out).isEmpty();

        assertThat(g.throwIn(new ValueError())).isNull(); // type only
        assertThat(out).containsExactly("caught ValueError ()");

        assertThat(g.throwIn(new ValueError("xyz"))).isNull(); // value only
        assertThat(out).containsExactly("caught ValueError ()", "caught ValueError (xyz)");

        // do it with traceback included: an exception that was raised and caught
        try {
            throw new ValueError();
        } catch (ValueError exc) {
            assertThat(g.throwIn(exc)).isNull();
        }
        assertThat(out).containsExactly("caught ValueError ()", "caught ValueError (xyz)", "caught ValueError ()");

        out.clear();
        assertThat(g.send(1)).isNull();
        assertThat(out).containsExactly("1");

        // terminate the generator
        TypeError typeError = new TypeError();
        assertThat(catchThrowable(() -> g.throwIn(typeError))).isSameAs(typeError);
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED); // print(g.gi_frame) -> None

        assertThatThrownBy(() -> g.send(2)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void co_throw_on_closed_generator() {
        Generator<Object, Object, Void> g = throwF();
        g.next();
        assertThatThrownBy(() -> g.throwIn(new TypeError())).isInstanceOf(TypeError.class);
        // Python re-raises the exception thrown into a finished generator (ValueError: 6);
        // Weft's DESIGN answers NoSuchElementException, as for next() and send().
        assertThatThrownBy(() -> g.throwIn(new ValueError("6"))).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void co_throw_on_just_opened_generator() {
        Generator<Object, Object, Void> g = throwF();
        ValueError seven = new ValueError("7");
        assertThat(catchThrowable(() -> g.throwIn(seven))).isSameAs(seven);
        assertThat(out).isEmpty(); // the body never ran, so it could not catch it
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
        assertThatThrownBy(g::next).isInstanceOf(NoSuchElementException.class);
    }

    // ---- Plain "raise" inside a generator should preserve the traceback (#13188) ----
    // Java: the exception thrown in and raised again keeps the stack trace it was created with.

    @Async
    static Generator<Object, Object, Void> reraiseF() {
        try {
            Generator.yield(null);
        } catch (Throwable e) {
            throw e;
        }
        return Generator.done();
    }

    @Test
    void co_plain_raise_preserves_traceback() {
        Generator<Object, Object, Void> g = reraiseF();
        g.next();
        ArithmeticException v = catchArithmetic();
        StackTraceElement[] tb = v.getStackTrace().clone();
        Throwable w = catchThrowable(() -> g.throwIn(v));
        assertThat(w).isSameAs(v);
        assertThat(w.getStackTrace()).isEqualTo(tb);
        assertThat(w.getCause()).isNull();
        assertThat(w.getSuppressed()).isEmpty();
    }

    private static ArithmeticException catchArithmetic() {
        try {
            int zero = 0;
            int q = 1 / zero;
            throw new AssertionError(q);
        } catch (ArithmeticException v) {
            return v;
        }
    }

    // ---- Now let's try closing a generator ----

    @Async
    Generator<Object, Object, Void> closeF() {
        try {
            Generator.yield(null);
        } catch (GeneratorExit e) {
            print("exiting");
        }
        return Generator.done();
    }

    @Async
    static Generator<Object, Object, Void> simplerF() {
        Generator.yield(null); // an even simpler generator
        return Generator.done();
    }

    @Test
    void co_close() {
        Generator<Object, Object, Void> g = closeF();
        g.next();
        g.close();
        assertThat(out).containsExactly("exiting");
        g.close(); // should be no-op now
        assertThat(out).containsExactly("exiting");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);

        closeF().close(); // close on just-opened generator should be fine
        assertThat(out).containsExactly("exiting");

        Generator<Object, Object, Void> before = simplerF();
        before.close(); // close before opening
        assertThat(before.state()).isEqualTo(Generator.State.CLOSED);
        assertThatThrownBy(before::next).isInstanceOf(NoSuchElementException.class);
        Generator<Object, Object, Void> h = simplerF();
        h.next();
        h.close(); // close normally
        assertThat(h.state()).isEqualTo(Generator.State.CLOSED);
    }

    // ---- And finalization (del g; gc_collect()): no Java meaning (README) ----

    // ---- GeneratorExit is not caught by except Exception ----
    // Python shows it through finalization (del g); the Java twin closes the generator.

    @Async
    Generator<Object, Object, Void> exceptExceptionF() {
        try {
            Generator.yield(null);
        } catch (Exception e) {
            print("except");
        } finally {
            print("finally");
        }
        return Generator.done();
    }

    @Test
    void co_generatorexit_not_caught_by_except_exception() {
        Generator<Object, Object, Void> g = exceptExceptionF();
        g.next();
        g.close();
        assertThat(out).containsExactly("finally");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    // ---- Now let's try some ill-behaved generators ----

    @Async
    static Generator<Object, Object, Void> illBehavedF() {
        try {
            Generator.yield(null);
        } catch (GeneratorExit e) {
            Generator.yield("foo!");
        }
        return Generator.done();
    }

    @Test
    void co_ill_behaved_generator() {
        Generator<Object, Object, Void> g = illBehavedF();
        g.next();
        assertThatThrownBy(g::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("generator ignored GeneratorExit");
        g.close();
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    // ---- Our ill-behaved code should be invoked during GC: no Java meaning (README) ----

    // ---- And errors thrown during closing should propagate ----

    @Async
    static Generator<Object, Object, Void> fieF() {
        try {
            Generator.yield(null);
        } catch (GeneratorExit e) {
            throw new TypeError("fie!");
        }
        return Generator.done();
    }

    @Test
    void co_errors_during_close_propagate() {
        Generator<Object, Object, Void> g = fieF();
        g.next();
        assertThatThrownBy(g::close).isInstanceOf(TypeError.class).hasMessage("fie!");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    // ---- Yield expressions as subscripts of a chained assignment ----
    // Python: def f(d): d[(yield "a")] = d[(yield "b")] = 27. Python assigns the targets left to
    // right after evaluating 27, so data is [27, 2] after the second yield. Java evaluates the
    // array and index of the outer target first, then the whole inner assignment: the outer
    // array and index stay on the operand stack across the second yield, and both stores happen
    // after it. The end state is Python's.

    @Async
    static Generator<String, Integer, Void> subscriptF(int[] d) {
        d[Generator.<Integer>yield("a")] = d[Generator.<Integer>yield("b")] = 27;
        return Generator.done();
    }

    @Test
    void co_yield_in_subscript_assignment_targets() {
        int[] data = {1, 2};
        Generator<String, Integer, Void> g = subscriptF(data);
        assertThat(g.send(null)).isEqualTo("a");
        assertThat(data).containsExactly(1, 2);
        assertThat(g.send(0)).isEqualTo("b");
        assertThat(data).containsExactly(1, 2); // Python: [27, 2]
        assertThatThrownBy(() -> g.send(1)).isInstanceOf(NoSuchElementException.class);
        assertThat(data).containsExactly(27, 27);
    }
}
