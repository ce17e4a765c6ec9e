package dev.weft.conformance;

import static dev.weft.conformance.Py.list;
import static dev.weft.conformance.Py.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.Async;
import dev.weft.Generator;
import dev.weft.GeneratorExit;
import dev.weft.conformance.Py.ValueError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * CPython's {@code Lib/test/test_yield_from.py} (PEP 380), class {@code TestPEP380Operation}, one
 * test per Python case, named after it without the {@code test_} prefix. The generators of each
 * case are the instance methods just above it, prefixed with a short name of the case.
 *
 * <p>Python's {@code "%s" % x} and {@code repr(x)} become Java's {@code String.valueOf(x)}: None is
 * {@code null}, the tuple {@code (2,)} is {@code List.of(2)}, {@code StopIteration(3)} is
 * {@code new NoSuchElementException("3")}.
 */
class YieldFromTest {

    /** The trace each case appends to (a new test instance, so a new trace, per case). */
    final List<Object> trace = new ArrayList<>();

    // ---- test_delegation_of_initial_next_to_subgenerator ----

    @Async
    Generator<Integer, Object, Void> initialNextG1() {
        trace.add("Starting g1");
        Generator.yieldFrom(initialNextG2());
        trace.add("Finishing g1");
        return Generator.done();
    }

    @Async
    Generator<Integer, Object, Void> initialNextG2() {
        trace.add("Starting g2");
        Generator.yield(42);
        trace.add("Finishing g2");
        return Generator.done();
    }

    @Test
    void delegation_of_initial_next_to_subgenerator() {
        for (Integer x : initialNextG1()) {
            trace.add("Yielded " + x);
        }
        assertThat(trace).containsExactly(
                "Starting g1",
                "Starting g2",
                "Yielded 42",
                "Finishing g2",
                "Finishing g1");
    }

    // ---- test_raising_exception_in_initial_next_call ----

    @Async
    Generator<Object, Object, Void> raisingInitialG1() {
        try {
            trace.add("Starting g1");
            Generator.yieldFrom(raisingInitialG2());
        } finally {
            trace.add("Finishing g1");
        }
        return Generator.done();
    }

    @Async
    Generator<Object, Object, Void> raisingInitialG2() {
        try {
            trace.add("Starting g2");
            if (true) {
                throw new ValueError("spanish inquisition occurred");
            }
        } finally {
            trace.add("Finishing g2");
        }
        return Generator.done();
    }

    @Test
    void raising_exception_in_initial_next_call() {
        Throwable e = catchThrowable(() -> {
            Generator<Object, Object, Void> g1 = raisingInitialG1();
            assertThat(trace).isEmpty(); // nothing runs before the first next()
            for (Object x : g1) {
                trace.add("Yielded " + x);
            }
        });
        assertThat(e).isInstanceOf(ValueError.class).hasMessage("spanish inquisition occurred");
        assertThat(trace).containsExactly(
                "Starting g1",
                "Starting g2",
                "Finishing g2",
                "Finishing g1");
    }

    // ---- test_delegation_of_next_call_to_subgenerator ----

    @Async
    Generator<String, Object, Void> nextCallG1() {
        trace.add("Starting g1");
        Generator.yield("g1 ham");
        Generator.yieldFrom(nextCallG2());
        Generator.yield("g1 eggs");
        trace.add("Finishing g1");
        return Generator.done();
    }

    @Async
    Generator<String, Object, Void> nextCallG2() {
        trace.add("Starting g2");
        Generator.yield("g2 spam");
        Generator.yield("g2 more spam");
        trace.add("Finishing g2");
        return Generator.done();
    }

    @Test
    void delegation_of_next_call_to_subgenerator() {
        for (String x : nextCallG1()) {
            trace.add("Yielded " + x);
        }
        assertThat(trace).containsExactly(
                "Starting g1",
                "Yielded g1 ham",
                "Starting g2",
                "Yielded g2 spam",
                "Yielded g2 more spam",
                "Finishing g2",
                "Yielded g1 eggs",
                "Finishing g1");
    }

    // ---- test_raising_exception_in_delegated_next_call ----

    @Async
    Generator<String, Object, Void> raisingDelegatedG1() {
        try {
            trace.add("Starting g1");
            Generator.yield("g1 ham");
            Generator.yieldFrom(raisingDelegatedG2());
            Generator.yield("g1 eggs");
        } finally {
            trace.add("Finishing g1");
        }
        return Generator.done();
    }

    @Async
    Generator<String, Object, Void> raisingDelegatedG2() {
        try {
            trace.add("Starting g2");
            Generator.yield("g2 spam");
            if (true) {
                throw new ValueError("hovercraft is full of eels");
            }
            Generator.yield("g2 more spam");
        } finally {
            trace.add("Finishing g2");
        }
        return Generator.done();
    }

    @Test
    void raising_exception_in_delegated_next_call() {
        Throwable e = catchThrowable(() -> {
            for (String x : raisingDelegatedG1()) {
                trace.add("Yielded " + x);
            }
        });
        assertThat(e).isInstanceOf(ValueError.class).hasMessage("hovercraft is full of eels");
        assertThat(trace).containsExactly(
                "Starting g1",
                "Yielded g1 ham",
                "Starting g2",
                "Yielded g2 spam",
                "Finishing g2",
                "Finishing g1");
    }

    // ---- test_delegation_of_send ----

    @Async
    Generator<String, Integer, Void> sendG1() {
        trace.add("Starting g1");
        Integer x = Generator.yield("g1 ham");
        trace.add("g1 received " + x);
        Generator.yieldFrom(sendG2());
        x = Generator.yield("g1 eggs");
        trace.add("g1 received " + x);
        trace.add("Finishing g1");
        return Generator.done();
    }

    @Async
    Generator<String, Integer, Void> sendG2() {
        trace.add("Starting g2");
        Integer x = Generator.yield("g2 spam");
        trace.add("g2 received " + x);
        x = Generator.yield("g2 more spam");
        trace.add("g2 received " + x);
        trace.add("Finishing g2");
        return Generator.done();
    }

    @Test
    void delegation_of_send() {
        Generator<String, Integer, Void> g = sendG1();
        g.next();
        int x = 1;
        try {
            while (true) {
                String y = g.send(x);
                trace.add("Yielded " + y);
                x += 1;
            }
        } catch (NoSuchElementException stop) {
            // StopIteration
        }
        assertThat(trace).containsExactly(
                "Starting g1",
                "g1 received 1",
                "Starting g2",
                "Yielded g2 spam",
                "g2 received 2",
                "Yielded g2 more spam",
                "g2 received 3",
                "Finishing g2",
                "Yielded g1 eggs",
                "g1 received 4",
                "Finishing g1");
    }

    // ---- test_handling_exception_while_delegating_send ----

    @Async
    Generator<String, Integer, Void> sendRaisingG1() {
        trace.add("Starting g1");
        Integer x = Generator.yield("g1 ham");
        trace.add("g1 received " + x);
        Generator.yieldFrom(sendRaisingG2());
        x = Generator.yield("g1 eggs");
        trace.add("g1 received " + x);
        trace.add("Finishing g1");
        return Generator.done();
    }

    @Async
    Generator<String, Integer, Void> sendRaisingG2() {
        trace.add("Starting g2");
        Integer x = Generator.yield("g2 spam");
        trace.add("g2 received " + x);
        if (true) {
            throw new ValueError("hovercraft is full of eels");
        }
        x = Generator.yield("g2 more spam");
        trace.add("g2 received " + x);
        trace.add("Finishing g2");
        return Generator.done();
    }

    @Test
    void handling_exception_while_delegating_send() {
        Runnable run = () -> {
            Generator<String, Integer, Void> g = sendRaisingG1();
            g.next();
            int x = 1;
            try {
                while (true) {
                    String y = g.send(x);
                    trace.add("Yielded " + y);
                    x += 1;
                }
            } catch (NoSuchElementException stop) {
                trace.add("StopIteration");
            }
        };
        assertThatThrownBy(run::run).isInstanceOf(ValueError.class);
        assertThat(trace).containsExactly(
                "Starting g1",
                "g1 received 1",
                "Starting g2",
                "Yielded g2 spam",
                "g2 received 2");
    }

    // ---- test_delegating_close ----

    @Async
    Generator<String, Object, Void> closeG1() {
        try {
            trace.add("Starting g1");
            Generator.yield("g1 ham");
            Generator.yieldFrom(closeG2());
            Generator.yield("g1 eggs");
        } finally {
            trace.add("Finishing g1");
        }
        return Generator.done();
    }

    @Async
    Generator<String, Object, Void> closeG2() {
        try {
            trace.add("Starting g2");
            Generator.yield("g2 spam");
            Generator.yield("g2 more spam");
        } finally {
            trace.add("Finishing g2");
        }
        return Generator.done();
    }

    @Test
    void delegating_close() {
        Generator<String, Object, Void> g = closeG1();
        for (int i = 0; i < 2; i++) {
            String x = g.next();
            trace.add("Yielded " + x);
        }
        g.close();
        assertThat(trace).containsExactly(
                "Starting g1",
                "Yielded g1 ham",
                "Starting g2",
                "Yielded g2 spam",
                "Finishing g2",
                "Finishing g1");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    // ---- test_handing_exception_while_delegating_close ----

    @Async
    Generator<String, Object, Void> closeRaisingG1() {
        try {
            trace.add("Starting g1");
            Generator.yield("g1 ham");
            Generator.yieldFrom(closeRaisingG2());
            Generator.yield("g1 eggs");
        } finally {
            trace.add("Finishing g1");
        }
        return Generator.done();
    }

    @Async
    Generator<String, Object, Void> closeRaisingG2() {
        try {
            trace.add("Starting g2");
            Generator.yield("g2 spam");
            Generator.yield("g2 more spam");
        } finally {
            trace.add("Finishing g2");
            if (true) {
                throw new ValueError("nybbles have exploded with delight");
            }
        }
        return Generator.done();
    }

    @Test
    void handing_exception_while_delegating_close() {
        Throwable e = catchThrowable(() -> {
            Generator<String, Object, Void> g = closeRaisingG1();
            for (int i = 0; i < 2; i++) {
                String x = g.next();
                trace.add("Yielded " + x);
            }
            g.close();
        });
        // Python also checks e.__context__ is a GeneratorExit: Java has no implicit exception context
        assertThat(e).isInstanceOf(ValueError.class).hasMessage("nybbles have exploded with delight");
        assertThat(trace).containsExactly(
                "Starting g1",
                "Yielded g1 ham",
                "Starting g2",
                "Yielded g2 spam",
                "Finishing g2",
                "Finishing g1");
    }

    // ---- test_delegating_throw ----

    @Async
    Generator<String, Object, Void> throwG1() {
        try {
            trace.add("Starting g1");
            Generator.yield("g1 ham");
            Generator.yieldFrom(throwG2());
            Generator.yield("g1 eggs");
        } finally {
            trace.add("Finishing g1");
        }
        return Generator.done();
    }

    @Async
    Generator<String, Object, Void> throwG2() {
        try {
            trace.add("Starting g2");
            Generator.yield("g2 spam");
            Generator.yield("g2 more spam");
        } finally {
            trace.add("Finishing g2");
        }
        return Generator.done();
    }

    @Test
    void delegating_throw() {
        ValueError thrown = new ValueError("tomato ejected");
        Throwable e = catchThrowable(() -> {
            Generator<String, Object, Void> g = throwG1();
            for (int i = 0; i < 2; i++) {
                String x = g.next();
                trace.add("Yielded " + x);
            }
            g.throwIn(thrown);
        });
        assertThat(e).isSameAs(thrown).hasMessage("tomato ejected");
        assertThat(trace).containsExactly(
                "Starting g1",
                "Yielded g1 ham",
                "Starting g2",
                "Yielded g2 spam",
                "Finishing g2",
                "Finishing g1");
    }

    // test_value_attribute_of_StopIteration_exception: no Java meaning (README).

    // ---- test_exception_value_crash ----

    @Async
    Generator<String, Object, Void> valueCrashG1() {
        Generator.yieldFrom(valueCrashG2());
        return Generator.done();
    }

    @Async
    Generator<String, Object, List<Integer>> valueCrashG2() {
        Generator.yield("g2");
        return Generator.returning(new ArrayList<>(List.of(42)));
    }

    @Test
    void exception_value_crash() {
        assertThat(list(valueCrashG1())).containsExactly("g2");
    }

    // ---- test_generator_return_value ----

    @Async
    Generator<String, Object, Void> returnValueG1() {
        trace.add("Starting g1");
        Generator.yield("g1 ham");
        Object ret = Generator.yieldFrom(returnValueG2(null));
        trace.add("g2 returned " + ret);
        for (Object v : Arrays.asList(1, List.of(2), new NoSuchElementException("3"))) {
            ret = Generator.yieldFrom(returnValueG2(v));
            trace.add("g2 returned " + ret);
        }
        Generator.yield("g1 eggs");
        trace.add("Finishing g1");
        return Generator.done();
    }

    @Async
    Generator<String, Object, Object> returnValueG2(Object v) {
        trace.add("Starting g2");
        Generator.yield("g2 spam");
        Generator.yield("g2 more spam");
        trace.add("Finishing g2");
        if (v != null) {
            return Generator.returning(v);
        }
        return Generator.done();
    }

    @Test
    void generator_return_value() {
        for (String x : returnValueG1()) {
            trace.add("Yielded " + x);
        }
        assertThat(trace).containsExactly(
                "Starting g1",
                "Yielded g1 ham",
                "Starting g2",
                "Yielded g2 spam",
                "Yielded g2 more spam",
                "Finishing g2",
                "g2 returned null",
                "Starting g2",
                "Yielded g2 spam",
                "Yielded g2 more spam",
                "Finishing g2",
                "g2 returned 1",
                "Starting g2",
                "Yielded g2 spam",
                "Yielded g2 more spam",
                "Finishing g2",
                "g2 returned [2]",
                "Starting g2",
                "Yielded g2 spam",
                "Yielded g2 more spam",
                "Finishing g2",
                "g2 returned java.util.NoSuchElementException: 3",
                "Yielded g1 eggs",
                "Finishing g1");
    }

    // ---- test_delegation_of_next_to_non_generator ----

    @Async
    Generator<Integer, Object, Void> nonGeneratorG() {
        Generator.yieldFrom(range(3));
        return Generator.done();
    }

    @Test
    void delegation_of_next_to_non_generator() {
        for (Integer x : nonGeneratorG()) {
            trace.add("Yielded " + x);
        }
        assertThat(trace).containsExactly(
                "Yielded 0",
                "Yielded 1",
                "Yielded 2");
    }

    // ---- test_conversion_of_sendNone_to_next ----

    @Async
    Generator<Integer, Object, Void> sendNoneG() {
        Generator.yieldFrom(range(3));
        return Generator.done();
    }

    @Test
    void conversion_of_sendNone_to_next() {
        Generator<Integer, Object, Void> gi = sendNoneG();
        for (int x = 0; x < 3; x++) {
            Integer y = gi.send(null);
            trace.add("Yielded: " + y);
        }
        assertThat(trace).containsExactly(
                "Yielded: 0",
                "Yielded: 1",
                "Yielded: 2");
    }

    // ---- test_delegation_of_close_to_non_generator ----

    @Async
    Generator<Integer, Object, Void> closeNonGeneratorG() {
        try {
            trace.add("starting g");
            Generator.yieldFrom(range(3));
            trace.add("g should not be here");
        } finally {
            trace.add("finishing g");
        }
        return Generator.done();
    }

    @Test
    void delegation_of_close_to_non_generator() {
        Generator<Integer, Object, Void> gi = closeNonGeneratorG();
        gi.next();
        // Python also checks that nothing was written to stderr; close() here either returns or throws
        gi.close();
        assertThat(trace).containsExactly(
                "starting g",
                "finishing g");
        assertThat(gi.state()).isEqualTo(Generator.State.CLOSED);
    }

    // ---- test_delegating_throw_to_non_generator ----

    @Async
    Generator<Integer, Object, Void> throwNonGeneratorG() {
        try {
            trace.add("Starting g");
            Generator.yieldFrom(range(10));
        } finally {
            trace.add("Finishing g");
        }
        return Generator.done();
    }

    @Test
    void delegating_throw_to_non_generator() {
        ValueError thrown = new ValueError("tomato ejected");
        Throwable e = catchThrowable(() -> {
            Generator<Integer, Object, Void> gi = throwNonGeneratorG();
            for (int i = 0; i < 5; i++) {
                Integer x = gi.next();
                trace.add("Yielded " + x);
            }
            gi.throwIn(thrown);
        });
        assertThat(e).isSameAs(thrown).hasMessage("tomato ejected");
        assertThat(trace).containsExactly(
                "Starting g",
                "Yielded 0",
                "Yielded 1",
                "Yielded 2",
                "Yielded 3",
                "Yielded 4",
                "Finishing g");
    }

    // ---- test_attempting_to_send_to_non_generator ----

    @Async
    Generator<Integer, Integer, Void> sendNonGeneratorG() {
        try {
            trace.add("starting g");
            Generator.yieldFrom(range(3));
            trace.add("g should not be here");
        } finally {
            trace.add("finishing g");
        }
        return Generator.done();
    }

    @Test
    void attempting_to_send_to_non_generator() {
        // Python: AttributeError ('range_iterator' object has no attribute 'send'); Weft: IllegalStateException
        Throwable e = catchThrowable(() -> {
            Generator<Integer, Integer, Void> gi = sendNonGeneratorG();
            gi.next();
            for (int x = 0; x < 3; x++) {
                Integer y = gi.send(42);
                trace.add("Should not have yielded: " + y);
            }
        });
        assertThat(e).isInstanceOf(IllegalStateException.class).hasMessageContaining("send");
        assertThat(trace).containsExactly(
                "starting g",
                "finishing g");
    }

    // test_broken_getattr_handling: no Java meaning (README).

    // ---- test_exception_in_initial_next_call ----

    @Async
    Generator<Integer, Object, Void> initialExceptionG1() {
        trace.add("g1 about to yield from g2");
        Generator.yieldFrom(initialExceptionG2());
        trace.add("g1 should not be here");
        return Generator.done();
    }

    @Async
    Generator<Integer, Object, Void> initialExceptionG2() {
        int zero = 0;
        Generator.yield(1 / zero);
        return Generator.done();
    }

    @Test
    void exception_in_initial_next_call() {
        Runnable run = () -> {
            Generator<Integer, Object, Void> gi = initialExceptionG1();
            assertThat(trace).isEmpty(); // nothing runs before the first next()
            gi.next();
        };
        assertThatThrownBy(run::run).isInstanceOf(ArithmeticException.class);
        assertThat(trace).containsExactly("g1 about to yield from g2");
    }

    // ---- test_attempted_yield_from_loop ----

    Generator<String, Object, Void> loopGi;

    @Async
    Generator<String, Object, Void> loopG1() {
        trace.add("g1: starting");
        Generator.yield("y1");
        trace.add("g1: about to yield from g2");
        Generator.yieldFrom(loopG2());
        trace.add("g1 should not be here");
        return Generator.done();
    }

    @Async
    Generator<String, Object, Void> loopG2() {
        trace.add("g2: starting");
        Generator.yield("y2");
        trace.add("g2: about to yield from g1");
        Generator.yieldFrom(loopGi);
        trace.add("g2 should not be here");
        return Generator.done();
    }

    @Test
    void attempted_yield_from_loop() {
        Throwable e = catchThrowable(() -> {
            loopGi = loopG1();
            for (String y : loopGi) {
                trace.add("Yielded: " + y);
            }
        });
        assertThat(e).isInstanceOf(IllegalStateException.class).hasMessage("generator already executing");
        assertThat(trace).containsExactly(
                "g1: starting",
                "Yielded: y1",
                "g1: about to yield from g2",
                "g2: starting",
                "Yielded: y2",
                "g2: about to yield from g1");
    }

    // ---- test_returning_value_from_delegated_throw ----

    static class LunchError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LunchError(String message) {
            super(message);
        }
    }

    @Async
    Generator<String, Object, Void> delegatedThrowG1() {
        try {
            trace.add("Starting g1");
            Generator.yield("g1 ham");
            Generator.yieldFrom(delegatedThrowG2());
            Generator.yield("g1 eggs");
        } finally {
            trace.add("Finishing g1");
        }
        return Generator.done();
    }

    @Async
    Generator<String, Object, Void> delegatedThrowG2() {
        try {
            trace.add("Starting g2");
            Generator.yield("g2 spam");
            Generator.yield("g2 more spam");
        } catch (LunchError e) {
            trace.add("Caught LunchError in g2");
            Generator.yield("g2 lunch saved");
            Generator.yield("g2 yet more spam");
        }
        return Generator.done();
    }

    @Test
    void returning_value_from_delegated_throw() {
        Generator<String, Object, Void> g = delegatedThrowG1();
        for (int i = 0; i < 2; i++) {
            String x = g.next();
            trace.add("Yielded " + x);
        }
        LunchError e = new LunchError("tomato ejected");
        assertThat(g.throwIn(e)).isEqualTo("g2 lunch saved");
        for (String x : g) {
            trace.add("Yielded " + x);
        }
        assertThat(trace).containsExactly(
                "Starting g1",
                "Yielded g1 ham",
                "Starting g2",
                "Yielded g2 spam",
                "Caught LunchError in g2",
                "Yielded g2 yet more spam",
                "Yielded g1 eggs",
                "Finishing g1");
    }

    // ---- test_next_and_return_with_value ----

    void nextAndReturnF(Object r) {
        Generator<Object, Object, Object> gi = nextAndReturnG(r);
        gi.next();
        try {
            trace.add("f resuming g");
            gi.next();
            trace.add("f SHOULD NOT BE HERE");
        } catch (NoSuchElementException e) {
            trace.add("f caught StopIteration(" + gi.returnValue() + ")");
        }
    }

    @Async
    Generator<Object, Object, Object> nextAndReturnG(Object r) {
        trace.add("g starting");
        Generator.yield(null);
        trace.add("g returning " + r);
        return Generator.returning(r);
    }

    @Test
    void next_and_return_with_value() {
        nextAndReturnF(null);
        nextAndReturnF(1);
        nextAndReturnF(List.of(2));
        nextAndReturnF(new NoSuchElementException("3"));
        assertThat(trace).containsExactly(
                "g starting",
                "f resuming g",
                "g returning null",
                "f caught StopIteration(null)",
                "g starting",
                "f resuming g",
                "g returning 1",
                "f caught StopIteration(1)",
                "g starting",
                "f resuming g",
                "g returning [2]",
                "f caught StopIteration([2])",
                "g starting",
                "f resuming g",
                "g returning java.util.NoSuchElementException: 3",
                "f caught StopIteration(java.util.NoSuchElementException: 3)");
    }

    // ---- test_send_and_return_with_value ----

    void sendAndReturnF(Object r) {
        Generator<Object, String, Object> gi = sendAndReturnG(r);
        gi.next();
        try {
            trace.add("f sending spam to g");
            gi.send("spam");
            trace.add("f SHOULD NOT BE HERE");
        } catch (NoSuchElementException e) {
            trace.add("f caught StopIteration(" + gi.returnValue() + ")");
        }
    }

    @Async
    Generator<Object, String, Object> sendAndReturnG(Object r) {
        trace.add("g starting");
        String x = Generator.yield(null);
        trace.add("g received '" + x + "'");
        trace.add("g returning " + r);
        return Generator.returning(r);
    }

    @Test
    void send_and_return_with_value() {
        sendAndReturnF(null);
        sendAndReturnF(1);
        sendAndReturnF(List.of(2));
        sendAndReturnF(new NoSuchElementException("3"));
        assertThat(trace).containsExactly(
                "g starting",
                "f sending spam to g",
                "g received 'spam'",
                "g returning null",
                "f caught StopIteration(null)",
                "g starting",
                "f sending spam to g",
                "g received 'spam'",
                "g returning 1",
                "f caught StopIteration(1)",
                "g starting",
                "f sending spam to g",
                "g received 'spam'",
                "g returning [2]",
                "f caught StopIteration([2])",
                "g starting",
                "f sending spam to g",
                "g received 'spam'",
                "g returning java.util.NoSuchElementException: 3",
                "f caught StopIteration(java.util.NoSuchElementException: 3)");
    }

    // ---- test_catching_exception_from_subgen_and_returning ----

    @Async
    Generator<Object, Object, Object> catchingInner(Object value) {
        try {
            Generator.yield(1);
        } catch (ValueError e) {
            trace.add("inner caught ValueError");
        }
        return Generator.returning(value);
    }

    @Async
    Generator<Object, Object, Void> catchingOuter(Object value) {
        Object v = Generator.yieldFrom(catchingInner(value));
        trace.add("inner returned " + v + " to outer");
        Generator.yield(v);
        return Generator.done();
    }

    @Test
    void catching_exception_from_subgen_and_returning() {
        for (Object value : Arrays.asList(2, List.of(2), new NoSuchElementException("2"))) {
            trace.clear();
            Generator<Object, Object, Void> g = catchingOuter(value);
            trace.add(g.next());
            trace.add(g.throwIn(new ValueError()));
            assertThat(trace).containsExactly(
                    1,
                    "inner caught ValueError",
                    "inner returned " + value + " to outer",
                    value);
            assertThat(trace.get(3)).isSameAs(value);
        }
    }

    // ---- test_throwing_GeneratorExit_into_subgen_that_returns ----

    @Async
    Generator<Object, Object, Void> exitReturnsF() {
        try {
            trace.add("Enter f");
            Generator.yield(null);
            trace.add("Exit f");
        } catch (GeneratorExit e) {
            return Generator.done();
        }
        return Generator.done();
    }

    @Async
    Generator<Object, Object, Void> exitReturnsG() {
        trace.add("Enter g");
        Generator.yieldFrom(exitReturnsF());
        trace.add("Exit g");
        return Generator.done();
    }

    @Test
    void throwing_GeneratorExit_into_subgen_that_returns() {
        Throwable e = catchThrowable(() -> {
            Generator<Object, Object, Void> gi = exitReturnsG();
            gi.next();
            gi.throwIn(new GeneratorExit());
        });
        assertThat(e).isInstanceOf(GeneratorExit.class);
        assertThat(trace).containsExactly(
                "Enter g",
                "Enter f");
    }

    // ---- test_throwing_GeneratorExit_into_subgenerator_that_yields ----

    @Async
    Generator<Object, Object, Void> exitYieldsF() {
        try {
            trace.add("Enter f");
            Generator.yield(null);
            trace.add("Exit f");
        } catch (GeneratorExit e) {
            Generator.yield(null);
        }
        return Generator.done();
    }

    @Async
    Generator<Object, Object, Void> exitYieldsG() {
        trace.add("Enter g");
        Generator.yieldFrom(exitYieldsF());
        trace.add("Exit g");
        return Generator.done();
    }

    @Test
    void throwing_GeneratorExit_into_subgenerator_that_yields() {
        Throwable e = catchThrowable(() -> {
            Generator<Object, Object, Void> gi = exitYieldsG();
            gi.next();
            gi.throwIn(new GeneratorExit());
        });
        assertThat(e).isInstanceOf(IllegalStateException.class).hasMessage("generator ignored GeneratorExit");
        assertThat(trace).containsExactly(
                "Enter g",
                "Enter f");
    }

    // ---- test_throwing_GeneratorExit_into_subgen_that_raises ----

    @Async
    Generator<Object, Object, Void> exitRaisesF() {
        try {
            trace.add("Enter f");
            Generator.yield(null);
            trace.add("Exit f");
        } catch (GeneratorExit e) {
            throw new ValueError("Vorpal bunny encountered");
        }
        return Generator.done();
    }

    @Async
    Generator<Object, Object, Void> exitRaisesG() {
        trace.add("Enter g");
        Generator.yieldFrom(exitRaisesF());
        trace.add("Exit g");
        return Generator.done();
    }

    @Test
    void throwing_GeneratorExit_into_subgen_that_raises() {
        Throwable e = catchThrowable(() -> {
            Generator<Object, Object, Void> gi = exitRaisesG();
            gi.next();
            gi.throwIn(new GeneratorExit());
        });
        // Python also checks e.__context__ is the GeneratorExit: Java has no implicit exception context
        assertThat(e).isInstanceOf(ValueError.class).hasMessage("Vorpal bunny encountered");
        assertThat(trace).containsExactly(
                "Enter g",
                "Enter f");
    }

    // ---- test_yield_from_empty ----

    @Async
    Generator<Object, Object, Void> emptyG() {
        Generator.yieldFrom(List.of());
        return Generator.done();
    }

    @Test
    void yield_from_empty() {
        Generator<Object, Object, Void> g = emptyG();
        assertThatThrownBy(g::next).isInstanceOf(NoSuchElementException.class);
    }

    // ---- test_delegating_generators_claim_to_be_running ----

    Generator<Integer, Integer, Void> running;

    @Async
    Generator<Integer, Integer, Void> runningOne() {
        Generator.yield(0);
        Generator.yieldFrom(runningTwo());
        Generator.yield(3);
        return Generator.done();
    }

    @Async
    Generator<Integer, Integer, Void> runningTwo() {
        Generator.yield(1);
        try {
            Generator.yieldFrom(running);
        } catch (IllegalStateException e) { // Python: ValueError, generator already executing
            trace.add(e.getMessage());
        }
        Generator.yield(2);
        return Generator.done();
    }

    static class MyErr extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Async
    Generator<Integer, Integer, Void> runningThrowOne() {
        try {
            Generator.yield(0);
        } catch (MyErr e) {
            // pass
        }
        Generator.yieldFrom(runningThrowTwo());
        try {
            Generator.yield(3);
        } catch (MyErr e) {
            // pass
        }
        return Generator.done();
    }

    @Async
    Generator<Integer, Integer, Void> runningThrowTwo() {
        try {
            Generator.yield(1);
        } catch (MyErr e) {
            // pass
        }
        try {
            Generator.yieldFrom(running);
        } catch (IllegalStateException e) {
            trace.add(e.getMessage());
        }
        try {
            Generator.yield(2);
        } catch (MyErr e) {
            // pass
        }
        return Generator.done();
    }

    /** Python's MyIt: an endless iterator with a close() method. */
    class MyIt implements Iterable<Integer>, Iterator<Integer>, AutoCloseable {
        @Override
        public Iterator<Integer> iterator() {
            return this;
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Integer next() {
            return 42;
        }

        @Override
        public void close() {
            trace.add("MyIt.close");
            assertThat(running.state()).isEqualTo(Generator.State.RUNNING);
            assertThatThrownBy(running::next).isInstanceOf(IllegalStateException.class)
                    .hasMessage("generator already executing");
        }
    }

    @Async
    Generator<Integer, Integer, Void> runningCloseOne() {
        Generator.yieldFrom(new MyIt());
        return Generator.done();
    }

    @Test
    void delegating_generators_claim_to_be_running() {
        // Check with basic iteration
        running = runningOne();
        assertThat(list(running)).containsExactly(0, 1, 2, 3);
        // Check with send
        running = runningOne();
        List<Integer> res = new ArrayList<>();
        res.add(running.next());
        try {
            while (true) {
                res.add(running.send(42));
            }
        } catch (NoSuchElementException stop) {
            // pass
        }
        assertThat(res).containsExactly(0, 1, 2, 3);
        // Check with throw
        running = runningThrowOne();
        res.clear();
        res.add(running.next());
        try {
            while (true) {
                res.add(running.throwIn(new MyErr()));
            }
        } catch (NoSuchElementException stop) {
            // pass
        }
        assertThat(res).containsExactly(0, 1, 2, 3);
        // the delegation to the running generator failed as Python's does, each time
        assertThat(trace).containsExactly(
                "generator already executing",
                "generator already executing",
                "generator already executing");
        // Check with close
        trace.clear();
        running = runningCloseOne();
        running.next();
        running.close();
        assertThat(trace).containsExactly("MyIt.close");
        assertThat(running.state()).isEqualTo(Generator.State.CLOSED);
    }

    // ---- test_delegating_generators_claim_to_be_running, with two delegators sharing one subgenerator ----
    // (legal in Python; the expected traces are CPython 3.13's, from the same programs in Python)

    Generator<Object, Object, Object> sharedA;
    Generator<Object, Object, Object> sharedB;
    Generator<Object, Object, Object> sharedM;

    @Async
    Generator<Object, Object, Object> sharedSub() {
        try {
            try {
                for (int i = 0; i < 3; i++) {
                    Object x = Generator.yield(i);
                    trace.add("s got " + x);
                }
            } catch (IllegalStateException e) {
                trace.add("s caught " + e.getMessage());
                Generator.yield("sv");
            }
        } finally {
            trace.add("s finally");
        }
        return Generator.returning("sret");
    }

    @Async
    Generator<Object, Object, Object> sharedDelegator(String name, Generator<Object, Object, Object> sub) {
        try {
            Object r = Generator.yieldFrom(sub);
            trace.add(name + " yield from returned " + r);
            Generator.yield(name + "-after");
        } catch (RuntimeException e) { // Python: except Exception
            trace.add(name + " caught " + e.getClass().getSimpleName() + " " + e.getMessage());
            Generator.yield(name + "-caught");
        } finally {
            trace.add(name + " finally");
        }
        return Generator.done();
    }

    @Async
    Generator<Object, Object, Object> sharedMid(Generator<Object, Object, Object> sub) {
        try {
            Generator.yieldFrom(sub);
        } catch (RuntimeException e) {
            trace.add("mid caught " + e.getMessage());
            throw e;
        }
        return Generator.returning("midret");
    }

    /** Yields 1 and 2, then does {@code action} (to a generator delegating to this one), then yields 3 and 4. */
    @Async
    Generator<Object, Object, Object> sharedActing(Runnable action) {
        Generator.yield(1);
        Generator.yield(2);
        action.run();
        Generator.yield(3);
        Generator.yield(4);
        return Generator.done();
    }

    /** Python's {@code print(f())} with the exception printed instead, if one is raised. */
    void run(java.util.function.Supplier<Object> f) {
        try {
            trace.add(String.valueOf(f.get()));
        } catch (NoSuchElementException e) {
            trace.add("raised StopIteration");
        } catch (RuntimeException e) {
            trace.add("raised " + e.getMessage());
        }
    }

    @Test
    void delegating_generators_claim_to_be_running_with_a_shared_subgenerator() {
        Generator<Object, Object, Object> s = sharedSub();
        Generator<Object, Object, Object> a = sharedDelegator("a", s);
        Generator<Object, Object, Object> b = sharedDelegator("b", s);
        run(a::next);
        run(b::next);
        run(b::next);
        run(a::next); // resumes a's delegation, not b's
        run(() -> a.throwIn(new Py.KeyError("'k'"))); // caught by a, not b
        run(b::next); // s finished under a: b's yieldFrom sees null
        run(b::next);
        assertThat(List.of(a.state(), b.state(), s.state()))
                .containsExactly(Generator.State.SUSPENDED, Generator.State.CLOSED, Generator.State.CLOSED);
        a.close();
        assertThat(trace).containsExactly("0", "s got null", "1", "s got null", "2", "s got null", "s finally",
                "a yield from returned sret", "a-after", "a caught KeyError 'k'", "a-caught",
                "b yield from returned null", "b-after", "b finally", "raised StopIteration", "a finally");
        assertThat(a.state()).isEqualTo(Generator.State.CLOSED);
    }

    @Test
    void delegating_generators_claim_to_be_running_with_a_shared_subgenerator_exhausted_by_the_other() {
        Generator<Object, Object, Object> s = sharedSub();
        Generator<Object, Object, Object> a = sharedDelegator("a", s);
        Generator<Object, Object, Object> b = sharedDelegator("b", s);
        run(a::next);
        run(b::next);
        run(b::next);
        run(b::next);
        run(a::next);
        assertThat(trace).containsExactly("0", "s got null", "1", "s got null", "2", "s got null", "s finally",
                "b yield from returned sret", "b-after", "a yield from returned null", "a-after");
    }

    @Test
    void delegating_generators_claim_to_be_running_with_a_shared_subgenerator_closed_by_one() {
        Generator<Object, Object, Object> s = sharedSub();
        Generator<Object, Object, Object> a = sharedDelegator("a", s);
        Generator<Object, Object, Object> b = sharedDelegator("b", s);
        run(a::next);
        run(b::next);
        a.close();
        trace.add("a closed " + (s.state() == Generator.State.CLOSED));
        run(b::next);
        assertThat(trace).containsExactly("0", "s got null", "1", "s finally", "a finally", "a closed true",
                "b yield from returned null", "b-after");
    }

    /**
     * While {@code s} runs under {@code a}, it drives {@code b}, suspended in a {@code yieldFrom} of
     * {@code s} too: Python raises "generator already executing" inside {@code b}, whatever the
     * operation; for {@code close()}, {@code b} caught it and yielded, so it ignored GeneratorExit.
     */
    @Test
    void delegating_generators_claim_to_be_running_with_a_shared_subgenerator_running_in_the_other() {
        List<String> operations = List.of("next", "close", "throw", "send");
        for (String operation : operations) {
            trace.clear();
            Runnable action = () -> {
                switch (operation) {
                    case "next":
                        run(sharedB::next);
                        break;
                    case "close":
                        run(() -> {
                            sharedB.close();
                            return null;
                        });
                        break;
                    case "throw":
                        run(() -> sharedB.throwIn(new Py.KeyError("z")));
                        break;
                    default:
                        run(() -> sharedB.send("v"));
                }
            };
            Generator<Object, Object, Object> s = sharedActing(action);
            sharedA = sharedDelegator("A", s);
            sharedB = sharedDelegator("B", s);
            run(sharedA::next);
            run(sharedB::next);
            run(sharedA::next);
            trace.add("B " + sharedB.state());
            run(sharedB::next);
            run(sharedA::next);
            assertThat(trace).as(operation).containsExactly("1", "2",
                    "B caught IllegalStateException generator already executing",
                    operation.equals("close") ? "raised generator ignored GeneratorExit" : "B-caught",
                    "3", "B SUSPENDED", "B finally", "raised StopIteration", "4");
        }
    }

    @Test
    void delegating_generators_claim_to_be_running_with_a_shared_middle_generator() {
        // a -> m -> s and b -> m: s drives b
        Generator<Object, Object, Object> s = sharedActing(() -> run(sharedB::next));
        Generator<Object, Object, Object> m = sharedMid(s);
        sharedA = sharedDelegator("A", m);
        sharedB = sharedDelegator("B", m);
        run(sharedA::next);
        run(sharedB::next);
        run(sharedA::next);
        run(sharedB::next);
        assertThat(trace).containsExactly("1", "2", "B caught IllegalStateException generator already executing",
                "B-caught", "3", "B finally", "raised StopIteration");
        // a -> m -> s and b -> m2 -> s: s drives b; the error is raised in m2, which passes it on
        trace.clear();
        s = sharedActing(() -> run(sharedB::next));
        sharedA = sharedDelegator("A", sharedMid(s));
        sharedB = sharedDelegator("B", sharedMid(s));
        run(sharedA::next);
        run(sharedB::next);
        run(sharedA::next);
        run(sharedB::next);
        assertThat(trace).containsExactly("1", "2", "mid caught generator already executing",
                "B caught IllegalStateException generator already executing", "B-caught", "3", "B finally",
                "raised StopIteration");
        // a -> m -> s: s drives m, which is running
        trace.clear();
        s = sharedActing(() -> run(sharedM::next));
        sharedM = sharedMid(s);
        sharedA = sharedDelegator("A", sharedM);
        run(sharedA::next);
        run(sharedM::next);
        run(sharedA::next);
        run(sharedA::next);
        assertThat(trace).containsExactly("1", "2", "raised generator already executing", "3", "4");
    }

    // test_delegator_is_visible_to_debugger: no Java meaning (README).

    // ---- test_custom_iterator_return ----

    /**
     * Python's MyIter, whose {@code __next__} raises {@code StopIteration(42)}: in Java, a
     * {@code Generator} implemented by hand that is finished at once and returned 42.
     */
    static class MyIter implements Generator<Object, Object, Integer> {
        private boolean finished;

        @Override
        public Object next() {
            finished = true;
            throw new NoSuchElementException();
        }

        @Override
        public boolean hasNext() {
            finished = true;
            return false;
        }

        @Override
        public Object send(Object value) {
            return next();
        }

        @Override
        public Object throwIn(Throwable exception) {
            finished = true;
            throw Py.<RuntimeException>sneakyThrow(exception);
        }

        @Override
        public void close() {
            finished = true;
        }

        @Override
        public Integer returnValue() {
            if (!finished) {
                throw new IllegalStateException("not finished");
            }
            return 42;
        }

        @Override
        public State state() {
            return finished ? State.CLOSED : State.CREATED;
        }
    }

    Object ret;

    @Async
    Generator<Object, Object, Void> customReturnGen() {
        ret = Generator.yieldFrom(new MyIter());
        return Generator.done();
    }

    @Test
    void custom_iterator_return() {
        ret = null;
        list(customReturnGen());
        assertThat(ret).isEqualTo(42);
    }

    // test_close_with_cleared_frame: no Java meaning (README).

    // ---- test_send_tuple_with_custom_generator ----

    Object v;

    /** Python's MyGen: an endless iterator with a send() method that records what it is sent. */
    class MyGen implements Generator<Object, Object, Void> {
        @Override
        public Object next() {
            return 42;
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Object send(Object what) {
            v = what;
            return null;
        }

        @Override
        public Object throwIn(Throwable exception) {
            throw Py.<RuntimeException>sneakyThrow(exception);
        }

        @Override
        public void close() {
        }

        @Override
        public Void returnValue() {
            throw new IllegalStateException("not finished");
        }

        @Override
        public State state() {
            return State.SUSPENDED;
        }
    }

    @Async
    Generator<Object, Object, Void> sendTupleOuter() {
        Object v = Generator.yieldFrom(new MyGen());
        return Generator.done();
    }

    @Test
    void send_tuple_with_custom_generator() {
        Generator<Object, Object, Void> g = sendTupleOuter();
        g.next();
        v = null;
        g.send(List.of(1, 2, 3, 4));
        assertThat(v).isEqualTo(List.of(1, 2, 3, 4));
    }
}
