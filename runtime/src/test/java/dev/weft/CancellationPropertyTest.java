package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.internal.CoroutineFrame;
import dev.weft.internal.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random task graphs and random cancellation points: every coroutine that started runs its
 * {@code finally} exactly once (one that never started runs none of its body), and no task is
 * left pending after {@code Weft.run} returns. The coroutines are one hand-written interpreter
 * body in the shape the rewrite emits, running a random program: sleeps, inline awaits of child
 * programs, spawned tasks (awaited later or left behind), gathers, {@code waitFor} timeouts,
 * shielded tasks, swallowed cancellations, failures at the end. Virtual clock.
 */
class CancellationPropertyTest {

    /** One step of a program. */
    static final class Op {
        static final int SLEEP = 0;
        static final int AWAIT_INLINE = 1;
        static final int SPAWN = 2;
        static final int GATHER = 3;
        static final int SWALLOW_NEXT_CANCEL = 4;
        static final int WAIT_FOR = 5;
        static final int SHIELD = 6;

        final int kind;
        final double seconds;
        final List<Prog> children = new ArrayList<>();
        final boolean flag;

        Op(int kind, double seconds, boolean flag) {
            this.kind = kind;
            this.seconds = seconds;
            this.flag = flag;
        }
    }

    /** A coroutine's program. */
    static final class Prog {
        final List<Op> ops = new ArrayList<>();
        boolean raiseAtEnd;
    }

    /** What the run observed. */
    static final class World {
        final List<Boolean> started = new ArrayList<>();
        final List<Integer> finallies = new ArrayList<>();
        final List<Task<?>> tasks = new ArrayList<>();
        final Random random;

        World(Random random) {
            this.random = random;
        }

        int newId() {
            started.add(false);
            finallies.add(0);
            return started.size() - 1;
        }
    }

    static Prog randomProg(Random r, int depth) {
        Prog p = new Prog();
        int n = r.nextInt(4) + 1;
        for (int i = 0; i < n; i++) {
            int kind = depth <= 0 ? (r.nextBoolean() ? Op.SLEEP : Op.SWALLOW_NEXT_CANCEL) : r.nextInt(7);
            double[] sleeps = {0, 0, 0.1, 0.5, 1, 2};
            Op op = new Op(kind, sleeps[r.nextInt(sleeps.length)], r.nextBoolean());
            if (kind == Op.AWAIT_INLINE || kind == Op.SPAWN || kind == Op.WAIT_FOR || kind == Op.SHIELD) {
                op.children.add(randomProg(r, depth - 1));
            } else if (kind == Op.GATHER) {
                for (int k = r.nextInt(3) + 1; k > 0; k--) {
                    op.children.add(randomProg(r, depth - 1));
                }
            }
            p.ops.add(op);
        }
        p.raiseAtEnd = r.nextInt(8) == 0;
        return p;
    }

    static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Boom() {
            super("boom", null, false, false);
        }
    }

    /** The interpreter's frame-side state, kept in {@code refs[0]} as the rewrite keeps live values. */
    static final class State {
        final Prog prog;
        final World world;
        final int id;
        int pc;
        boolean swallowNext;
        final List<Task<?>> later = new ArrayList<>();

        State(Prog prog, World world) {
            this.prog = prog;
            this.world = world;
            this.id = world.newId();
        }

        @Override
        public String toString() {
            return "coro" + id;
        }
    }

    static Coroutine<Object> run(Prog prog, World world) {
        CoroutineFrame<Object> f = new CoroutineFrame<>(CancellationPropertyTest::body, 1, 0);
        f.r0 = new State(prog, world);
        return f;
    }

    private static Object body(Frame frame) {
        CoroutineFrame<?> f = (CoroutineFrame<?>) frame;
        State s = (State) f.r0;
        if (DEBUG) {
            System.out.println(Weft.getRunningLoop().time() + " resume " + s + " label " + f.label + " task " + Weft.currentTask());
        }
        if (f.label == 0) {
            assertThat(s.world.started.get(s.id)).as("a coroutine starts once").isFalse();
            s.world.started.set(s.id, true);
        } else {
            try {
                f.resumeValue();
            } catch (CancellationException e) {
                if (s.swallowNext) {
                    s.swallowNext = false;
                } else {
                    countFinally(s);
                    throw e;
                }
            } catch (RuntimeException e) {
                countFinally(s);
                throw e;
            }
        }
        while (s.pc < s.prog.ops.size()) {
            Op op = s.prog.ops.get(s.pc++);
            if (DEBUG) {
                System.out.println(Weft.getRunningLoop().time() + " " + s + " op " + op.kind + " " + op.seconds + " " + op.flag + " task " + Weft.currentTask());
            }
            switch (op.kind) {
                case Op.SLEEP:
                    return f.suspendAwait(1, Weft.sleep(op.seconds));
                case Op.AWAIT_INLINE:
                    return f.suspendAwait(1, run(op.children.get(0), s.world));
                case Op.SPAWN: {
                    Task<Object> t = Weft.createTask(run(op.children.get(0), s.world));
                    s.world.tasks.add(t);
                    if (op.flag) {
                        s.later.add(t);
                    }
                    break;
                }
                case Op.GATHER: {
                    List<Awaitable<?>> aws = new ArrayList<>();
                    for (Prog child : op.children) {
                        aws.add(run(child, s.world));
                    }
                    Future<?> g = op.flag ? Weft.gatherReturnExceptions(aws) : Weft.gather(aws);
                    return f.suspendAwait(1, g);
                }
                case Op.WAIT_FOR:
                    return f.suspendAwait(1, Weft.waitFor(run(op.children.get(0), s.world), op.seconds));
                case Op.SHIELD: {
                    Task<Object> t = Weft.createTask(run(op.children.get(0), s.world));
                    s.world.tasks.add(t);
                    return f.suspendAwait(1, Weft.shield(t));
                }
                default:
                    s.swallowNext = true;
            }
        }
        if (!s.later.isEmpty()) {
            return f.suspendAwait(1, s.later.remove(0));
        }
        countFinally(s);
        if (s.prog.raiseAtEnd) {
            throw new Boom();
        }
        return f.returning(s.id);
    }

    static boolean DEBUG = Boolean.getBoolean("weft.debug");

    /** The coroutine's {@code finally}, on every way out. */
    private static void countFinally(State s) {
        if (DEBUG) {
            System.out.println("finally " + s + " " + new Throwable().getStackTrace()[1]);
        }
        s.world.finallies.set(s.id, s.world.finallies.get(s.id) + 1);
    }

    @Property(tries = 300)
    void every_finally_runs_once_and_no_task_is_left_pending(@ForAll long seed) {
        Random r = new Random(seed);
        World world = new World(r);
        Prog main = randomProg(r, 3);
        List<double[]> cancels = new ArrayList<>();
        for (int k = r.nextInt(4); k > 0; k--) {
            cancels.add(new double[] {r.nextInt(30) / 10.0, r.nextInt(1000)});
        }
        AtomicReference<EventLoop> used = new AtomicReference<>();
        List<Object> reported = new ArrayList<>();
        Coroutine<Object> mainCoro = withChaos(run(main, world), world, cancels);
        try {
            Weft.run(mainCoro, () -> {
                EventLoop loop = EventLoop.withVirtualClock();
                loop.setExceptionHandler((l, ctx) -> reported.add(ctx));
                used.set(loop);
                return loop;
            });
        } catch (Boom | CancellationException | TimeoutException expected) {
            // the main program may fail or be cancelled
        }
        for (int id = 0; id < world.started.size(); id++) {
            int expected = world.started.get(id) ? 1 : 0;
            assertThat(world.finallies.get(id)).as("finally of coroutine %d (seed %d)", id, seed).isEqualTo(expected);
        }
        for (Task<?> t : world.tasks) {
            assertThat(t.done()).as("%s done after run (seed %d)", t, seed).isTrue();
        }
        assertThat(used.get().allTasks()).isEmpty();
        assertThat(used.get().isClosed()).isTrue();
    }

    /** Schedules the random cancellations, then runs {@code main} inline. */
    private static Coroutine<Object> withChaos(Coroutine<Object> main, World world, List<double[]> cancels) {
        return new CoroutineFrame<>(frame -> {
            CoroutineFrame<?> f = (CoroutineFrame<?>) frame;
            if (f.label == 0) {
                EventLoop loop = Weft.getRunningLoop();
                Task<?> self = Weft.currentTask();
                world.tasks.add(self);
                for (double[] c : cancels) {
                    loop.callLater(c[0], () -> {
                        Task<?> victim = world.tasks.get((int) c[1] % world.tasks.size());
                        boolean c2 = victim.cancel("chaos");
                        if (DEBUG) {
                            System.out.println(loop.time() + " chaos cancels " + victim + " -> " + c2);
                        }
                    });
                }
                return f.suspendAwait(1, main);
            }
            return f.returning(f.resumeValue());
        }, 0, 0);
    }
}
