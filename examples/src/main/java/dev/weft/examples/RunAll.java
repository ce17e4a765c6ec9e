package dev.weft.examples;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs every example, each under a heading, grouped by topic. {@code RunAll NAME...} runs only the
 * examples whose name contains one of the words given (for instance {@code RunAll crawler}).
 */
public class RunAll {

    /**
     * One runnable port of a seed program. {@code name} is {@code topic/Class} (a class of the
     * package {@code dev.weft.examples.topic}; {@code Class} alone for the generator examples, in
     * this package), and its Python original is {@code src/main/python/NAME.py}.
     */
    record Example(String name, String what, Consumer<String[]> main) {
        String topic() {
            int slash = name.indexOf('/');
            return slash < 0 ? "generators" : name.substring(0, slash);
        }
    }

    /** The seed programs, by topic, in the order the seeds show them within each topic. */
    static final List<Example> EXAMPLES = List.of(
            // generators
            new Example("Num", "seed 001: a generator function, consumed by a for loop", Num::main),
            new Example("NumNext", "seed 001: the same generator, resumed with next()", NumNext::main),
            new Example("ProducerConsumer", "seed 001: send() into a generator, then close()", ProducerConsumer::main),
            new Example("YieldFrom", "seed 002: yield from", YieldFrom::main),
            // coroutines and tasks
            new Example("coroutines/Hello", "seed 003: asyncio.run(main())",
                    dev.weft.examples.coroutines.Hello::main),
            new Example("coroutines/SayAfter", "seed 003: say_after, awaited in turn",
                    dev.weft.examples.coroutines.SayAfter::main),
            new Example("coroutines/SayAfterTasks", "seed 003: say_after, as two tasks",
                    dev.weft.examples.coroutines.SayAfterTasks::main),
            new Example("coroutines/RunUntilComplete", "seed 004: get_event_loop().run_until_complete(f)",
                    dev.weft.examples.coroutines.RunUntilComplete::main),
            new Example("coroutines/AwaitCoroutine", "seed 000: await a coroutine (and a forgotten await)",
                    dev.weft.examples.coroutines.AwaitCoroutine::main),
            new Example("coroutines/TwoTasks", "seed 000: create_task twice, await each",
                    dev.weft.examples.coroutines.TwoTasks::main),
            new Example("coroutines/HelloAgain", "seed 001: two hello() coroutines interleave",
                    dev.weft.examples.coroutines.HelloAgain::main),
            new Example("coroutines/DisplayTen", "seed 001: ten coroutines that print nothing",
                    dev.weft.examples.coroutines.DisplayTen::main),
            new Example("coroutines/GreenletSwitch", "seed 002: greenlet, two functions switching by hand",
                    dev.weft.examples.coroutines.GreenletSwitch::main),
            new Example("coroutines/Func1Func2", "seed 002: async/await, two tasks switching at sleep",
                    dev.weft.examples.coroutines.Func1Func2::main),
            new Example("coroutines/GeneratorCoroutine", "seed 002: @asyncio.coroutine and yield from",
                    dev.weft.examples.coroutines.GeneratorCoroutine::main),
            new Example("coroutines/ILikeU", "seed 002: calling a coroutine function runs nothing",
                    dev.weft.examples.coroutines.ILikeU::main),
            new Example("coroutines/AwaitOthers", "seed 002: await, in turn",
                    dev.weft.examples.coroutines.AwaitOthers::main),
            new Example("coroutines/CreateTask", "seed 002: Task objects",
                    dev.weft.examples.coroutines.CreateTask::main),
            new Example("coroutines/ThreeAwaitsDeep", "an exception three awaits deep: its trace names every awaiting coroutine",
                    dev.weft.examples.coroutines.ThreeAwaitsDeep::main),
            new Example("coroutines/TaskGroupLambda", "a TaskGroup body written as a lambda that awaits",
                    dev.weft.examples.coroutines.TaskGroupLambda::main),
            new Example("coroutines/CreateTaskNoLoop", "seed 002: create_task before the loop runs is an error",
                    dev.weft.examples.coroutines.CreateTaskNoLoop::main),
            // futures
            new Example("futures/SetResult", "seed 000: loop.create_future(), set by a task",
                    dev.weft.examples.futures.SetResult::main),
            new Example("futures/SetAfter", "seed 002: a Future object, set after a sleep",
                    dev.weft.examples.futures.SetAfter::main),
            // executors
            new Example("executors/RunInExecutor", "seed 003: run_in_executor: default pool, thread pool, ForkJoinPool",
                    dev.weft.examples.executors.RunInExecutor::main),
            new Example("executors/DownloadImage", "seed 002: a blocking HTTP client in run_in_executor",
                    dev.weft.examples.executors.DownloadImage::main),
            new Example("executors/ThreadPoolSubmit", "seed 002: concurrent.futures.ThreadPoolExecutor.submit",
                    dev.weft.examples.executors.ThreadPoolSubmit::main),
            // timeouts
            new Example("timeouts/Eternity", "seed 003: wait_for with a timeout",
                    dev.weft.examples.timeouts.Eternity::main),
            // wait and gather
            new Example("waiting/Factorial", "seed 003: gather",
                    dev.weft.examples.waiting.Factorial::main),
            new Example("waiting/WaitNamedTasks", "seed 000: asyncio.wait on named tasks",
                    dev.weft.examples.waiting.WaitNamedTasks::main),
            new Example("waiting/WaitTaskList", "seed 002: asyncio.wait on a task list",
                    dev.weft.examples.waiting.WaitTaskList::main),
            new Example("waiting/WaitCoroutines", "seed 002: asyncio.run(asyncio.wait(coroutines))",
                    dev.weft.examples.waiting.WaitCoroutines::main),
            // locks and events
            new Example("sync/EventWaiter", "seed 003: Event",
                    dev.weft.examples.sync.EventWaiter::main),
            new Example("sync/LockShared", "seed 003: async with lock",
                    dev.weft.examples.sync.LockShared::main),
            new Example("sync/ConditionWait", "seed 003: async with cond: await cond.wait()",
                    dev.weft.examples.sync.ConditionWait::main),
            new Example("sync/SemaphoreLimit", "seed 003: async with sem",
                    dev.weft.examples.sync.SemaphoreLimit::main),
            // queues
            new Example("queues/WorkerPool", "seed 003: three workers on an asyncio.Queue",
                    dev.weft.examples.queues.WorkerPool::main),
            // async generators
            new Example("asyncgen/Ticker", "PEP 525: async for over an async generator; aclosing; closed when run ends",
                    dev.weft.examples.asyncgen.Ticker::main),
            // crawler: java.net.http.HttpClient against a local server
            new Example("crawler/Fetch", "seed 002: the asynchronous crawler, three pages",
                    dev.weft.examples.crawler.Fetch::main),
            new Example("crawler/FetchJson", "seed 001: aiohttp GET, a JSON answer",
                    dev.weft.examples.crawler.FetchJson::main),
            new Example("crawler/PostInit", "seed 001: aiohttp POST, and a blocking sleep that stops the loop",
                    dev.weft.examples.crawler.PostInit::main),
            new Example("crawler/DownloadPngs", "seed 004: images downloaded concurrently into files",
                    dev.weft.examples.crawler.DownloadPngs::main),
            new Example("crawler/Crawler", "20 pages, a Semaphore, waitFor, gatherReturnExceptions; one slow, one failing",
                    dev.weft.examples.crawler.Crawler::main),
            // streams: openConnection and startServer on 127.0.0.1
            new Example("streams/EchoServer", "asyncio docs: the TCP echo server (handle_echo), serving one client",
                    dev.weft.examples.streams.EchoServer::main),
            new Example("streams/EchoClient", "asyncio docs: the TCP echo client (tcp_echo_client)",
                    dev.weft.examples.streams.EchoClient::main),
            new Example("streams/ChatServer", "a chat server: three clients, each line sent to the others",
                    dev.weft.examples.streams.ChatServer::main),
            new Example("streams/Download", "seed 004: the images downloaded with HTTP/1.1 GETs over openConnection",
                    dev.weft.examples.streams.Download::main),
            // protocols: loop.createServer, createConnection and createDatagramEndpoint on 127.0.0.1
            new Example("protocols/TcpEchoServer", "asyncio docs: the TCP echo server using protocols, serving one client",
                    dev.weft.examples.protocols.TcpEchoServer::main),
            new Example("protocols/TcpEchoClient", "asyncio docs: the TCP echo client using protocols",
                    dev.weft.examples.protocols.TcpEchoClient::main),
            new Example("protocols/UdpEchoServer", "asyncio docs: the UDP echo server, serving one datagram",
                    dev.weft.examples.protocols.UdpEchoServer::main),
            new Example("protocols/UdpEchoClient", "asyncio docs: the UDP echo client",
                    dev.weft.examples.protocols.UdpEchoClient::main),
            new Example("protocols/RegisterOpenSocket", "asyncio docs: createConnection on a socket already connected",
                    dev.weft.examples.protocols.RegisterOpenSocket::main),
            // subprocesses: createSubprocessShell and createSubprocessExec with pipes
            new Example("subprocesses/RunShell", "asyncio docs: run('ls /zzz') with communicate, then two commands with gather",
                    dev.weft.examples.subprocesses.RunShell::main),
            new Example("subprocesses/GetDate", "asyncio docs: get_date, a python3 child's stdout read one line",
                    dev.weft.examples.subprocesses.GetDate::main),
            // tls: streams over TLS, with the example's own key and self-signed certificate
            new Example("tls/TlsEcho", "asyncio docs: the TCP echo pair over TLS (ssl= on start_server and open_connection)",
                    dev.weft.examples.tls.TlsEcho::main),
            // redis: Lettuce against a real redis-server
            new Example("redis/RedisHash", "seed 000: HSET/HGETALL with Lettuce's async API, once, then over 10 connections",
                    dev.weft.examples.redis.RedisHash::main));

    public static void main(String[] args) {
        String topic = null;
        for (Example example : EXAMPLES) {
            if (args.length > 0 && List.of(args).stream().noneMatch(example.name()::contains)) {
                continue;
            }
            if (!example.topic().equals(topic)) {
                topic = example.topic();
                System.out.println("######## " + topic);
                System.out.println();
            }
            System.out.println("== " + example.name() + " (" + example.what() + ")");
            example.main().accept(new String[0]);
            System.out.println();
        }
    }
}
