package dev.weft.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Generator;
import dev.weft.GeneratorExit;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The driver on its own, with state machines written by hand in the shape the rewrite emits:
 * a switch on {@code label}, {@code yieldValue}/{@code yieldFrom} to suspend,
 * {@code resumeValue} at the resume point.
 */
class GeneratorFrameTest {

    /** {@code for (i = 0; i < n; i++) yield i; return "end";} with i kept in p0 and n in the overflow, as the rewrite lays them out. */
    static Generator<Integer, Object, String> counter(int n) {
        GeneratorFrame<Integer, Object, String> f = new GeneratorFrame<>(GeneratorFrameTest::counterBody, 0, 2);
        ((long[]) f.more[0])[0] = n;
        return f;
    }

    private static Object counterBody(Frame frame) {
        GeneratorFrame<?, ?, ?> f = (GeneratorFrame<?, ?, ?>) frame;
        int i;
        int n = (int) ((long[]) f.more[0])[0];
        switch (f.label) {
            case 0:
                i = 0;
                break;
            case 1:
                i = (int) f.p0;
                f.resumeValue();
                i++;
                break;
            default:
                throw new IllegalStateException();
        }
        if (i < n) {
            f.p0 = i;
            return f.yieldValue(1, i);
        }
        return f.returning("end");
    }

    /** {@code r = yield from sub; yield r; return r + "!"} */
    static Generator<Object, Object, String> delegating(Generator<?, ?, ?> sub) {
        GeneratorFrame<Object, Object, String> f = new GeneratorFrame<>(GeneratorFrameTest::delegatingBody, 1, 0);
        f.r0 = sub;
        return f;
    }

    private static Object delegatingBody(Frame frame) {
        GeneratorFrame<?, ?, ?> f = (GeneratorFrame<?, ?, ?>) frame;
        switch (f.label) {
            case 0:
                return f.yieldFrom(1, (Generator<?, ?, ?>) f.r0);
            case 1:
                Object r = f.resumeValue();
                f.r0 = r;
                return f.yieldValue(2, r);
            case 2:
                Object kept = f.r0;
                f.resumeValue();
                return f.returning(kept + "!");
            default:
                throw new IllegalStateException();
        }
    }

    @Test
    void runs_lazily_and_yields_in_order() {
        Generator<Integer, Object, String> g = counter(3);
        assertThat(g.state()).isEqualTo(Generator.State.CREATED);
        List<Integer> seen = new ArrayList<>();
        g.forEach(seen::add);
        assertThat(seen).containsExactly(0, 1, 2);
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
        assertThat(g.returnValue()).isEqualTo("end");
        assertThatThrownBy(g::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void hasNext_runs_ahead_once_and_holds_the_value() {
        Generator<Integer, Object, String> g = counter(2);
        assertThat(g.hasNext()).isTrue();
        assertThat(g.hasNext()).isTrue();
        assertThat(g.next()).isEqualTo(0);
        assertThat(g.next()).isEqualTo(1);
        assertThat(g.hasNext()).isFalse();
        assertThatThrownBy(() -> counterWithHeld().send(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hasNext() ran ahead");
    }

    private static Generator<Integer, Object, String> counterWithHeld() {
        Generator<Integer, Object, String> g = counter(2);
        g.hasNext();
        return g;
    }

    @Test
    void a_chain_of_delegation_is_resumed_at_its_innermost_frame() {
        Generator<Object, Object, String> g = delegating(delegating(counter(2)));
        assertThat(g.stream().collect(Collectors.toList())).containsExactly(0, 1, "end", "end!");
        assertThat(g.returnValue()).isEqualTo("end!!");
    }

    /** {@code yield "first"; r = yield from sub; return r} */
    static Generator<Object, Object, Object> yieldingThenDelegating(Generator<?, ?, ?> sub) {
        GeneratorFrame<Object, Object, Object> f = new GeneratorFrame<>(GeneratorFrameTest::yieldingThenDelegatingBody, 1, 0);
        f.r0 = sub;
        return f;
    }

    private static Object yieldingThenDelegatingBody(Frame frame) {
        GeneratorFrame<?, ?, ?> f = (GeneratorFrame<?, ?, ?>) frame;
        switch (f.label) {
            case 0:
                return f.yieldValue(1, "first");
            case 1:
                f.resumeValue();
                return f.yieldFrom(2, (Generator<?, ?, ?>) f.r0);
            case 2:
                return f.returning(f.resumeValue());
            default:
                throw new IllegalStateException();
        }
    }

    /** The values {@code next()} gives, one call per generator in {@code calls}. */
    private static List<Object> nextOf(Generator<?, ?, ?>... calls) {
        List<Object> out = new ArrayList<>();
        for (Generator<?, ?, ?> g : calls) {
            out.add(g.next());
        }
        return out;
    }

    // The root resumes its leaf directly while its chain is unchanged; each case below changes
    // the chain behind the root's back, and the root must see it, as Python's does.

    @Test
    void a_leaf_that_yields_then_delegates_is_followed_into_its_delegate() {
        Generator<Object, Object, String> g = delegating(yieldingThenDelegating(counter(2)));
        assertThat(g.stream().collect(Collectors.toList())).containsExactly("first", 0, 1, "end");
        assertThat(g.returnValue()).isEqualTo("end!");
    }

    @Test
    void a_middle_generator_driven_directly_moves_its_root_on() {
        Generator<Object, Object, String> mid = delegating(counter(4));
        Generator<Object, Object, String> root = delegating(mid);
        assertThat(nextOf(root, root, mid, root, root, root)).containsExactly(0, 1, 2, 3, "end", "end!");
        assertThatThrownBy(root::next).isInstanceOf(NoSuchElementException.class);
        assertThat(root.returnValue()).isEqualTo("end!!");
    }

    @Test
    void a_leaf_driven_directly_moves_its_root_on() {
        Generator<Integer, Object, String> leaf = counter(4);
        Generator<Object, Object, String> root = delegating(delegating(leaf));
        assertThat(nextOf(root, leaf, root, root, root)).containsExactly(0, 1, 2, 3, "end");
    }

    @Test
    void a_leaf_shared_by_two_roots_is_resumed_by_each_where_the_other_left_it() {
        Generator<Integer, Object, String> leaf = counter(4);
        Generator<Object, Object, String> a = delegating(leaf);
        Generator<Object, Object, String> b = delegating(leaf);
        assertThat(nextOf(a, a, b, a, b, a)).containsExactly(0, 1, 2, 3, "end", null);
        assertThatThrownBy(b::next).isInstanceOf(NoSuchElementException.class);
        assertThat(b.returnValue()).isEqualTo("end!");
    }

    @Test
    void a_leaf_closed_directly_finishes_its_delegation_with_null() {
        Generator<Integer, Object, String> leaf = counter(4);
        Generator<Object, Object, String> root = delegating(delegating(leaf));
        assertThat(nextOf(root, root)).containsExactly(0, 1);
        leaf.close();
        assertThat(root.next()).isNull();
    }

    @Test
    void delegation_to_another_Generator_implementation_passes_its_return_value() {
        Generator<Object, Object, String> g = delegating(new ListGenerator());
        assertThat(g.stream().collect(Collectors.toList())).containsExactly("a", "b", "ret");
        assertThat(g.returnValue()).isEqualTo("ret!");
    }

    @Test
    void thrown_into_a_just_created_generator_the_exception_comes_straight_out() {
        Generator<Integer, Object, String> g = counter(3);
        assertThatThrownBy(() -> g.throwIn(new IllegalArgumentException("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    @Test
    void sending_a_value_into_a_just_started_generator_is_refused() {
        assertThatThrownBy(() -> counter(1).send(5)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("just-started generator");
    }

    @Test
    void close_raises_GeneratorExit_at_the_suspension_point() {
        List<Throwable> seen = new ArrayList<>();
        GeneratorFrame<Object, Object, Object> f = new GeneratorFrame<>(frame -> {
            GeneratorFrame<?, ?, ?> g = (GeneratorFrame<?, ?, ?>) frame;
            if (g.label == 0) {
                return g.yieldValue(1, "first");
            }
            try {
                g.resumeValue();
            } catch (GeneratorExit e) {
                seen.add(e);
                throw e;
            }
            return g.returning(null);
        }, 0, 0);
        assertThat(f.next()).isEqualTo("first");
        f.close();
        assertThat(seen).hasSize(1);
        assertThat(f.state()).isEqualTo(Generator.State.CLOSED);
    }

    @Test
    void a_body_that_yields_after_GeneratorExit_makes_close_fail() {
        GeneratorFrame<Object, Object, Object> f = new GeneratorFrame<>(frame -> {
            GeneratorFrame<?, ?, ?> g = (GeneratorFrame<?, ?, ?>) frame;
            try {
                if (g.label != 0) {
                    g.resumeValue();
                }
            } catch (GeneratorExit ignored) {
                // the misuse under test
            }
            return g.yieldValue(1, "again");
        }, 0, 0);
        f.next();
        assertThatThrownBy(f::close).isInstanceOf(IllegalStateException.class).hasMessage("generator ignored GeneratorExit");
    }

    @Test
    void NoSuchElementException_escaping_the_body_is_not_taken_for_the_end() {
        GeneratorFrame<Object, Object, Object> f = new GeneratorFrame<>(frame -> {
            throw new NoSuchElementException("from a user iterator");
        }, 0, 0);
        assertThatThrownBy(f::hasNext).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PEP 479").hasCauseInstanceOf(NoSuchElementException.class);
    }

    @Test
    void what_the_body_returns_is_the_return_value() {
        GeneratorFrame<Object, Object, Object> f = new GeneratorFrame<>(frame -> "returned as it is", 0, 0);
        assertThat(f.hasNext()).isFalse();
        assertThat(f.returnValue()).isEqualTo("returned as it is");
    }

    @Test
    void a_generator_resumed_from_its_own_body_is_already_executing() {
        List<Generator<?, ?, ?>> self = new ArrayList<>();
        GeneratorFrame<Object, Object, Object> f = new GeneratorFrame<>(frame -> {
            self.get(0).next();
            return frame;
        }, 0, 0);
        self.add(f);
        assertThatThrownBy(f::next).isInstanceOf(IllegalStateException.class).hasMessage("generator already executing");
    }

    /** A non-Weft Generator: yields "a", "b" and returns "ret". */
    private static final class ListGenerator implements Generator<Object, Object, Object> {
        private int i;

        @Override
        public Object next() {
            return send(null);
        }

        @Override
        public boolean hasNext() {
            return i < 2;
        }

        @Override
        public Object send(Object value) {
            if (i >= 2) {
                i = 3;
                throw new NoSuchElementException();
            }
            return i++ == 0 ? "a" : "b";
        }

        @Override
        public Object throwIn(Throwable exception) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }

        @Override
        public Object returnValue() {
            return "ret";
        }

        @Override
        public State state() {
            return i == 3 ? State.CLOSED : State.SUSPENDED;
        }
    }
}
