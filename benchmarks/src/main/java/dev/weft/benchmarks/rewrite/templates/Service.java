package dev.weft.benchmarks.rewrite.templates;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.sleep;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Queue;
import dev.weft.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Coroutines: several awaits, tasks, queues, retries with try/catch/finally, loops. */
public class Service {
    private final Queue<String> requests = new Queue<>();
    private int served;
    private long bytes;

    @Async
    public Coroutine<String> fetch(String url, int attempts) {
        IOException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                String body = await(download(url));
                bytes += body.length();
                return Coroutine.returning(body);
            } catch (UncheckedIOException e) {
                last = e.getCause();
                await(sleep(0.01 * attempt));
            } finally {
                served++;
            }
        }
        throw new UncheckedIOException("gave up on " + url, last);
    }

    @Async
    public Coroutine<String> download(String url) {
        await(sleep(0));
        if (url.isEmpty()) {
            throw new UncheckedIOException(new IOException("empty url"));
        }
        return Coroutine.returning("<html>" + url + "</html>");
    }

    @Async
    public Coroutine<List<String>> fetchAll(List<String> urls) {
        List<Task<String>> tasks = new ArrayList<>();
        for (String url : urls) {
            tasks.add(createTask(fetch(url, 3)));
        }
        List<String> bodies = new ArrayList<>();
        for (Task<String> t : tasks) {
            bodies.add(await(t));
        }
        return Coroutine.returning(bodies);
    }

    @Async
    public Coroutine<Integer> worker(String name, int limit) {
        int done = 0;
        while (done < limit) {
            String request = await(requests.get());
            try {
                if (request.startsWith("stop")) {
                    break;
                }
                String body = await(fetch(request, 2));
                done += body.isEmpty() ? 0 : 1;
            } catch (RuntimeException e) {
                await(requests.put(request));
            } finally {
                requests.taskDone();
            }
        }
        return Coroutine.returning(done);
    }

    @Async
    public Coroutine<Long> mixed(CompletableFuture<Long> external, Future<Long> internal, double delay) {
        long a = await(external);
        await(sleep(delay));
        long b = await(internal);
        double ratio = b == 0 ? 0 : (double) a / b;
        if (ratio > 1.5) {
            await(sleep(delay * ratio));
        }
        return Coroutine.returning(a + b + (long) ratio);
    }

    public int served() {
        return served;
    }

    public long bytes() {
        return bytes;
    }
}
