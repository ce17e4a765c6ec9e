package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The cases of greenlet's own suite ({@code greenlet/tests/test_greenlet.py} and
 * {@code test_throw.py}, greenlet 2.0.2) that have a Java meaning, one test per case, named after
 * it. Python's {@code ()} for a switch without values is {@code null} here; its {@code KeyError},
 * {@code IndexError} and {@code TypeError} are Java exceptions of the same role; garbage
 * collection, which greenlet runs at {@code del}, is awaited.
 */
class GreenletTest {

    static class SomeError extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** test_greenlet.py's {@code fmain}: waits in its parent, records what is raised there, then raises SomeError. */
    static Object fmain(Object seen) {
        @SuppressWarnings("unchecked")
        List<Class<?>> log = (List<Class<?>>) seen;
        try {
            Greenlet.current().parent().switchTo();
        } catch (Throwable t) {
            log.add(t.getClass());
            throw t;
        }
        throw new SomeError();
    }

    /** test_greenlet.py's {@code send_exception}: raises {@code exc} in a child whose parent is {@code g}. */
    static void sendException(Greenlet g, RuntimeException exc) {
        Greenlet g1 = new Greenlet(e -> {
            throw (RuntimeException) e;
        }, g);
        g1.switchTo(exc);
    }

    /** greenlet's {@code del g; gc.collect()}: collects until {@code done}, calling into greenlet so that kills run. */
    static void collectUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("greenlet not collected within 20 s").isLessThan(deadline);
            System.gc();
            Thread.sleep(5);
            Greenlet.current();
        }
    }

    private static void doSimpleTest() {
        List<Integer> lst = new ArrayList<>();
        Greenlet g = new Greenlet(() -> {
            lst.add(1);
            Greenlet.current().parent().switchTo();
            lst.add(3);
            return null;
        });
        lst.add(0);
        g.switchTo();
        lst.add(2);
        g.switchTo();
        lst.add(4);
        assertThat(lst).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void test_simple() {
        doSimpleTest();
    }

    @Test
    void test_switch_no_run_raises_AttributeError() {
        // Java refuses a greenlet without a body when it is made, not at its first switch
        assertThatThrownBy(() -> new Greenlet((Greenlet.Run) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("run");
        assertThatThrownBy(() -> new Greenlet((Greenlet.RunWith) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("run");
    }

    @Test
    void test_parent_equals_None() {
        Greenlet g = new Greenlet(() -> null, null);
        assertThat(g.parent()).isSameAs(Greenlet.current());
    }

    @Test
    void test_two_children() {
        List<Integer> lst = new ArrayList<>();
        Greenlet.Run f = () -> {
            lst.add(1);
            Greenlet.current().parent().switchTo();
            lst.addAll(List.of(1, 1));
            return null;
        };
        Greenlet g = new Greenlet(f);
        Greenlet h = new Greenlet(f);
        g.switchTo();
        assertThat(lst).hasSize(1);
        h.switchTo();
        assertThat(lst).hasSize(2);
        h.switchTo();
        assertThat(lst).hasSize(4);
        assertThat(h.dead()).isTrue();
        g.switchTo();
        assertThat(lst).hasSize(6);
        assertThat(g.dead()).isTrue();
    }

    @Test
    void test_two_recursive_children() {
        List<String> lst = new ArrayList<>();
        Greenlet.Run f = () -> {
            lst.add("b");
            Greenlet.current().parent().switchTo();
            return null;
        };
        Greenlet g = new Greenlet(() -> {
            lst.add("a");
            new Greenlet(f).switchTo();
            lst.add("c");
            return null;
        });
        g.switchTo();
        assertThat(lst).containsExactly("a", "b", "c");
    }

    @Test
    void test_threads() throws InterruptedException {
        List<Boolean> success = new CopyOnWriteArrayList<>();
        List<Thread> ths = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ths.add(new Thread(() -> {
                doSimpleTest();
                success.add(true);
            }));
        }
        for (Thread th : ths) {
            th.start();
        }
        for (Thread th : ths) {
            th.join(10_000);
        }
        assertThat(success).hasSize(ths.size());
    }

    @Test
    void test_exception() {
        List<Class<?>> seen = new ArrayList<>();
        Greenlet g1 = new Greenlet(GreenletTest::fmain);
        Greenlet g2 = new Greenlet(GreenletTest::fmain);
        g1.switchTo(seen);
        g2.switchTo(seen);
        g2.setParent(g1);
        assertThat(seen).isEmpty();
        assertThatThrownBy(g2::switchTo).isInstanceOf(SomeError.class);
        assertThat(seen).containsExactly(SomeError.class);

        Object value = g2.switchTo();
        assertThat(value).isNull();
        assertThat(seen).containsExactly(SomeError.class);

        value = g2.switchTo(25);
        assertThat(value).isEqualTo(25);
        assertThat(seen).containsExactly(SomeError.class);
    }

    @Test
    void test_send_exception() {
        List<Class<?>> seen = new ArrayList<>();
        Greenlet g1 = new Greenlet(GreenletTest::fmain);
        g1.switchTo(seen);
        assertThatThrownBy(() -> sendException(g1, new IllegalStateException("key")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(seen).containsExactly(IllegalStateException.class);
    }

    @Test
    void test_dealloc() throws InterruptedException {
        List<Class<?>> seen = new CopyOnWriteArrayList<>();
        Greenlet g1 = new Greenlet(GreenletTest::fmain);
        Greenlet g2 = new Greenlet(GreenletTest::fmain);
        g1.switchTo(seen);
        g2.switchTo(seen);
        assertThat(seen).isEmpty();
        g1 = null;
        collectUntil(() -> !seen.isEmpty());
        assertThat(seen).containsExactly(GreenletExit.class);
        g2 = null;
        collectUntil(() -> seen.size() == 2);
        assertThat(seen).containsExactly(GreenletExit.class, GreenletExit.class);
    }

    @Test
    void test_dealloc_catches_GreenletExit_throws_other() throws InterruptedException {
        CountDownLatch raised = new CountDownLatch(1);
        Greenlet g = new Greenlet(() -> {
            try {
                Greenlet.current().parent().switchTo();
            } catch (GreenletExit e) {
                raised.countDown();
                throw new SomeError();
            }
            return null;
        });
        g.switchTo();
        // the parent (the killer) does not get the exception: it is printed
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            g = null;
            collectUntil(() -> raised.getCount() == 0);
        } finally {
            System.setErr(stderr);
        }
        String v = printed.toString(StandardCharsets.UTF_8);
        assertThat(v).contains("Exception").contains("ignored").contains("SomeError");
    }

    @Test
    void test_dealloc_other_thread() throws InterruptedException {
        List<Class<?>> seen = new CopyOnWriteArrayList<>();
        List<Greenlet> someref = new CopyOnWriteArrayList<>();
        CountDownLatch created = new CountDownLatch(1);
        CountDownLatch fgRefReleased = new CountDownLatch(1);
        CountDownLatch bgShouldBeClear = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            Greenlet g1 = new Greenlet(GreenletTest::fmain);
            g1.switchTo(seen);
            someref.add(g1);
            g1 = null;
            created.countDown();
            try {
                // generous: under load the main thread's 20 collections can take longer than 10 s, and
                // going on early would run the kill before the main thread checks that it did not
                fgRefReleased.await(2, TimeUnit.MINUTES);
                // greenlet() in Python: a greenlet call of this thread runs the pending kill
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (seen.isEmpty() && System.nanoTime() < deadline) {
                    new Greenlet(() -> null);
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            bgShouldBeClear.countDown();
        });
        t.start();
        created.await(2, TimeUnit.MINUTES);
        assertThat(seen).isEmpty();
        assertThat(someref).hasSize(1);
        someref.clear();
        for (int i = 0; i < 20; i++) {
            System.gc();
            Thread.sleep(10);
            Greenlet.current();
        }
        // g1 is not released by this thread: it belongs to another one
        assertThat(seen).isEmpty();
        fgRefReleased.countDown();
        bgShouldBeClear.await(30, TimeUnit.SECONDS);
        assertThat(seen).containsExactly(GreenletExit.class);
        t.join(10_000);
    }

    @Test
    void test_thread_bug() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (long x : new long[] {200, 300}) {
            threads.add(new Thread(() -> new Greenlet(() -> {
                Thread.sleep(x);
                return null;
            }).switchTo()));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(10_000);
            assertThat(t.isAlive()).isFalse();
        }
    }

    @Test
    void test_switch_to_another_thread() throws InterruptedException {
        AtomicReference<Greenlet> data = new AtomicReference<>();
        CountDownLatch createdEvent = new CountDownLatch(1);
        CountDownLatch doneEvent = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            data.set(new Greenlet(() -> null));
            createdEvent.countDown();
            try {
                doneEvent.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        thread.start();
        createdEvent.await(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> data.get().switchTo()).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot switch to a different thread");
        doneEvent.countDown();
        thread.join(10_000);
    }

    @Test
    void test_parent_restored_on_kill() throws InterruptedException {
        Greenlet hub = new Greenlet(() -> null);
        Greenlet main = Greenlet.current();
        List<Greenlet> result = new CopyOnWriteArrayList<>();
        Greenlet g = new Greenlet(() -> {
            try {
                // wait to be killed by going back to the test
                main.switchTo();
            } catch (GreenletExit e) {
                // resurrect and switch to the parent
                result.add(Greenlet.current().parent());
                result.add(Greenlet.current());
                hub.switchTo();
            }
            return null;
        }, hub);
        g.switchTo();
        g = null;
        collectUntil(() -> !result.isEmpty());
        assertThat(result.get(0)).isSameAs(main);
        assertThat(result.get(1).parent()).isSameAs(hub);
    }

    @Test
    void test_throw_exception_not_lost() {
        Greenlet g = new Greenlet(() -> null);
        assertThatThrownBy(() -> g.throwIn(new SomeError())).isInstanceOf(SomeError.class);
        assertThat(g.dead()).isTrue();
    }

    @Test
    void test_throw_to_dead_thread_doesnt_crash() throws InterruptedException {
        List<Greenlet> result = new ArrayList<>();
        Thread t = new Thread(() -> {
            Greenlet g = new Greenlet(() -> Greenlet.current().parent().switchTo());
            g.switchTo();
            result.add(g);
        });
        t.start();
        t.join(10_000);
        assertThatThrownBy(() -> result.get(0).throwIn(new SomeError())).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot switch to a different thread");
    }

    @Test
    void test_dealloc_switch_args_not_lost() throws InterruptedException {
        List<Greenlet> seen = new CopyOnWriteArrayList<>();
        Greenlet[] initiator = new Greenlet[1];
        Greenlet[] worker = new Greenlet[1];
        worker[0] = new Greenlet(() -> {
            // wait for the value
            Object value = Greenlet.current().parent().switchTo();
            // delete all references to ourself
            worker[0] = null;
            initiator[0].setParent(Greenlet.current().parent());
            try {
                Greenlet.current().parent().switchTo(value);
            } finally {
                seen.add(Greenlet.current());
            }
            return null;
        });
        worker[0].switchTo(); // prime worker
        initiator[0] = new Greenlet(() -> 42, worker[0]); // returns 42 to the worker, its parent
        Object value = initiator[0].switchTo();
        assertThat(value).isEqualTo(42);
        initiator[0] = null; // the worker's parent is not itself collectable while the initiator refers to it
        collectUntil(() -> !seen.isEmpty());
        assertThat(seen).hasSize(1);
    }

    @Test
    void test_falling_off_end_switches_to_unstarted_parent_raises_error() {
        Greenlet parentNeverStarted = new Greenlet(() -> 13);
        Greenlet child = new Greenlet(() -> 42, parentNeverStarted);
        // because the parent's run takes no value: it is started with 42
        assertThatThrownBy(child::switchTo).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes no value");
    }

    @Test
    void test_falling_off_end_switches_to_unstarted_parent_works() {
        Greenlet parentNeverStarted = new Greenlet(x -> new Object[] {x, 24});
        Greenlet child = new Greenlet(() -> 42, parentNeverStarted);
        Object result = child.switchTo();
        assertThat((Object[]) result).containsExactly(42, 24);
    }

    @Test
    void test_switch_to_dead_greenlet_reparent() {
        List<Integer> seen = new ArrayList<>();
        Greenlet parentNeverStarted = new Greenlet(() -> seen.add(24) ? null : null);
        Greenlet child = new Greenlet(() -> seen.add(42) ? null : null);
        child.switchTo();
        assertThat(seen).containsExactly(42);
        child.setParent(parentNeverStarted);
        // this is the same as switching to the parent
        Object result = child.switchTo();
        assertThat(result).isNull();
        assertThat(seen).containsExactly(42, 24);
    }

    // TestGreenletSetParentErrors

    @Test
    void test_threaded_reparent() throws InterruptedException {
        AtomicReference<Greenlet> data = new AtomicReference<>();
        CountDownLatch createdEvent = new CountDownLatch(1);
        CountDownLatch doneEvent = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            data.set(new Greenlet(() -> null));
            createdEvent.countDown();
            try {
                doneEvent.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        thread.start();
        createdEvent.await(10, TimeUnit.SECONDS);
        Greenlet g = new Greenlet(() -> Greenlet.current().parent().switchTo());
        g.switchTo();
        assertThatThrownBy(() -> g.setParent(data.get())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parent cannot be on a different thread");
        doneEvent.countDown();
        thread.join(10_000);
        g.switchTo();
    }

    @Test
    void test_cannot_delete_parent() {
        Greenlet worker = new Greenlet(() -> null);
        assertThat(worker.parent()).isSameAs(Greenlet.current());
        assertThatThrownBy(() -> worker.setParent(null)).isInstanceOf(NullPointerException.class);
        assertThat(worker.parent()).isSameAs(Greenlet.current());
    }

    @Test
    void test_cannot_delete_parent_of_main() {
        assertThatThrownBy(() -> Greenlet.current().setParent(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void test_main_greenlet_parent_is_none() {
        assertThat(Greenlet.current().parent()).isNull();
    }

    @Test
    void test_trivial_cycle() {
        Greenlet glet = new Greenlet(() -> null);
        assertThatThrownBy(() -> glet.setParent(glet)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cyclic parent chain");
    }

    @Test
    void test_trivial_cycle_main() {
        assertThatThrownBy(() -> Greenlet.current().setParent(Greenlet.current()))
                .isInstanceOf(IllegalStateException.class).hasMessage("cannot set the parent of a main greenlet");
    }

    @Test
    void test_deeper_cycle() {
        Greenlet g1 = new Greenlet(() -> null);
        Greenlet g2 = new Greenlet(() -> null);
        Greenlet g3 = new Greenlet(() -> null);
        g1.setParent(g2);
        g2.setParent(g3);
        assertThatThrownBy(() -> g3.setParent(g1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cyclic parent chain");
    }

    // TestRepr

    @Test
    void test_main_while_running() {
        assertThat(Greenlet.current().toString()).contains("main").endsWith(", current]");
    }

    @Test
    void test_main_in_background() {
        Greenlet main = Greenlet.current();
        Greenlet g = new Greenlet(main::toString);
        assertThat((String) g.switchTo()).contains("main").endsWith(", suspended]");
    }

    @Test
    void test_initial() {
        assertThat(new Greenlet(() -> null).toString()).endsWith("pending]");
    }

    @Test
    void test_main_from_other_thread() throws InterruptedException {
        Greenlet main = Greenlet.current();
        String[] seen = new String[2];
        Greenlet[] mainGlet = new Greenlet[1];
        Thread t = new Thread(() -> {
            seen[0] = main.toString();
            mainGlet[0] = Greenlet.current();
            seen[1] = mainGlet[0].toString();
        });
        t.start();
        t.join(10_000);
        assertThat(seen[0]).endsWith(", suspended]");
        assertThat(seen[1]).endsWith(", current]");
        // a main greenlet whose thread has ended is dead
        assertThat(mainGlet[0].dead()).isTrue();
        assertThat(mainGlet[0].toString()).endsWith(", dead]");
    }

    @Test
    void test_dead() {
        Greenlet g = new Greenlet(() -> null);
        g.switchTo();
        assertThat(g.toString()).endsWith("dead]").doesNotContain("suspended");
    }

    // test_throw.py

    private static Object switchToParent(Object... args) {
        return Greenlet.current().parent().switchTo(args);
    }

    @Test
    void test_class() {
        Greenlet g = new Greenlet(() -> {
            try {
                switchToParent("ok");
            } catch (IllegalStateException e) {
                switchToParent("ok");
                return null;
            }
            switchToParent("fail");
            return null;
        });
        assertThat(g.switchTo()).isEqualTo("ok");
        assertThat(g.throwIn(new IllegalStateException())).isEqualTo("ok");
    }

    @Test
    void test_val() {
        Greenlet.Run f = () -> {
            try {
                switchToParent("ok");
            } catch (IllegalStateException val) {
                if ("ciao".equals(val.getMessage())) {
                    switchToParent("ok");
                    return null;
                }
            }
            switchToParent("fail");
            return null;
        };
        Greenlet g = new Greenlet(f);
        assertThat(g.switchTo()).isEqualTo("ok");
        assertThat(g.throwIn(new IllegalStateException("ciao"))).isEqualTo("ok");
    }

    @Test
    void test_kill() {
        Greenlet g = new Greenlet(() -> {
            switchToParent("ok");
            switchToParent("fail");
            return null;
        });
        assertThat(g.switchTo()).isEqualTo("ok");
        assertThat(g.throwIn()).isInstanceOf(GreenletExit.class);
        assertThat(g.dead()).isTrue();
        // immediately eaten by the already-dead greenlet
        assertThat(g.throwIn()).isInstanceOf(GreenletExit.class);
    }

    @Test
    void test_throw_goes_to_original_parent() {
        Greenlet main = Greenlet.current();
        Greenlet.Run f1 = () -> {
            try {
                main.switchTo("f1 ready to catch");
            } catch (IndexOutOfBoundsException e) {
                return "caught";
            }
            return "normal exit";
        };
        Greenlet.Run f2 = () -> main.switchTo("from f2");

        Greenlet g1 = new Greenlet(f1);
        Greenlet g2 = new Greenlet(f2, g1);
        assertThatThrownBy(() -> g2.throwIn(new IndexOutOfBoundsException())).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(g2.dead()).isTrue();
        assertThat(g1.dead()).isTrue();

        Greenlet h1 = new Greenlet(f1);
        Greenlet h2 = new Greenlet(f2, h1);
        assertThat(h1.switchTo()).isEqualTo("f1 ready to catch");
        assertThat(h2.throwIn(new IndexOutOfBoundsException())).isEqualTo("caught");
        assertThat(h2.dead()).isTrue();
        assertThat(h1.dead()).isTrue();

        Greenlet k1 = new Greenlet(f1);
        Greenlet k2 = new Greenlet(f2, k1);
        assertThat(k1.switchTo()).isEqualTo("f1 ready to catch");
        assertThat(k2.switchTo()).isEqualTo("from f2");
        assertThat(k2.throwIn(new IndexOutOfBoundsException())).isEqualTo("caught");
        assertThat(k2.dead()).isTrue();
        assertThat(k1.dead()).isTrue();
    }

    // Java's own: values, checked exceptions, threads

    @Test
    void valuesPassBothWaysOneAsItselfSeveralAsAnArrayNoneAsNull() {
        List<Object> received = new ArrayList<>();
        Greenlet g = new Greenlet(first -> {
            received.add(first);
            received.add(switchToParent());
            received.add(switchToParent("one"));
            received.add(switchToParent(1, 2));
            return "end";
        });
        assertThat(g.switchTo("start")).isNull();
        assertThat(g.switchTo(7)).isEqualTo("one");
        assertThat((Object[]) g.switchTo()).containsExactly(1, 2);
        assertThat(g.switchTo("a", "b")).isEqualTo("end");
        assertThat(received.get(0)).isEqualTo("start");
        assertThat(received.get(1)).isEqualTo(7);
        assertThat(received.get(2)).isNull();
        assertThat((Object[]) received.get(3)).containsExactly("a", "b");
        // switching to yourself returns what you pass
        assertThat(Greenlet.current().switchTo(5)).isEqualTo(5);
    }

    @Test
    void checkedExceptionReachesTheParentUnwrapped() {
        IOException io = new IOException("disk");
        Greenlet g = new Greenlet(() -> {
            throw io;
        });
        assertThatThrownBy(g::switchTo).isSameAs(io);
        assertThat(g.dead()).isTrue();
        assertThat(g.started()).isTrue();
    }

    @Test
    void startedAndDeadFollowTheLifeOfAGreenlet() {
        Greenlet g = new Greenlet(() -> switchToParent());
        assertThat(Arrays.asList(g.started(), g.dead())).containsExactly(false, false);
        g.switchTo();
        assertThat(Arrays.asList(g.started(), g.dead())).containsExactly(true, false);
        g.switchTo();
        assertThat(Arrays.asList(g.started(), g.dead())).containsExactly(true, true);
        assertThat(Greenlet.current().started()).isTrue();
        assertThat(Greenlet.current().dead()).isFalse();
    }

    @Test
    void aGreenletThrownAwayAfterItsThreadEndedIsKilledAndItsThreadEnds() throws InterruptedException {
        List<Class<?>> seen = new CopyOnWriteArrayList<>();
        List<Thread> ran = new CopyOnWriteArrayList<>();
        Thread t = new Thread(() -> new Greenlet(log -> {
            ran.add(Thread.currentThread());
            return fmain(log);
        }).switchTo(seen));
        t.start();
        t.join(10_000);
        assertThat(seen).isEmpty();
        // nobody of that family will make a greenlet call again: a reaper kills it
        collectUntil(() -> !seen.isEmpty());
        assertThat(seen).containsExactly(GreenletExit.class);
        ran.get(0).join(10_000);
        assertThat(ran.get(0).isAlive()).isFalse();
    }

    @Test
    void greenletsRunOnDaemonThreadsNamedWeftGreenletVirtualOnJava21() throws ReflectiveOperationException {
        Thread[] ran = new Thread[1];
        new Greenlet(() -> ran[0] = Thread.currentThread()).switchTo();
        assertThat(ran[0].getName()).startsWith("weft-greenlet-");
        assertThat(ran[0].isDaemon()).isTrue();
        assertThat(ran[0]).isNotSameAs(Thread.currentThread());
        boolean virtualThreads = Runtime.version().feature() >= 21
                && !"platform".equals(System.getProperty("weft.greenlet.threads"));
        assertThat(isVirtual(ran[0])).isEqualTo(virtualThreads);
    }

    /** Thread.isVirtual(), on Java 21 and later; false before. */
    private static boolean isVirtual(Thread t) throws ReflectiveOperationException {
        if (Runtime.version().feature() < 21) {
            return false;
        }
        return (Boolean) Thread.class.getMethod("isVirtual").invoke(t);
    }
}
