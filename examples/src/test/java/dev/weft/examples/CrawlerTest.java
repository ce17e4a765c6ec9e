package dev.weft.examples;

import static dev.weft.Weft.run;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.examples.crawler.Crawler;
import dev.weft.examples.crawler.LocalServer;
import dev.weft.examples.crawler.PostInit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The crawler examples against the real local HTTP server: what the server saw, not only what was printed. */
class CrawlerTest {

    @Test
    void crawlerKeepsItsBoundAndHandlesTheSlowAndTheFailingUrl() throws Exception {
        try (LocalServer web = LocalServer.start()) {
            long start = System.nanoTime();
            String out = stdout(() -> run(Crawler.mainFor(web)));
            double seconds = (System.nanoTime() - start) / 1e9;
            List<String> lines = out.lines().collect(Collectors.toList());
            assertEquals(24, lines.size(), out);
            for (int i = 0; i < 20; i++) {
                assertEquals(String.format("page-%02d: %d characters", i, 7 + 1000 + 37 * i), lines.get(i));
            }
            assertEquals("fail: failed: HTTP 500", lines.get(20));
            assertEquals("slow: timed out after 1.0 s", lines.get(21));
            assertEquals("20 of 22 downloaded", lines.get(22));
            assertEquals("never more than 4 requests at once: True", lines.get(23));
            // the server really saw concurrent requests, never more than the bound
            assertTrue(web.maxInFlight() >= 2 && web.maxInFlight() <= Crawler.LIMIT, "in flight at most: " + web.maxInFlight());
            assertTrue(web.served() >= 21, "served: " + web.served());
            // 20 pages of 100 ms, 4 at a time, then a 1 s timeout: concurrent, and the slow URL did not hold it 3 s
            assertTrue(seconds < 2.9, "took " + seconds + " s");
        }
    }

    @Test
    void postInitKeepsEachTasksOrderAndTheBlockingSleepComesFirst() {
        List<String> lines = stdout(() -> PostInit.main(new String[0])).lines().collect(Collectors.toList());
        assertEquals(List.of("session begin 1", "session begin 2"), lines.subList(0, 2));
        for (String n : List.of("1", "2")) {
            List<Integer> own = Stream.of("client begin " + n, "session end " + n).map(lines::indexOf).toList();
            assertTrue(own.get(0) > 1 && own.get(0) < own.get(1), lines.toString());
            assertEquals("hello", lines.get(own.get(0) + 1));
            assertEquals("other", lines.get(own.get(1) + 1));
        }
    }

    interface Body {
        void run() throws Exception;
    }

    static String stdout(Body body) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(buffer, true, UTF_8));
        try {
            body.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            System.out.flush();
            System.setOut(stdout);
        }
        return buffer.toString(UTF_8);
    }
}
