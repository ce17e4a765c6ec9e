package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random switch graphs: a main greenlet and up to six greenlets with random parents, each running a
 * random script of switches, throws and re-parentings to random targets (main included), then
 * returning or raising. Exactly one greenlet of the family runs at any time, and it is the one
 * {@link Greenlet#current()} names; the main greenlet always gets control back; once the main
 * greenlet has ended every greenlet left ({@link Greenlet#throwIn()}), no greenlet thread is left
 * behind.
 */
class GreenletPropertyTest {

    static final int SWITCH = 0;
    static final int THROW = 1;
    static final int REPARENT = 2;

    /** One step: what to do, to whom ({@code -1} is the main greenlet). */
    static final class Step {
        final int kind;
        final int target;

        Step(int kind, int target) {
            this.kind = kind;
            this.target = target;
        }
    }

    static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** The family under test, with the checks its greenlets make as they run. */
    static final class Family {
        final AtomicInteger running = new AtomicInteger();
        final List<String> violations = Collections.synchronizedList(new ArrayList<>());
        final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        final List<Greenlet> greenlets = new ArrayList<>();
        Greenlet main;

        Greenlet target(int index) {
            return index < 0 ? main : greenlets.get(index);
        }

        void enter(int who) {
            if (running.incrementAndGet() != 1) {
                violations.add("greenlet " + who + " runs beside another");
            }
            if (Greenlet.current() != target(who)) {
                violations.add("current() is not greenlet " + who);
            }
        }

        void leave() {
            running.decrementAndGet();
        }

        /** Does one step of greenlet {@code who}: exceptions thrown at it by others are caught. */
        void step(int who, Step step) {
            Greenlet target = target(step.target);
            if (step.kind == REPARENT) {
                try {
                    Greenlet.current().setParent(target);
                } catch (IllegalArgumentException | IllegalStateException cyclicOrMain) {
                    // refused: a cycle, or the main greenlet (which has no parent)
                }
                return;
            }
            leave();
            try {
                if (step.kind == SWITCH) {
                    target.switchTo(who);
                } else {
                    target.throwIn(new Boom());
                }
            } catch (Boom caught) {
                // a Boom thrown in, or raised by a child that finished
            } finally {
                enter(who);
            }
        }

        Object body(int who, List<Step> script, boolean raise) {
            threads.add(Thread.currentThread());
            enter(who);
            try {
                for (Step step : script) {
                    step(who, step);
                }
                if (raise) {
                    throw new Boom();
                }
                return who;
            } finally {
                leave();
            }
        }
    }

    static List<Step> script(Random random, int n, int length, boolean main) {
        List<Step> script = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            int kind = main ? random.nextInt(2) : random.nextInt(3);
            int target = main ? random.nextInt(n) : random.nextInt(n + 1) - 1;
            script.add(new Step(kind, target));
        }
        return script;
    }

    /** Runs one random graph on a fresh thread (its own family), and returns the family to check. */
    static Family run(long seed) throws InterruptedException {
        Random random = new Random(seed);
        Family family = new Family();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread home = new Thread(() -> {
            try {
                family.main = Greenlet.current();
                int n = 1 + random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    int who = i;
                    List<Step> script = script(random, n, random.nextInt(7), false);
                    boolean raise = random.nextBoolean();
                    Greenlet parent = family.target(random.nextInt(i + 1) - 1);
                    family.greenlets.add(new Greenlet(v -> family.body(who, script, raise), parent));
                }
                family.enter(-1);
                for (Step step : script(random, n, 1 + random.nextInt(15), true)) {
                    family.step(-1, step);
                }
                for (Greenlet g : family.greenlets) {
                    while (!g.dead()) {
                        family.leave();
                        try {
                            g.throwIn();
                        } catch (Boom caught) {
                            // raised by a greenlet that was ending
                        } finally {
                            family.enter(-1);
                        }
                    }
                }
                family.leave();
            } catch (Throwable t) {
                failed.set(t);
            }
        }, "greenlet-property-" + seed);
        home.start();
        home.join(20_000);
        assertThat(home.isAlive()).as("the main greenlet never got control back (seed " + seed + ")").isFalse();
        assertThat(failed.get()).as("seed " + seed).isNull();
        return family;
    }

    @Property(tries = 200)
    void exactlyOneGreenletOfAFamilyRunsAndNoThreadIsLeftBehind(@ForAll long seed) throws InterruptedException {
        Family family = run(seed);
        assertThat(family.violations).as("seed " + seed).isEmpty();
        assertThat(family.running.get()).isZero();
        for (Greenlet g : family.greenlets) {
            assertThat(g.dead()).isTrue();
        }
        List<Thread> threads;
        synchronized (family.threads) {
            threads = new ArrayList<>(family.threads);
        }
        for (Thread t : threads) {
            t.join(10_000);
            assertThat(t.isAlive()).as("thread " + t.getName() + " left behind (seed " + seed + ")").isFalse();
        }
    }
}
