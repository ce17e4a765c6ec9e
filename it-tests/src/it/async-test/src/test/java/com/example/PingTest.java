package com.example;

import static dev.weft.Weft.await;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.weft.EventLoop;
import dev.weft.junit.AsyncTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

class PingTest {
    @AsyncTest(virtualTime = true)
    void pings(EventLoop loop) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 4);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("pong".getBytes());
            }
        });
        server.start();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")).build();
            HttpResponse<String> response = await(waitFor(
                    loop.wrapFuture(HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString())), 30));
            assertEquals("pong", response.body());
            long start = System.nanoTime();
            await(sleep(3600));
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "an hour of virtual time took no wall time");
        } finally {
            server.stop(0);
        }
    }
}
