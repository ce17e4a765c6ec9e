package dev.weft;

import static dev.weft.Weft.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loop is single-threaded, as asyncio's: while it runs, every public method of the loop, its
 * futures and tasks, the synchronization primitives and the queues refuses another thread with an
 * {@link IllegalStateException} naming the thread-safe doors, except the few listed here as
 * thread-safe, and the methods that only give a coroutine (nothing happens until it is awaited).
 * The methods are found by reflection, so a new one cannot escape the rule.
 */
class ForeignThreadTest {
    /** Safe from any thread: the doors in, and reads of what never changes. */
    private static final Set<String> THREAD_SAFE = Set.of(
            "EventLoop.callSoonThreadsafe", "EventLoop.runCoroutineThreadsafe", "EventLoop.isRunning",
            "EventLoop.isClosed", "EventLoop.defaultExceptionHandler", "Future.getLoop", "Queue.maxsize",
            "Barrier.parties", "Condition.lock");
    /** Object's methods, overridden or not: {@code toString()} may be called anywhere, for a log line. */
    private static final Set<String> OBJECT_METHODS = Set.of("toString", "hashCode", "equals", "getClass",
            "notify", "notifyAll", "wait");

    private final EventLoop loop = EventLoop.create();
    private final Future<Void> gate = loop.createFuture();
    private final CountDownLatch bound = new CountDownLatch(1);
    private final AtomicReference<Throwable> loopFailure = new AtomicReference<>();
    private final Map<String, Object> subjects = new LinkedHashMap<>();
    private Thread loopThread;

    @BeforeEach
    void runTheLoopOnItsOwnThread() throws InterruptedException {
        loopThread = new Thread(() -> {
            try {
                loop.runUntilComplete(bindEverything());
            } catch (Throwable t) {
                loopFailure.set(t);
            }
        }, "the-loop");
        loopThread.start();
        assertThat(bound.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @AfterEach
    void stopTheLoop() throws InterruptedException {
        loop.callSoonThreadsafe(() -> gate.setResult(null));
        loopThread.join(10_000);
        assertThat(loopThread.isAlive()).isFalse();
        assertThat(loopFailure.get()).isNull(); // refused calls left the loop working
        loop.close();
    }

    /** On the loop: makes one of each, bound to the loop by a first use, then waits for the test to end. */
    @Async
    private Coroutine<Void> bindEverything() {
        Lock lock = new Lock();
        await(lock.acquire()).close();
        Event event = new Event();
        event.set();
        event.clear();
        Condition condition = new Condition();
        try (Held held = await(condition.acquire())) {
            condition.signal();
        }
        Semaphore semaphore = new Semaphore();
        await(semaphore.acquire()).close();
        BoundedSemaphore bounded = new BoundedSemaphore();
        await(bounded.acquire()).close();
        Barrier barrier = new Barrier(1);
        await(barrier.arriveAndWait());
        Queue<Object> queue = new Queue<>();
        PriorityQueue<Object> priority = new PriorityQueue<>();
        LifoQueue<Object> lifo = new LifoQueue<>();
        for (Queue<Object> q : List.of(queue, priority, lifo)) {
            q.putNowait("item");
            q.getNowait();
            q.taskDone();
        }
        Future<Object> failed = loop.createFuture();
        failed.setException(new IllegalStateException("failed on the loop"));
        failed.exception();
        Task<Object> finished = loop.createTask(Coros.returning("finished"));
        await(finished);
        subjects.put("loop", loop);
        subjects.put("pending future", loop.createFuture());
        subjects.put("failed future", failed);
        subjects.put("pending task", loop.createTask(Coros.awaiting(gate)));
        subjects.put("finished task", finished);
        subjects.put("lock", lock);
        subjects.put("event", event);
        subjects.put("condition", condition);
        subjects.put("semaphore", semaphore);
        subjects.put("bounded semaphore", bounded);
        subjects.put("barrier", barrier);
        subjects.put("queue", queue);
        subjects.put("priority queue", priority);
        subjects.put("lifo queue", lifo);
        bound.countDown();
        await(gate);
        return Coroutine.done();
    }

    @Test
    void every_loop_bound_method_refuses_a_foreign_thread_naming_the_doors() throws Exception {
        Set<String> refused = new TreeSet<>();
        Set<String> givesCoroutine = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Object> subject : subjects.entrySet()) {
            Object target = subject.getValue();
            for (Method m : target.getClass().getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) || m.isBridge() || OBJECT_METHODS.contains(m.getName())) {
                    continue;
                }
                String name = m.getDeclaringClass().getSimpleName() + "." + m.getName();
                if (THREAD_SAFE.contains(name)) {
                    continue;
                }
                Object[] args = argumentsFor(m.getParameterTypes());
                Object returned;
                try {
                    returned = m.invoke(target, args);
                } catch (InvocationTargetException e) {
                    Throwable t = e.getCause();
                    if (t instanceof IllegalStateException && String.valueOf(t.getMessage()).contains("callSoonThreadsafe")
                            && t.getMessage().contains("'" + Thread.currentThread().getName() + "'")) {
                        refused.add(name);
                    } else {
                        wrong.add(subject.getKey() + ": " + m + " threw " + t);
                    }
                    continue;
                }
                if (Coroutine.class.isAssignableFrom(m.getReturnType()) && returned instanceof Coroutine) {
                    givesCoroutine.add(name); // nothing happens until it is awaited, on the loop
                } else {
                    wrong.add(subject.getKey() + ": " + m + " was accepted from a foreign thread, gave " + returned);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(refused).contains("Future.addDoneCallback", "Future.removeDoneCallback", "Future.done",
                "Future.result", "Future.setResult", "Future.cancel", "Task.cancel", "Task.getName", "EventLoop.callSoon",
                "EventLoop.createFuture", "EventLoop.runUntilComplete", "EventLoop.close", "Lock.release", "Lock.locked",
                "Queue.putNowait", "Queue.qsize", "Event.set", "Condition.signal", "Semaphore.value",
                "BoundedSemaphore.release", "Barrier.nWaiting");
        assertThat(givesCoroutine).containsExactlyInAnyOrder("Lock.acquire", "Event.waitSet", "Condition.acquire",
                "Condition.waitSignal", "Condition.waitUntil", "Semaphore.acquire", "Barrier.arriveAndWait",
                "Barrier.reset", "Barrier.abort", "Queue.put", "Queue.get", "Queue.join");
    }

    @Test
    void a_done_callback_from_a_foreign_thread_is_refused_and_the_future_still_works_on_its_loop() throws Exception {
        @SuppressWarnings("unchecked")
        Future<Object> fut = (Future<Object>) subjects.get("pending future");
        assertThatThrownBy(() -> fut.addDoneCallback(f -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Future.addDoneCallback")
                .hasMessageContaining("loop.callSoonThreadsafe(...)");
        CompletableFuture<Object> seen = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> {
            fut.addDoneCallback(f -> seen.complete(f.result()));
            fut.setResult("set on the loop");
        });
        assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("set on the loop");
    }

    @Test
    void a_coroutine_given_on_a_foreign_thread_runs_on_the_loop() throws Exception {
        @SuppressWarnings("unchecked")
        Queue<Object> queue = (Queue<Object>) subjects.get("queue");
        loop.runCoroutineThreadsafe(queue.put("from outside")).get(10, TimeUnit.SECONDS);
        assertThat(loop.runCoroutineThreadsafe(queue.get()).get(10, TimeUnit.SECONDS)).isEqualTo("from outside");
    }

    /** A plausible argument of each type a public method takes; null only where the thread is checked before it. */
    private static Object[] argumentsFor(Class<?>[] types) throws Exception {
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = argumentFor(types[i]);
        }
        return args;
    }

    private static Object argumentFor(Class<?> t) throws Exception {
        if (t == int.class) {
            return 1;
        } else if (t == double.class) {
            return 0.0;
        } else if (t == boolean.class) {
            return false;
        } else if (t == String.class) {
            return "x";
        } else if (t == Object.class) {
            return "item";
        } else if (t == Runnable.class) {
            return (Runnable) () -> { };
        } else if (t == Consumer.class) {
            return (Consumer<Object>) x -> { };
        } else if (t == BiConsumer.class) {
            return (BiConsumer<Object, Object>) (a, b) -> { };
        } else if (t == Supplier.class) {
            return (Supplier<Object>) () -> null;
        } else if (t == Callable.class) {
            return (Callable<Object>) () -> null;
        } else if (t == BooleanSupplier.class) {
            return (BooleanSupplier) () -> true;
        } else if (t == Throwable.class) {
            return new IllegalStateException("never set");
        } else if (t == Map.class) {
            return Map.of("message", "from a foreign thread");
        } else if (t == PrintStream.class) {
            return new PrintStream(new ByteArrayOutputStream());
        } else if (t == Executor.class) {
            return (Executor) Runnable::run;
        } else if (t == Coroutine.class || t == Awaitable.class) {
            return Coros.returning(1);
        } else if (t == CompletionStage.class) {
            return new CompletableFuture<>();
        } else if (t == Context.class) {
            return Context.copyContext();
        } else if (t == SocketChannel.class || t == SelectableChannel.class) {
            SocketChannel c = SocketChannel.open();
            c.configureBlocking(false);
            return c;
        } else if (t == ServerSocketChannel.class) {
            ServerSocketChannel c = ServerSocketChannel.open();
            c.configureBlocking(false);
            return c;
        } else if (t == SocketAddress.class || t == InetSocketAddress.class) {
            return new InetSocketAddress("127.0.0.1", 9);
        } else if (t == ByteBuffer.class) {
            return ByteBuffer.allocate(1);
        } else if (t == byte[].class) {
            return new byte[1];
        } else if (t == SSLContext.class) {
            return SSLContext.getDefault();
        } else if (t == Transport.class || t == Protocol.class) {
            return null;
        }
        return fail("ForeignThreadTest has no argument of type " + t.getName() + ": add one");
    }
}
