package dev.weft;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The {@code asyncio} module for Java: {@code import static dev.weft.Weft.*;}.
 *
 * <pre>{@code
 * @Async
 * static Coroutine<Void> main() {
 *     Task<String> t1 = createTask(sayAfter(1, "hello"));
 *     Task<String> t2 = createTask(sayAfter(2, "world"));
 *     await(t1);
 *     await(t2);
 *     List<Integer> fs = await(gather(factorial("A", 2), factorial("B", 3)));
 *     return Coroutine.done();
 * }
 *
 * public static void main(String[] args) {
 *     run(main());
 * }
 * }</pre>
 *
 * <p>Functions that need a running loop ({@link #createTask}, {@link #gather} of coroutines,
 * {@link #currentTask}, {@link #allTasks}) throw {@link IllegalStateException} outside one.
 * Coroutines such as {@link #sleep} and {@link #waitFor} are lazy: they look for the loop when they
 * first run, inside a task.
 */
public final class Weft {
    private Weft() {
    }

    /**
     * Python's {@code await}: suspends the calling {@code @Async} coroutine until {@code awaitable}
     * is done and gives its result. A coroutine is run inline; a task or future that is already
     * done is taken at once, with no suspension. Its exception comes out as thrown, never wrapped;
     * cancellation comes out as {@link java.util.concurrent.CancellationException}.
     *
     * @param <T> the type of the result
     * @param awaitable the coroutine, task or future to wait for
     * @return the result of {@code awaitable}
     * @throws NotRewrittenError if the calling method was not rewritten by Weft
     */
    public static <T> T await(Awaitable<T> awaitable) {
        throw NotRewrittenError.reached("Weft.await");
    }

    /**
     * Awaits any {@link CompletionStage}: completed on whatever thread, the awaiting task resumes on
     * its event loop. Exceptions come out unwrapped (not as {@code CompletionException}).
     *
     * @param <T> the type of the result
     * @param stage the completion stage to wait for
     * @return the result of {@code stage}
     */
    public static <T> T await(CompletionStage<T> stage) {
        throw NotRewrittenError.reached("Weft.await");
    }

    /**
     * {@link #await(Awaitable)}, naming a checked exception the awaitable may fail with, so that a
     * {@code catch} of it around the {@code await} compiles, as Python's {@code except} does:
     * <pre>{@code
     * try {
     *     Connection c = await(openConnection(host, port), ConnectException.class);
     * } catch (ConnectException e) {          // except ConnectionRefusedError:
     *     ...
     * }
     * }</pre>
     * The class only informs the compiler: whatever the awaitable fails with comes out as thrown,
     * named or not.
     *
     * @param <T> the type of the result
     * @param <X> the checked exception named
     * @param awaitable the coroutine, task or future to wait for
     * @param mayThrow the class of a checked exception {@code awaitable} may fail with
     * @return the result of {@code awaitable}
     * @throws X if {@code awaitable} fails with it
     */
    public static <T, X extends Throwable> T await(Awaitable<T> awaitable, Class<X> mayThrow) throws X {
        throw NotRewrittenError.reached("Weft.await");
    }

    /**
     * {@link #await(CompletionStage)}, naming a checked exception the stage may fail with, so that
     * a {@code catch} of it compiles: {@code await(client.sendAsync(request, handler), IOException.class)}
     * inside {@code try { ... } catch (IOException e)}.
     *
     * @param <T> the type of the result
     * @param <X> the checked exception named
     * @param stage the completion stage to wait for
     * @param mayThrow the class of a checked exception {@code stage} may fail with
     * @return the result of {@code stage}
     * @throws X if {@code stage} fails with it
     */
    public static <T, X extends Throwable> T await(CompletionStage<T> stage, Class<X> mayThrow) throws X {
        throw NotRewrittenError.reached("Weft.await");
    }

    // ---- running ----

    /**
     * Python's {@code asyncio.run(main)}: runs {@code main} on a new event loop (real clock) until
     * it is done, then cancels the tasks still pending and waits for them (and for tasks they start
     * meanwhile), shuts down the default executor, and closes the loop.
     * Gives what {@code main} returns; its exception comes out unwrapped, its cancellation as
     * {@link java.util.concurrent.CancellationException}.
     *
     * @param <T> the type of the result
     * @param main the coroutine to run, from an {@code @Async} method
     * @return what {@code main} returns
     * @throws IllegalStateException if called from a running loop (await the coroutine there instead)
     * @throws IllegalArgumentException if {@code main} is not a coroutine of an {@code @Async} method
     */
    public static <T> T run(Coroutine<T> main) {
        return run(main, EventLoop::create);
    }

    /**
     * {@link #run(Coroutine)} on a loop from {@code loopFactory} (Python 3.12's {@code loop_factory}),
     * for instance {@code run(main(), EventLoop::withVirtualClock)} to run in virtual time.
     *
     * @param <T> the type of the result
     * @param main the coroutine to run, from an {@code @Async} method
     * @param loopFactory makes the loop to run on
     * @return what {@code main} returns
     */
    public static <T> T run(Coroutine<T> main, Supplier<EventLoop> loopFactory) {
        Coroutine<T> coro = EventLoop.frameOf(main, "run");
        if (EventLoop.runningOrNull() != null) {
            throw new IllegalStateException("Weft.run() cannot be called from a running event loop:"
                    + " inside a coroutine, await the coroutine (or createTask it) instead");
        }
        EventLoop loop = loopFactory.get();
        try {
            return loop.runUntilComplete(loop.createTask(coro));
        } finally {
            try {
                cancelAllTasks(loop);
                loop.asyncGenerators.closeAll(loop);
                loop.shutdownDefaultExecutor();
            } finally {
                loop.close();
            }
        }
    }

    /**
     * Python's {@code runners._cancel_all_tasks}: cancels what is left, waits for it, reports its
     * errors. Unlike Python's single pass, tasks created during the shutdown (by a task that caught
     * its cancellation) are cancelled in turn, so that none is left pending when {@code run} returns;
     * after 1000 rounds the rest is reported to the exception handler and left.
     */
    private static void cancelAllTasks(EventLoop loop) {
        for (int round = 0; round < 1000; round++) {
            Set<Task<?>> toCancel = loop.allTasks();
            if (toCancel.isEmpty()) {
                return;
            }
            for (Task<?> t : toCancel) {
                t.cancel();
            }
            loop.runUntilComplete(Gather.of(loop, true, new ArrayList<>(toCancel)));
            for (Task<?> t : toCancel) {
                if (!t.cancelled() && t.exception() != null) {
                    loop.callExceptionHandler(EventLoop.context("unhandled exception during Weft.run() shutdown",
                            t.exception(), "task", t));
                }
            }
        }
        loop.callExceptionHandler(EventLoop.context("tasks still pending after Weft.run() shutdown", null,
                "tasks", loop.allTasks()));
    }

    /**
     * Python's {@code asyncio.create_task(coro)}: schedules {@code coro} as a task on the running
     * loop; it starts in the next iteration.
     *
     * @param <T> the type of the coroutine's result
     * @param coro the coroutine to run as a task
     * @return the scheduled task
     * @throws IllegalStateException if no loop runs on this thread, or the coroutine was awaited before
     */
    public static <T> Task<T> createTask(Coroutine<T> coro) {
        return EventLoop.requireRunning("createTask").createTask(coro);
    }

    /**
     * {@link #createTask(Coroutine)} with a name.
     *
     * @param <T> the type of the coroutine's result
     * @param coro the coroutine to run as a task
     * @param name the task's name, or null for a generated one
     * @return the scheduled task
     */
    public static <T> Task<T> createTask(Coroutine<T> coro, String name) {
        return EventLoop.requireRunning("createTask").createTask(coro, name);
    }

    /**
     * {@link #createTask(Coroutine, String)} running in {@code context}: Python's
     * {@code asyncio.create_task(coro, name=name, context=context)}.
     *
     * @param <T> the type of the coroutine's result
     * @param coro the coroutine to run as a task
     * @param name the task's name, or null for a generated one
     * @param context the context the task runs in, or null for a copy of the current one
     * @return the scheduled task
     * @throws IllegalStateException if no loop runs on this thread, or the coroutine was awaited before
     */
    public static <T> Task<T> createTask(Coroutine<T> coro, String name, Context context) {
        return EventLoop.requireRunning("createTask").createTask(coro, name, context);
    }

    /**
     * The running loop ({@code asyncio.get_running_loop()}); throws {@link IllegalStateException} if none.
     *
     * @return the event loop running on this thread
     */
    public static EventLoop getRunningLoop() {
        return EventLoop.getRunningLoop();
    }

    /**
     * The task running now, or null in a plain callback ({@code asyncio.current_task()}). Needs a running loop.
     *
     * @return the task running now, or null
     */
    public static Task<?> currentTask() {
        return EventLoop.requireRunning("currentTask").currentTask;
    }

    /**
     * The running loop's tasks that are not done ({@code asyncio.all_tasks()}), a snapshot.
     *
     * @return a snapshot of the running loop's tasks that are not done
     */
    public static Set<Task<?>> allTasks() {
        return EventLoop.requireRunning("allTasks").allTasks();
    }

    // ---- sleeping ----

    /**
     * Python's {@code asyncio.sleep(seconds)}: a coroutine that suspends the awaiting task for
     * {@code seconds} on its loop's clock. {@code sleep(0)} (or less) yields exactly once: the task
     * lets every other ready callback run and goes on in the next iteration. Cancelling the
     * sleeping task cancels the timer. Lazy: nothing happens until it is awaited.
     *
     * @param seconds how long to sleep, in seconds
     * @return a coroutine that sleeps when awaited
     * @throws IllegalArgumentException if {@code seconds} is NaN
     */
    public static Coroutine<Void> sleep(double seconds) {
        return Sleep.of(seconds);
    }

    /**
     * {@link #sleep(double)} for a {@link Duration}.
     *
     * @param duration how long to sleep
     * @return a coroutine that sleeps when awaited
     */
    public static Coroutine<Void> sleep(Duration duration) {
        return Sleep.of(duration.getSeconds() + duration.getNano() / 1e9);
    }

    // ---- combinators ----

    /**
     * Python's {@code asyncio.gather(*aws)}: a future of the results of {@code awaitables}, in
     * argument order. Coroutines are wrapped in tasks on the running loop, so all run concurrently.
     * The first child to fail makes the gather fail with its exception (unwrapped) at once; the other
     * children are not cancelled. Cancelling the gather cancels every child not done.
     * {@code gather()} of nothing gives an empty list.
     *
     * @param <T> the type of the results
     * @param awaitables the coroutines, tasks or futures to run together
     * @return a future of their results, in argument order
     * @throws IllegalStateException if a coroutine is given and no loop runs
     */
    @SafeVarargs
    public static <T> Future<List<T>> gather(Awaitable<? extends T>... awaitables) {
        return Gather.of(null, false, Arrays.asList(awaitables));
    }

    /**
     * {@link #gather(Awaitable[])} of a collection, in its iteration order: {@code gather(tasks)} for Python's {@code gather(*tasks)}.
     *
     * @param <T> the type of the results
     * @param awaitables the coroutines, tasks or futures to run together
     * @return a future of their results, in iteration order
     */
    public static <T> Future<List<T>> gather(Collection<? extends Awaitable<? extends T>> awaitables) {
        return Gather.of(null, false, new ArrayList<>(awaitables));
    }

    /**
     * Python's {@code asyncio.gather(*aws, return_exceptions=True)}: like {@link #gather}, but a
     * child's exception (a {@link java.util.concurrent.CancellationException} for a cancelled child)
     * takes its place in the results instead of failing the gather. Only cancelling the gather
     * itself makes it fail.
     *
     * @param awaitables the coroutines, tasks or futures to run together
     * @return a future of their results or exceptions, in argument order
     */
    public static Future<List<Object>> gatherReturnExceptions(Awaitable<?>... awaitables) {
        return Gather.of(null, true, Arrays.asList(awaitables));
    }

    /**
     * {@link #gatherReturnExceptions(Awaitable[])} of a collection, in its iteration order.
     *
     * @param awaitables the coroutines, tasks or futures to run together
     * @return a future of their results or exceptions, in iteration order
     */
    public static Future<List<Object>> gatherReturnExceptions(Collection<? extends Awaitable<?>> awaitables) {
        return Gather.of(null, true, new ArrayList<>(awaitables));
    }

    /**
     * Python's {@code asyncio.wrap_future(stage)}: {@link EventLoop#wrapFuture} on the running loop.
     *
     * @param <T> the type of the stage's result
     * @param stage the completion stage to follow
     * @return a future on the running loop with the stage's outcome
     */
    public static <T> Future<T> wrapFuture(CompletionStage<T> stage) {
        return EventLoop.requireRunning("wrapFuture").wrapFuture(stage);
    }

    /**
     * Python's {@code asyncio.shield(aw)}: a future with the outcome of {@code work} (a coroutine is
     * wrapped in a task), whose cancellation does not reach {@code work}. A task awaiting the shield
     * and cancelled gets its {@code CancellationException}; the work goes on. Given something done,
     * gives it back as is.
     *
     * @param <T> the type of the work's result
     * @param work the coroutine, task or future to protect from cancellation
     * @return a future with the outcome of {@code work}
     */
    public static <T> Future<T> shield(Awaitable<T> work) {
        if (work == null) {
            throw new NullPointerException("shield(null): pass the coroutine, task or future to protect");
        }
        return Shield.of(work);
    }

    /**
     * Python's {@code asyncio.wait(fs, timeout=..., return_when=...)} ({@code wait} is taken by
     * {@link Object#wait()}): a coroutine that waits until {@code returnWhen} holds for
     * {@code futures} or {@code timeoutSeconds} pass ({@link Double#POSITIVE_INFINITY}: no
     * timeout), and gives the futures done and pending. It cancels nothing and raises no timeout.
     *
     * @param <F> the type of the futures
     * @param futures the tasks or futures to wait for; not empty
     * @param returnWhen when to stop waiting
     * @param timeoutSeconds the most seconds to wait
     * @return a coroutine giving the futures done and pending
     * @throws IllegalArgumentException if {@code futures} is empty
     */
    public static <F extends Future<?>> Coroutine<DoneAndPending<F>> waitTasks(Collection<F> futures, ReturnWhen returnWhen,
            double timeoutSeconds) {
        return Wait.of(futures, returnWhen, timeoutSeconds);
    }

    /**
     * {@link #waitTasks(Collection, ReturnWhen, double)} without a timeout.
     *
     * @param <F> the type of the futures
     * @param futures the tasks or futures to wait for; not empty
     * @param returnWhen when to stop waiting
     * @return a coroutine giving the futures done and pending
     */
    public static <F extends Future<?>> Coroutine<DoneAndPending<F>> waitTasks(Collection<F> futures, ReturnWhen returnWhen) {
        return Wait.of(futures, returnWhen, Double.POSITIVE_INFINITY);
    }

    /**
     * {@link #waitTasks(Collection, ReturnWhen, double)} until all are done ({@link ReturnWhen#ALL_COMPLETED}), without a timeout.
     *
     * @param <F> the type of the futures
     * @param futures the tasks or futures to wait for; not empty
     * @return a coroutine giving the futures done (all of them) and pending (none)
     */
    public static <F extends Future<?>> Coroutine<DoneAndPending<F>> waitTasks(Collection<F> futures) {
        return Wait.of(futures, ReturnWhen.ALL_COMPLETED, Double.POSITIVE_INFINITY);
    }

    /**
     * Python's {@code asyncio.as_completed(aws, timeout=...)}: one coroutine per distinct awaitable
     * (coroutines are wrapped in tasks on the running loop); awaiting the k-th gives the outcome of
     * the k-th to finish. After {@code timeoutSeconds}, the ones not answered yet raise
     * {@link TimeoutException}; nothing is cancelled.
     *
     * <pre>{@code
     * for (Coroutine<String> next : asCompleted(tasks, 10)) {
     *     String earliest = await(next);
     * }
     * }</pre>
     *
     * @param <T> the type of the results
     * @param awaitables the coroutines, tasks or futures to run
     * @param timeoutSeconds the most seconds to wait for all of them
     * @return one coroutine per awaitable, in order of completion
     */
    public static <T> List<Coroutine<T>> asCompleted(Collection<? extends Awaitable<? extends T>> awaitables, double timeoutSeconds) {
        return AsCompleted.of(awaitables, timeoutSeconds);
    }

    /**
     * {@link #asCompleted(Collection, double)} without a timeout.
     *
     * @param <T> the type of the results
     * @param awaitables the coroutines, tasks or futures to run
     * @return one coroutine per awaitable, in order of completion
     */
    public static <T> List<Coroutine<T>> asCompleted(Collection<? extends Awaitable<? extends T>> awaitables) {
        return AsCompleted.of(awaitables, Double.POSITIVE_INFINITY);
    }

    /**
     * Python's {@code asyncio.open_connection(host, port)}: connects and gives the connection's
     * {@link StreamReader} and {@link StreamWriter}; a refused connection throws
     * {@link java.net.ConnectException} at the await.
     *
     * <pre>{@code
     * Connection c = await(openConnection("127.0.0.1", port));
     * c.writer().write("hi\n".getBytes(UTF_8));
     * byte[] echoed = await(c.reader().readline());
     * }</pre>
     *
     * @param host the host name or address
     * @param port the port
     * @return a coroutine giving the connection's reader and writer
     */
    public static Coroutine<Connection> openConnection(String host, int port) {
        return Streams.openConnection(host, port, StreamReader.DEFAULT_LIMIT);
    }

    /**
     * Python's {@code asyncio.open_connection(host, port, ssl=context)}: a connection over TLS,
     * the server's certificate checked against {@code host}. A failed handshake throws its
     * {@link javax.net.ssl.SSLHandshakeException} (an untrusted, expired or misnamed certificate, a
     * peer that does not speak TLS) and leaves nothing open. TLS cannot half close:
     * {@link StreamWriter#canWriteEof()} is false.
     *
     * @param host the host name or address, and the name the certificate must have
     * @param port the port
     * @param sslContext the TLS context (its trust managers decide which certificates are trusted)
     * @return a coroutine of the reader and writer, once the handshake is done
     */
    public static Coroutine<Connection> openConnection(String host, int port, SSLContext sslContext) {
        return openConnection(host, port, sslContext, host);
    }

    /**
     * {@link #openConnection(String, int, SSLContext)} with Python's {@code server_hostname}.
     *
     * @param host the host name or address
     * @param port the port
     * @param sslContext the TLS context
     * @param serverHostname the name the certificate must have (null: {@code host}; "": none checked)
     * @return a coroutine of the reader and writer, once the handshake is done
     */
    public static Coroutine<Connection> openConnection(String host, int port, SSLContext sslContext, String serverHostname) {
        if (sslContext == null) {
            throw new NullPointerException("openConnection: sslContext is null");
        }
        return Streams.openConnection(host, port, StreamReader.DEFAULT_LIMIT, sslContext, serverHostname);
    }

    /**
     * {@link #openConnection(String, int)} with the reader's buffer limit (Python's {@code limit=}).
     *
     * @param host the host name or address
     * @param port the port
     * @param limit the reader's limit, in bytes
     * @return a coroutine giving the connection's reader and writer
     */
    public static Coroutine<Connection> openConnection(String host, int port, int limit) {
        return Streams.openConnection(host, port, limit);
    }

    /**
     * Python's {@code asyncio.start_server(client_connected_cb, host, port)}: a {@link Server}
     * that calls {@code clientConnected} with the reader and writer of each connection and runs
     * what it returns in a task of its own. Port 0: any free port ({@link Server#sockets()}).
     *
     * <pre>{@code
     * Server server = await(startServer(Echo::handleEcho, "127.0.0.1", 0));
     * int port = server.sockets().get(0).getPort();
     * }</pre>
     *
     * @param clientConnected called for each connection
     * @param host the host name or address to listen on, or null for every interface
     * @param port the port, or 0 for any free one
     * @return a coroutine giving the server, serving
     */
    public static Coroutine<Server> startServer(ClientConnected clientConnected, String host, int port) {
        return Streams.startServer(clientConnected, host, port, StreamReader.DEFAULT_LIMIT);
    }

    /**
     * Python's {@code asyncio.start_server(handler, host, port, ssl=context)}: each connection
     * over TLS with {@code sslContext} (the server's key and certificate); the handler runs once
     * the handshake is done, and a client whose handshake fails is closed without reaching it.
     *
     * @param clientConnected called for each connection
     * @param host the host name or address to listen on, or null for every interface
     * @param port the port, or 0 for any free port
     * @param sslContext the server's TLS context
     * @return a coroutine of the server, serving
     */
    public static Coroutine<Server> startServer(ClientConnected clientConnected, String host, int port, SSLContext sslContext) {
        if (sslContext == null) {
            throw new NullPointerException("startServer: sslContext is null");
        }
        return Streams.startServer(clientConnected, host, port, StreamReader.DEFAULT_LIMIT, sslContext);
    }

    /**
     * {@link #startServer(ClientConnected, String, int)} with the readers' buffer limit.
     *
     * @param clientConnected called for each connection
     * @param host the host name or address to listen on, or null for every interface
     * @param port the port, or 0 for any free one
     * @param limit each reader's limit, in bytes
     * @return a coroutine giving the server, serving
     */
    public static Coroutine<Server> startServer(ClientConnected clientConnected, String host, int port, int limit) {
        return Streams.startServer(clientConnected, host, port, limit);
    }

    /**
     * Python's {@code asyncio.open_unix_connection(path)}: connects to the Unix domain stream
     * socket at {@code path} and gives the connection's {@link StreamReader} and
     * {@link StreamWriter} (the writer's {@code "peername"} is {@code path}). Nobody listening
     * throws {@link java.net.ConnectException} or {@link java.net.SocketException} at the await.
     *
     * <pre>{@code
     * Connection c = await(openUnixConnection("/run/app.sock"));
     * }</pre>
     *
     * @param path the socket file's path
     * @return a coroutine giving the connection's reader and writer
     * @throws UnsupportedOperationException at the await, on Java 11-15 (no Unix domain sockets)
     */
    public static Coroutine<Connection> openUnixConnection(String path) {
        return Streams.openUnixConnection(path, StreamReader.DEFAULT_LIMIT, null, null);
    }

    /**
     * {@link #openUnixConnection(String)} with the reader's buffer limit (Python's {@code limit=}).
     *
     * @param path the socket file's path
     * @param limit the reader's limit, in bytes
     * @return a coroutine giving the connection's reader and writer
     */
    public static Coroutine<Connection> openUnixConnection(String path, int limit) {
        return Streams.openUnixConnection(path, limit, null, null);
    }

    /**
     * {@link #openUnixConnection(String)} over TLS, the server's certificate checked against
     * {@code serverHostname} (a path names no host: asyncio requires it too; "" checks no name).
     *
     * @param path the socket file's path
     * @param sslContext the TLS context
     * @param serverHostname the name the certificate must have, "" for none
     * @return a coroutine of the reader and writer, once the handshake is done
     */
    public static Coroutine<Connection> openUnixConnection(String path, SSLContext sslContext, String serverHostname) {
        if (sslContext == null) {
            throw new NullPointerException("openUnixConnection: sslContext is null");
        }
        return Streams.openUnixConnection(path, StreamReader.DEFAULT_LIMIT, sslContext, serverHostname);
    }

    /**
     * Python's {@code asyncio.start_unix_server(client_connected_cb, path)}: a {@link Server}
     * listening on a Unix domain stream socket at {@code path}, calling {@code clientConnected}
     * with each connection's reader and writer. A socket file left at {@code path} is replaced;
     * closing the server removes the file (Python 3.13).
     *
     * @param clientConnected called for each connection
     * @param path the socket file's path
     * @return a coroutine giving the server, serving
     * @throws UnsupportedOperationException at the await, on Java 11-15 (no Unix domain sockets)
     */
    public static Coroutine<Server> startUnixServer(ClientConnected clientConnected, String path) {
        return Streams.startUnixServer(clientConnected, path, StreamReader.DEFAULT_LIMIT, null);
    }

    /**
     * {@link #startUnixServer(ClientConnected, String)} with the readers' buffer limit.
     *
     * @param clientConnected called for each connection
     * @param path the socket file's path
     * @param limit each reader's limit, in bytes
     * @return a coroutine giving the server, serving
     */
    public static Coroutine<Server> startUnixServer(ClientConnected clientConnected, String path, int limit) {
        return Streams.startUnixServer(clientConnected, path, limit, null);
    }

    /**
     * {@link #startUnixServer(ClientConnected, String)}, each connection over TLS with
     * {@code sslContext}.
     *
     * @param clientConnected called for each connection
     * @param path the socket file's path
     * @param sslContext the server's TLS context
     * @return a coroutine giving the server, serving
     */
    public static Coroutine<Server> startUnixServer(ClientConnected clientConnected, String path, SSLContext sslContext) {
        if (sslContext == null) {
            throw new NullPointerException("startUnixServer: sslContext is null");
        }
        return Streams.startUnixServer(clientConnected, path, StreamReader.DEFAULT_LIMIT, sslContext);
    }

    /**
     * Python's {@code asyncio.to_thread(fn)}: a coroutine that runs {@code fn} on the running loop's
     * default executor (see {@link EventLoop#runInExecutor}) and gives its result; its exception
     * comes out unwrapped. Lazy: {@code fn} is submitted when the coroutine first runs. It runs in
     * a copy of the current {@link Context}: it sees the caller's {@link ContextVar}s.
     *
     * @param <T> the type of the function's result
     * @param fn the blocking function to run
     * @return a coroutine giving {@code fn}'s result
     */
    public static <T> Coroutine<T> toThread(Callable<T> fn) {
        if (fn == null) {
            throw new NullPointerException("toThread(null): pass the blocking function to run");
        }
        return ToThread.of(fn);
    }

    /**
     * Python's {@code asyncio.wait_for(aw, timeout)} (3.12+: {@code async with timeout(seconds):
     * return await aw}): a coroutine giving the result of {@code work} if it finishes within
     * {@code seconds}. A coroutine runs inline in the awaiting task, as any awaited coroutine.
     * Otherwise the task is cancelled (which cancels a task or future it awaits), the work ends,
     * and {@link TimeoutException} is thrown (its cause the work's {@code CancellationException});
     * if the work swallowed the cancellation and returned, its result counts. With
     * {@code seconds <= 0} the work is cancelled at once unless already done (a coroutine is then
     * wrapped in a task, which never starts); with {@link Double#POSITIVE_INFINITY} it is simply
     * awaited. Cancelling the waiting task cancels the work too.
     *
     * @param <T> the type of the work's result
     * @param work the coroutine, task or future to wait for
     * @param seconds the most seconds to wait
     * @return a coroutine giving the work's result
     */
    public static <T> Coroutine<T> waitFor(Awaitable<T> work, double seconds) {
        return WaitFor.of(work, seconds);
    }

    /**
     * {@link #waitFor(Awaitable, double)} with a {@link Duration}.
     *
     * @param <T> the type of the work's result
     * @param work the coroutine, task or future to wait for
     * @param timeout the most time to wait
     * @return a coroutine giving the work's result
     */
    public static <T> Coroutine<T> waitFor(Awaitable<T> work, Duration timeout) {
        return WaitFor.of(work, timeout.getSeconds() + timeout.getNano() / 1e9);
    }

    // ---- scopes: timeouts and task groups ----

    /**
     * Python's {@code async with asyncio.timeout(seconds): await work}: a coroutine that runs
     * {@code work} inline in the awaiting task (a coroutine as part of its await chain; a task or
     * future awaited) and gives its result, unless {@code seconds} pass first. Then the task is
     * cancelled: the work sees a {@link java.util.concurrent.CancellationException} at its await
     * point, its {@code finally} blocks run, and when it has ended with that cancellation the scope
     * throws {@link TimeoutException} (its cause the cancellation). Nested scopes: only the one that
     * expired raises; an outer expiry goes through an inner scope as a cancellation. A cancellation
     * from elsewhere is not turned into a timeout. If the work swallows the cancellation and
     * returns, its result is returned.
     *
     * <pre>{@code
     * String page = await(timeout(10, fetch(url)));
     * }</pre>
     *
     * <p>Why not try-with-resources: {@code close()} can neither see the exception in flight, nor
     * replace it, nor suspend; the scope is a function of its work instead. The deadline is set
     * when the coroutine starts; {@link Double#POSITIVE_INFINITY} means none; zero or less expires in
     * the next iteration of the loop.
     *
     * @param <T> the type of the work's result
     * @param seconds the most seconds the work may take
     * @param work the coroutine, task or future to run under the deadline
     * @return a coroutine giving the work's result
     * @throws IllegalArgumentException if {@code seconds} is NaN
     */
    public static <T> Coroutine<T> timeout(double seconds, Awaitable<T> work) {
        return TimeoutScope.of(seconds, false, work, "timeout");
    }

    /**
     * {@link #timeout(double, Awaitable)} whose work is made from the scope, when the coroutine
     * starts: the work may read or move the deadline ({@link Timeout#reschedule}). A function
     * returning null runs nothing more and gives null.
     *
     * <pre>{@code
     * String page = await(timeout(10, t -> fetchPatiently(t, url)));   // an @Async method taking the Timeout
     * }</pre>
     *
     * @param <T> the type of the work's result
     * @param seconds the most seconds the work may take
     * @param work makes the work from the scope
     * @return a coroutine giving the work's result
     */
    public static <T> Coroutine<T> timeout(double seconds, Function<Timeout, ? extends Awaitable<T>> work) {
        return TimeoutScope.of(seconds, false, work, "timeout");
    }

    /**
     * Python's {@code asyncio.timeout_at(when)}: {@link #timeout(double, Awaitable)} with a deadline
     * in seconds on the loop's clock ({@link EventLoop#time()}) instead of a delay.
     *
     * <pre>{@code
     * await(timeoutAt(getRunningLoop().time() + 10, fetch(url)));
     * }</pre>
     *
     * @param <T> the type of the work's result
     * @param when the deadline, in seconds on the loop's clock
     * @param work the coroutine, task or future to run under the deadline
     * @return a coroutine giving the work's result
     */
    public static <T> Coroutine<T> timeoutAt(double when, Awaitable<T> work) {
        return TimeoutScope.of(when, true, work, "timeoutAt");
    }

    /**
     * {@link #timeoutAt(double, Awaitable)} whose work is made from the scope, as {@link #timeout(double, Function)}.
     *
     * @param <T> the type of the work's result
     * @param when the deadline, in seconds on the loop's clock
     * @param work makes the work from the scope
     * @return a coroutine giving the work's result
     */
    public static <T> Coroutine<T> timeoutAt(double when, Function<Timeout, ? extends Awaitable<T>> work) {
        return TimeoutScope.of(when, true, work, "timeoutAt");
    }

    /**
     * Python's {@code async with asyncio.TaskGroup() as tg: ...}: a coroutine that makes a
     * {@link TaskGroup}, calls {@code body} with it at once (to start children with
     * {@link TaskGroup#createTask}), awaits inline, in the same task, the awaitable {@code body}
     * returns (if not null) as the group's own work, then waits for every child. Its result is the
     * work's result (null without work).
     *
     * <p>A child failing (other than by cancellation) cancels the work and every other child; once
     * all are done the group throws {@link TaskGroupException} listing every error. Cancelling the
     * awaiting task cancels the children too, waits for them, then goes on as a
     * {@code CancellationException}.
     *
     * <pre>{@code
     * await(withTaskGroup(tg -> {
     *     tg.createTask(fetch("a"));
     *     tg.createTask(fetch("b"));
     *     return null;
     * }));                                    // both done here
     * int n = await(withTaskGroup(tg -> crawl(tg, root)));   // crawl: an @Async method that spawns into tg
     * }</pre>
     *
     * <p>{@code await} cannot appear inside the lambda (it is not rewritten); return a coroutine
     * instead, as above.
     *
     * @param <T> the type of the work's result
     * @param body starts the children and gives the group's own work, or null
     * @return a coroutine giving the work's result, once every child is done
     */
    public static <T> Coroutine<T> withTaskGroup(Function<TaskGroup, ? extends Awaitable<T>> body) {
        return TaskGroup.scope(body);
    }

    // ---- async generators ----

    /**
     * Python's {@code anext(agen)}: a coroutine giving the next value of {@code agen}
     * ({@code agen.anext()}).
     *
     * @param <Y> the type of values yielded
     * @param agen the async generator to advance
     * @return a coroutine giving the next value, or raising {@code NoSuchElementException} at the end
     */
    public static <Y> Coroutine<Y> anext(AsyncGenerator<Y, ?> agen) {
        return agen.anext();
    }

    /**
     * Python's {@code anext(agen, default)}: a coroutine giving the next value of {@code agen}, or
     * {@code defaultValue} at its end.
     *
     * @param <Y> the type of values yielded
     * @param agen the async generator to advance
     * @param defaultValue what to give when it has finished
     * @return a coroutine giving the next value, or {@code defaultValue} at the end
     */
    public static <Y> Coroutine<Y> anext(AsyncGenerator<Y, ?> agen, Y defaultValue) {
        return AsyncIteration.anext(agen, defaultValue);
    }

    /**
     * Python's {@code async with contextlib.aclosing(agen) as g: work(g)}: a coroutine that awaits
     * the work {@code work} makes of {@code agen} and then, whatever happened, awaits
     * {@code agen.aclose()}, so its {@code finally} blocks run even when the work stops early.
     *
     * <pre>{@code
     * int first = await(aclosing(ticker(0.1, 10), g -> firstOver(g, 3)));  // firstOver: an @Async method
     * }</pre>
     *
     * @param <G> the type of the async generator
     * @param <T> the type of the work's result
     * @param agen the async generator to close at the end
     * @param work makes the work of the generator: an {@code @Async} method reference, for instance
     * @return a coroutine giving the work's result, once the generator is closed
     */
    public static <G extends AsyncGenerator<?, ?>, T> Coroutine<T> aclosing(G agen, Function<? super G, ? extends Awaitable<T>> work) {
        return AsyncIteration.aclosing(agen, work);
    }

    /**
     * Python's {@code asyncio.create_subprocess_exec(program, *args)}: starts {@code args[0]} with
     * the other arguments, every stream inherited from this process. Awaiting it throws
     * {@link IllegalArgumentException} for no arguments and the {@link java.io.IOException} of
     * {@link ProcessBuilder#start()} for a program that cannot run (Python's
     * {@code FileNotFoundError}: {@code "Cannot run program ..."}).
     *
     * @param args the program and its arguments
     * @return a coroutine giving the running {@link Subprocess}
     */
    public static Coroutine<Subprocess> createSubprocessExec(String... args) {
        return createSubprocessExec(new SubprocessOptions(), args);
    }

    /**
     * Python's {@code asyncio.create_subprocess_exec(program, *args, stdin=, stdout=, stderr=, limit=)}:
     * {@link #createSubprocessExec(String...)} with the streams and other options given. Each piped
     * stream has a daemon thread of its own off the loop (see {@link Subprocess}).
     *
     * <pre>{@code
     * Subprocess p = await(createSubprocessExec(new SubprocessOptions().stdout(PIPE), "python3", "-c", "print(1)"));
     * SubprocessOutput out = await(p.communicate());
     * }</pre>
     *
     * @param options where the child's streams go, the readers' limit, its directory and environment
     * @param args the program and its arguments
     * @return a coroutine giving the running {@link Subprocess}
     */
    public static Coroutine<Subprocess> createSubprocessExec(SubprocessOptions options, String... args) {
        return Subprocess.exec(options, Arrays.asList(args.clone()));
    }

    /**
     * Python's {@code asyncio.create_subprocess_shell(cmd)}: runs {@code cmd} with the shell
     * ({@code /bin/sh -c cmd}), every stream inherited.
     *
     * @param cmd the shell command
     * @return a coroutine giving the running {@link Subprocess} (the shell's)
     */
    public static Coroutine<Subprocess> createSubprocessShell(String cmd) {
        return createSubprocessShell(cmd, new SubprocessOptions());
    }

    /**
     * Python's {@code asyncio.create_subprocess_shell(cmd, stdin=, stdout=, stderr=, limit=)}.
     *
     * @param cmd the shell command
     * @param options where the shell's streams go, the readers' limit, its directory and environment
     * @return a coroutine giving the running {@link Subprocess} (the shell's)
     */
    public static Coroutine<Subprocess> createSubprocessShell(String cmd, SubprocessOptions options) {
        return Subprocess.shell(cmd, options);
    }

    /**
     * Python's async comprehension {@code [x async for x in agen]}: a coroutine that runs
     * {@code agen} to its end and gives every value it yielded, in order. What the body raises comes
     * out of the coroutine, the values gathered so far with it lost, as in Python.
     *
     * @param <Y> the type of values yielded
     * @param agen the async generator to exhaust
     * @return a coroutine giving a new mutable list of the values
     * @throws NullPointerException if {@code agen} is null
     */
    public static <Y> Coroutine<List<Y>> toList(AsyncGenerator<Y, ?> agen) {
        return AsyncIteration.toList(Objects.requireNonNull(agen, "agen"));
    }
}
