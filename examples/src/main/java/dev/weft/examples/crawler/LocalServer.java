package dev.weft.examples.crawler;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web the crawler examples download from: the JDK's {@code com.sun.net.httpserver} on
 * 127.0.0.1, on a free port, so the examples need no network. Its Python twin is
 * {@code src/main/python/crawler/local_server.py}; both answer the same bytes.
 *
 * <ul>
 *   <li>{@code GET /page/NAME?size=N&delay=MS}: after MS milliseconds, {@code NAME} and N dots: a
 *       page of {@code NAME.length() + N} characters;
 *   <li>{@code GET /slow}: answers after 3 seconds (for timeouts);
 *   <li>{@code GET /fail}: answers 500;
 *   <li>{@code GET /test/}: {@code {"data": "test"}}; {@code POST /hello/}: echoes the JSON posted;
 *   <li>{@code GET /img/NAME.png} (or {@code .jpg}): 1,000 bytes, a PNG signature then NAME's bytes repeated.
 * </ul>
 *
 * It counts the requests in flight, so that a test can see the crawler's bound hold.
 */
public final class LocalServer implements AutoCloseable {

    private static final Pattern PAGE = Pattern.compile("/page/([\\w.-]+)");
    private static final Pattern IMG = Pattern.compile("/img/([\\w.,=-]+)\\.(?:png|jpg)");

    private final HttpServer server;
    private final ExecutorService threads;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();

    private LocalServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Starts a server on 127.0.0.1 on a free port. */
    public static LocalServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "local-server");
            t.setDaemon(true);
            return t;
        });
        LocalServer local = new LocalServer(server, threads);
        server.createContext("/", local::handle);
        server.setExecutor(threads);
        server.start();
        return local;
    }

    /** {@code http://127.0.0.1:PORT} + {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The most requests this server has been answering at once. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** How many requests it has answered. */
    public int served() {
        return served.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        Answer answer;
        try {
            answer = answer(exchange);
        } finally {
            // A request stops counting before its answer is sent: counted after, a client that has
            // read the whole answer could start its next request while this one still counts.
            inFlight.decrementAndGet();
        }
        try {
            exchange.getResponseHeaders().set("Content-Type", answer.type);
            exchange.sendResponseHeaders(answer.status, answer.body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body);
            }
        } finally {
            served.incrementAndGet();
        }
    }

    private static Answer answer(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String path = uri.getPath();
        String query = uri.getQuery() == null ? "" : uri.getQuery();
        Matcher page = PAGE.matcher(path);
        Matcher img = IMG.matcher(path);
        if (page.matches()) {
            pause(param(query, "delay", 0));
            return new Answer(200, "text/html", (page.group(1) + ".".repeat(param(query, "size", 100)))
                    .getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("/slow")) {
            pause(3000);
            return new Answer(200, "text/html", "slow".getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("/fail")) {
            return new Answer(500, "text/plain", "failed".getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("/test/")) {
            return new Answer(200, "application/json", "{\"data\": \"test\"}".getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("/hello/") && exchange.getRequestMethod().equals("POST")) {
            return new Answer(200, "application/json", exchange.getRequestBody().readAllBytes());
        } else if (img.matches()) {
            byte[] name = img.group(1).getBytes(StandardCharsets.UTF_8);
            byte[] png = new byte[1000];
            byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
            System.arraycopy(signature, 0, png, 0, signature.length);
            for (int i = signature.length; i < png.length; i++) {
                png[i] = name[i % name.length];
            }
            return new Answer(200, "image/png", png);
        } else {
            return new Answer(404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What a request is answered: status, content type and body. */
    private static final class Answer {
        final int status;
        final String type;
        final byte[] body;

        Answer(int status, String type, byte[] body) {
            this.status = status;
            this.type = type;
            this.body = body;
        }
    }

    private static int param(String query, String name, int otherwise) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return Integer.parseInt(pair.substring(name.length() + 1));
            }
        }
        return otherwise;
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
