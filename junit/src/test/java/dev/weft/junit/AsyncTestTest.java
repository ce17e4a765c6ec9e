package dev.weft.junit;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.sun.net.httpserver.HttpServer;
import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.TimeoutException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** {@code @AsyncTest}s that pass: the body awaits, on a loop of its own, on the clock it asks for. */
class AsyncTestTest {
    @Async
    static Coroutine<String> later(String value, double seconds) {
        await(sleep(seconds));
        return Coroutine.returning(value);
    }

    @Async
    static Coroutine<Void> failing(String message) {
        await(sleep(0));
        throw new IllegalStateException(message);
    }

    @AsyncTest
    void bodyAwaits() {
        assertEquals("a", await(later("a", 0.01)));
    }

    @AsyncTest
    void loopParameterIsTheLoopTheBodyRunsOn(EventLoop loop) {
        assertSame(loop, EventLoop.getRunningLoop());
        assertThat(loop.toString()).contains("virtual=false");
    }

    @AsyncTest(virtualTime = true)
    void virtualTimeMakesAnHourInstant(EventLoop loop) {
        long start = System.nanoTime();
        await(sleep(3600));
        assertThat(loop.time()).isGreaterThanOrEqualTo(3600.0);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5.0);
    }

    @AsyncTest(virtualTime = true)
    void virtualTimeoutsExpireWithoutWaiting(EventLoop loop) {
        try {
            await(waitFor(later("late", 60), 30));
            throw new AssertionError("no timeout");
        } catch (TimeoutException expected) {
            assertEquals(30.0, loop.time(), 1e-9);
        }
    }

    @AsyncTest(virtualTime = true)
    void virtualClockWaitsForAnotherThreadsStage(EventLoop loop) {
        int answer = await(waitFor(loop.runInExecutor(null, () -> {
            Thread.sleep(200);
            return 42;
        }), 10));
        assertEquals(42, answer);
        assertThat(loop.time()).as("virtual time passed as real time did meanwhile").isBetween(0.1, 10.0);
    }

    @AsyncTest(virtualTime = true)
    void aStageOfTheLoopsOwnTaskDoesNotHoldTheClock() {
        long start = System.nanoTime();
        Task<String> t = createTask(later("v", 3600));
        assertEquals("v!", await(t.toCompletableFuture().thenApply(v -> v + "!")));
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5.0);
    }

    @AsyncTest(virtualTime = true)
    void awaitsAnHttpCallOnTheVirtualClock(EventLoop loop) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "pong".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")).build();
            HttpResponse<String> response = await(waitFor(
                    loop.wrapFuture(HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString())), 30));
            assertEquals("pong", response.body());
            await(sleep(3600)); // and the clock still jumps once the call is in
        } finally {
            server.stop(0);
        }
    }

    @AsyncTest
    void aFailureRetrievedIsNoFailure() {
        Task<Void> t = createTask(failing("seen"));
        try {
            await(t);
            throw new AssertionError("no failure");
        } catch (IllegalStateException seen) {
            assertEquals("seen", seen.getMessage());
        }
    }

    @AsyncTest
    void returnEndsTheBody() {
        if (await(later("x", 0)).equals("x")) {
            return;
        }
        throw new AssertionError("not reached");
    }
}
