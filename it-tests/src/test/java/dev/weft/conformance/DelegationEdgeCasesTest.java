package dev.weft.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.Async;
import dev.weft.Generator;
import dev.weft.GeneratorExit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cases that are in none of CPython's test files, found while porting them: closing and running
 * state in {@code yieldFrom} chains more than one level deep. Python decides them too: each test
 * quotes the Python program it ports, and asserts what CPython 3.11.7 prints for it.
 */
class DelegationEdgeCasesTest {

    final List<String> trace = new ArrayList<>();

    // ---- closing a chain whose middle generator catches GeneratorExit and yields ----
    //
    // def leaf():
    //     try: yield "leaf"
    //     finally: trace.append("leaf finally")
    // def mid():
    //     try: yield from leaf()
    //     except GeneratorExit:
    //         trace.append("mid caught GeneratorExit")
    //         yield "mid again"
    // def root():
    //     try: yield from mid()
    //     finally: trace.append("root finally")
    // g = root(); next(g); g.close()    # and: g.throw(GeneratorExit)
    // -> RuntimeError: generator ignored GeneratorExit
    //    trace == ['leaf finally', 'mid caught GeneratorExit', 'root finally'], g is GEN_CLOSED

    @Async
    Generator<String, Object, Void> ignoringLeaf() {
        try {
            Generator.yield("leaf");
        } finally {
            trace.add("leaf finally");
        }
        return Generator.done();
    }

    @Async
    Generator<String, Object, Void> ignoringMid() {
        try {
            Generator.yieldFrom(ignoringLeaf());
        } catch (GeneratorExit e) {
            trace.add("mid caught GeneratorExit");
            Generator.yield("mid again");
        }
        return Generator.done();
    }

    @Async
    Generator<String, Object, Void> ignoringRoot() {
        try {
            Generator.yieldFrom(ignoringMid());
        } finally {
            trace.add("root finally");
        }
        return Generator.done();
    }

    @Test
    void close_chain_whose_middle_generator_ignores_GeneratorExit() {
        Generator<String, Object, Void> g = ignoringRoot();
        assertThat(g.next()).isEqualTo("leaf");
        assertThat(catchThrowable(g::close))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("generator ignored GeneratorExit");
        assertThat(trace).containsExactly("leaf finally", "mid caught GeneratorExit", "root finally");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    @Test
    void throw_GeneratorExit_into_chain_whose_middle_generator_ignores_it() {
        Generator<String, Object, Void> g = ignoringRoot();
        assertThat(g.next()).isEqualTo("leaf");
        assertThat(catchThrowable(() -> g.throwIn(new GeneratorExit())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("generator ignored GeneratorExit");
        assertThat(trace).containsExactly("leaf finally", "mid caught GeneratorExit", "root finally");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    // ---- a generator being closed must not yield through a delegate either ----
    //
    // def other(): yield "other"
    // def g():
    //     try: yield 1
    //     except GeneratorExit: yield from other()      # and: yield from [5, 6]
    // x = g(); next(x); x.close()
    // -> RuntimeError: generator ignored GeneratorExit; x is GEN_SUSPENDED

    @Async
    static Generator<Object, Object, Void> other() {
        Generator.yield("other");
        return Generator.done();
    }

    @Async
    static Generator<Object, Object, Void> yieldsFromGeneratorOnExit() {
        try {
            Generator.yield(1);
        } catch (GeneratorExit e) {
            Generator.yieldFrom(other());
        }
        return Generator.done();
    }

    @Async
    static Generator<Object, Object, Void> yieldsFromIterableOnExit() {
        try {
            Generator.yield(1);
        } catch (GeneratorExit e) {
            Generator.yieldFrom(List.of(5, 6));
        }
        return Generator.done();
    }

    @Test
    void close_generator_that_yields_from_a_delegate_after_GeneratorExit() {
        List<Generator<Object, Object, Void>> gens = List.of(yieldsFromGeneratorOnExit(), yieldsFromIterableOnExit());
        for (Generator<Object, Object, Void> x : gens) {
            x.next();
            assertThat(catchThrowable(x::close))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("generator ignored GeneratorExit");
            assertThat(x.state()).isEqualTo(Generator.State.SUSPENDED);
        }
    }

    // ---- every delegator of a running chain is running ----
    //
    // def leaf():
    //     trace.append(f"mid {getgeneratorstate(m)} root {getgeneratorstate(r)}")
    //     yield 1
    //     trace.append(f"mid {getgeneratorstate(m)} root {getgeneratorstate(r)}")
    // def mid(): yield from leaf()
    // def root(): yield from m
    // m = mid(); r = root()
    // next(r)      # mid GEN_RUNNING root GEN_RUNNING
    //              # outside: mid GEN_SUSPENDED root GEN_SUSPENDED
    // next(m)      # mid GEN_RUNNING root GEN_SUSPENDED (StopIteration)

    Generator<Object, Object, Void> m;
    Generator<Object, Object, Void> r;

    String states() {
        return "mid " + m.state() + " root " + r.state();
    }

    @Async
    Generator<Object, Object, Void> runningLeaf() {
        trace.add(states());
        Generator.yield(1);
        trace.add(states());
        return Generator.done();
    }

    @Async
    Generator<Object, Object, Void> runningMid() {
        Generator.yieldFrom(runningLeaf());
        return Generator.done();
    }

    @Async
    Generator<Object, Object, Void> runningRoot() {
        Generator.yieldFrom(m);
        return Generator.done();
    }

    @Test
    void delegators_of_a_running_chain_are_running() {
        m = runningMid();
        r = runningRoot();
        r.next();
        trace.add("outside: " + states());
        assertThat(catchThrowable(m::next)).isInstanceOf(java.util.NoSuchElementException.class);
        assertThat(trace).containsExactly(
                "mid RUNNING root RUNNING",
                "outside: mid SUSPENDED root SUSPENDED",
                "mid RUNNING root SUSPENDED");
    }

    // ---- a running delegator refuses to be resumed, whatever it delegates to ----
    //
    // class MyIt:
    //     def __iter__(self): return self
    //     def __next__(self):
    //         trace.append(getgeneratorstate(m))
    //         try: next(m)
    //         except ValueError as e: trace.append(str(e))
    //         return 42
    // def mid(): yield from MyIt()
    // def root(): yield from m
    // m = mid(); r = root(); next(r)    # 42
    // trace == ['GEN_RUNNING', 'generator already executing']

    class MyIt implements Iterator<Object>, Iterable<Object> {
        @Override
        public Iterator<Object> iterator() {
            return this;
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Object next() {
            trace.add(String.valueOf(m.state()));
            try {
                m.next();
                trace.add("m.next() returned");
            } catch (IllegalStateException e) {
                trace.add(e.getMessage());
            }
            return 42;
        }
    }

    @Async
    Generator<Object, Object, Void> foreignMid() {
        Generator.yieldFrom(new MyIt());
        return Generator.done();
    }

    @Test
    void running_delegator_with_a_foreign_delegate_refuses_to_be_resumed() {
        m = foreignMid();
        r = runningRoot();
        assertThat(r.next()).isEqualTo(42);
        assertThat(trace).containsExactly("RUNNING", "generator already executing");
    }
}
