package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * CPython 3.13's {@code test_context.py} ({@code ContextTest}) cases with a Java meaning. Those
 * marked {@code @isolated_context} there run in a fresh {@link Context} here too, so that what
 * one sets on the test thread does not leak into the next test.
 */
class ContextTest {

    private static void isolated(Runnable body) {
        new Context().run(body);
    }

    @Test
    void test_context_var_new_1() {
        assertThatThrownBy(() -> new ContextVar<>(null)).isInstanceOf(NullPointerException.class);
        ContextVar<Object> c = new ContextVar<>("aaa");
        assertThat(c.getName()).isEqualTo("aaa");
        assertThat(c).isNotEqualTo(new ContextVar<>("aaa")); // a key by identity
    }

    @Test
    void test_context_var_repr_1() {
        isolated(() -> {
            assertThat(new ContextVar<>("a").toString()).contains("a");
            ContextVar<Integer> c = new ContextVar<>("a", 123);
            assertThat(c.toString()).contains("123");
            ContextVar.Token<Integer> t = c.set(1);
            assertThat(t.toString()).contains(c.toString()).doesNotContain(" used ");
            c.reset(t);
            assertThat(t.toString()).contains(" used ");
        });
    }

    @Test
    void test_context_subclassing_1() {
        assertThat(Modifier.isFinal(ContextVar.class.getModifiers())).isTrue();
        assertThat(Modifier.isFinal(Context.class.getModifiers())).isTrue();
        assertThat(Modifier.isFinal(ContextVar.Token.class.getModifiers())).isTrue();
    }

    @Test
    void test_context_typerrors_1() {
        Context ctx = new Context();
        assertThatThrownBy(() -> ctx.get(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("ContextVar");
        assertThatThrownBy(() -> ctx.containsKey(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ctx.get(null, "x")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void test_context_get_context_1() {
        assertThat(Context.copyContext()).isInstanceOf(Context.class).isNotSameAs(Context.copyContext());
    }

    @Test
    void test_context_run_1() {
        assertThatThrownBy(() -> new Context().run((Runnable) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void test_context_run_2() throws Exception {
        Context ctx = new Context();
        assertThat(ctx.run(() -> List.of("bar"))).isEqualTo(List.of("bar"));
    }

    @Test
    void test_context_run_3() {
        Context ctx = new Context();
        assertThatThrownBy(() -> ctx.run(() -> 1 / zero())).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> ctx.run(() -> {
            throw new java.io.IOException("checked");
        })).isInstanceOf(java.io.IOException.class);
    }

    private static int zero() {
        return 0;
    }

    @Test
    void test_context_run_4() {
        isolated(() -> {
            Context ctx1 = new Context();
            Context ctx2 = new Context();
            ContextVar<String> var = new ContextVar<>("var");
            List<Context> returned = new ArrayList<>();
            ctx1.run(() -> {
                assertThat(var.get(null)).isNull();
                var.set("spam");
                ctx2.run(() -> assertThat(var.get(null)).isNull());
                assertThat(var.get(null)).isEqualTo("spam");
                Context cur = Context.copyContext();
                assertThat(cur.size()).isEqualTo(1);
                assertThat(cur.get(var)).isEqualTo("spam");
                returned.add(cur);
            });
            assertThat(returned.get(0)).isEqualTo(ctx1);
            assertThat(returned.get(0).get(var)).isEqualTo("spam");
            assertThat(returned.get(0).containsKey(var)).isTrue();
        });
    }

    @Test
    void test_context_run_5() {
        Context ctx = new Context();
        ContextVar<String> var = new ContextVar<>("var");
        assertThatThrownBy(() -> ctx.run(() -> {
            assertThat(var.get(null)).isNull();
            var.set("spam");
            throw new ArithmeticException("/ by zero");
        })).isInstanceOf(ArithmeticException.class);
        assertThat(var.get(null)).isNull();
    }

    @Test
    void test_context_run_6() {
        Context ctx = new Context();
        ContextVar<Integer> c = new ContextVar<>("a", 0);
        ctx.run(() -> {
            assertThat(c.get()).isEqualTo(0);
            assertThat(ctx.get(c)).isNull();
            c.set(42);
            assertThat(c.get()).isEqualTo(42);
            assertThat(ctx.get(c)).isEqualTo(42);
        });
    }

    @Test
    void test_context_run_7() {
        Context ctx = new Context();
        ctx.run(() -> {
            assertThatThrownBy(() -> ctx.run(() -> { }))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("is already entered");
        });
    }

    @Test
    void test_context_getset_1() {
        isolated(() -> {
            ContextVar<Object> c = new ContextVar<>("c");
            assertThatThrownBy(c::get).isInstanceOf(NoSuchElementException.class);
            assertThat(c.get(null)).isNull();

            ContextVar.Token<Object> t0 = c.set(42);
            assertThat(c.get()).isEqualTo(42);
            assertThat(c.get(null)).isEqualTo(42);
            assertThat(t0.getOldValue()).isSameAs(ContextVar.Token.MISSING);
            assertThat(t0.getVar()).isSameAs(c);

            ContextVar.Token<Object> t = c.set("spam");
            assertThat(c.get()).isEqualTo("spam");
            assertThat(t.getOldValue()).isEqualTo(42);
            c.reset(t);
            assertThat(c.get()).isEqualTo(42);

            c.set("spam2");
            assertThatThrownBy(() -> c.reset(t)).isInstanceOf(IllegalStateException.class).hasMessageContaining("has already been used");
            assertThat(c.get()).isEqualTo("spam2");

            Context ctx1 = Context.copyContext();
            assertThat(ctx1.containsKey(c)).isTrue();

            c.reset(t0);
            assertThatThrownBy(() -> c.reset(t0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("has already been used");
            assertThat(c.get(null)).isNull();

            assertThat(ctx1.containsKey(c)).isTrue();
            assertThat(ctx1.get(c)).isEqualTo("spam2");
            assertThat(ctx1.get(c, "aa")).isEqualTo("spam2");
            assertThat(ctx1.size()).isEqualTo(1);
            assertThat(ctx1.toMap()).isEqualTo(Map.of(c, "spam2"));

            Context ctx2 = Context.copyContext();
            assertThat(ctx2.containsKey(c)).isFalse();
            assertThat(ctx2.get(c, "aa")).isEqualTo("aa");
            assertThat(ctx2.size()).isZero();
            assertThat(ctx2.toMap()).isEmpty();
        });
    }

    @Test
    void test_context_getset_2() {
        isolated(() -> {
            ContextVar<Integer> v1 = new ContextVar<>("v1");
            ContextVar<Integer> v2 = new ContextVar<>("v2");
            ContextVar.Token<Integer> t1 = v1.set(42);
            assertThatThrownBy(() -> v2.reset(t1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("by a different");
        });
    }

    @Test
    void test_context_getset_3() {
        isolated(() -> {
            ContextVar<Integer> c = new ContextVar<>("c", 42);
            Context ctx = new Context();
            ctx.run(() -> {
                assertThat(c.get()).isEqualTo(42);
                assertThat(ctx.get(c)).isNull();
                assertThat(ctx.get(c, -1)).isEqualTo(-1);
                assertThat(ctx.containsKey(c)).isFalse();
                assertThat(ctx.toMap()).isEmpty();

                ContextVar.Token<Integer> t = c.set(1);
                assertThat(ctx.toMap().keySet()).containsExactly(c);
                assertThat(ctx.get(c)).isEqualTo(1);

                c.reset(t);
                assertThat(ctx.toMap()).isEmpty();
                assertThat(ctx.containsKey(c)).isFalse();
            });
        });
    }

    @Test
    void test_context_getset_4() {
        isolated(() -> {
            ContextVar<Integer> c = new ContextVar<>("c", 42);
            Context ctx = new Context();
            List<ContextVar.Token<Integer>> tok = new ArrayList<>();
            ctx.run(() -> {
                tok.add(c.set(1));
            });
            assertThatThrownBy(() -> c.reset(tok.get(0))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different Context");
        });
    }

    @Test
    void test_context_getset_5() {
        isolated(() -> {
            ContextVar<List<Integer>> c = new ContextVar<>("c", List.of(42));
            c.set(new ArrayList<>());
            Context.copyContext().run(() -> {
                c.set(new ArrayList<>());
                c.get().add(42);
                assertThat(c.get()).containsExactly(42);
            });
            assertThat(c.get()).isEmpty();
        });
    }

    @Test
    void test_context_copy_1() {
        Context ctx1 = new Context();
        ContextVar<Integer> c = new ContextVar<>("c", 42);
        ctx1.run(() -> {
            c.set(10);
            Context ctx2 = ctx1.copy();
            assertThat(ctx2.get(c)).isEqualTo(10);

            c.set(20);
            assertThat(ctx1.get(c)).isEqualTo(20);
            assertThat(ctx2.get(c)).isEqualTo(10);

            ctx2.run(() -> {
                assertThat(c.get()).isEqualTo(10);
                c.set(30);
                assertThat(c.get()).isEqualTo(30);
            });
            assertThat(ctx1.get(c)).isEqualTo(20);
            assertThat(ctx2.get(c)).isEqualTo(30);
        });
    }

    @Test
    void test_context_threads_1() throws Exception {
        ContextVar<Integer> cvar = new ContextVar<>("cvar");
        ExecutorService tp = Executors.newFixedThreadPool(10);
        try {
            List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
            for (int n = 0; n < 10; n++) {
                int num = n;
                results.add(tp.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        cvar.set(num + i);
                        Thread.sleep(ThreadLocalRandom.current().nextInt(1, 10));
                        assertThat(cvar.get()).isEqualTo(num + i);
                    }
                    return num;
                }));
            }
            for (int n = 0; n < 10; n++) {
                assertThat(results.get(n).get()).isEqualTo(n);
            }
        } finally {
            tp.shutdown();
        }
    }

    /** Python 3.14's {@code with var.set(v):}: closing the token resets. */
    @Test
    void tokenClosedResets() {
        isolated(() -> {
            ContextVar<String> v = new ContextVar<>("v", "-");
            try (ContextVar.Token<String> t = v.set("in")) {
                assertThat(v.get()).isEqualTo("in");
            }
            assertThat(v.get()).isEqualTo("-");
            assertThat(Context.copyContext().containsKey(v)).isFalse();
        });
    }

    /** A thread outside any loop starts with its own, empty context (Python 3.13). */
    @Test
    void newThreadStartsEmpty() throws Exception {
        ContextVar<String> v = new ContextVar<>("v");
        isolated(() -> {
            v.set("here");
            String[] seen = new String[1];
            Thread t = new Thread(() -> seen[0] = v.get("nothing"));
            t.start();
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertThat(seen[0]).isEqualTo("nothing");
        });
    }
}
