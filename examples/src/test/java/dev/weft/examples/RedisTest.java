package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.examples.redis.RedisHash;
import dev.weft.examples.redis.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Redis example against a real redis-server, started on a free loopback port and stopped afterwards. */
class RedisTest {

    @BeforeAll
    static void needsRedisServer() {
        assumeTrue(RedisServer.executable().isPresent(),
                "no redis-server on the PATH: install it (Debian: apt-get install redis-server) to run this test");
    }

    @Test
    void hsetAndHgetallOverFiftyConnectionsAtOnce() {
        try (RedisServer server = RedisServer.start()) {
            int n = 50;
            List<String> lines = CrawlerTest.stdout(() -> RedisHash.runAgainst(server.uri(), n))
                    .lines().collect(Collectors.toList());
            assertEquals(List.of("init redis", "{'key1': '1', 'key2': '2'}", "over"), lines.subList(0, 3));
            List<String> rest = lines.subList(3, lines.size());
            assertEquals(3 * n, rest.size(), lines.toString());
            assertEquals(n, Collections.frequency(rest, "init redis"));
            assertEquals(n, Collections.frequency(rest, "{'key1': '1', 'key2': '2'}"));
            assertEquals(n, Collections.frequency(rest, "over"));
            // the tasks ran concurrently: every one had started before the first answer came back
            assertEquals(Collections.nCopies(n, "init redis"), rest.subList(0, n));

            // what the server holds and saw, asked over a connection of the test's own
            RedisClient client = RedisClient.create(server.uri());
            try (StatefulRedisConnection<String, String> check = client.connect()) {
                assertEquals(Map.of("key1", "1", "key2", "2"), check.sync().hgetall("car"));
                Matcher received = Pattern.compile("total_connections_received:(\\d+)").matcher(check.sync().info("stats"));
                assertTrue(received.find());
                assertTrue(Integer.parseInt(received.group(1)) >= n + 2, "connections: " + received.group(1));
            } finally {
                client.shutdown();
            }
        }
        // stopped: nothing listens on its port any more
    }

    /** With no redis-server on the PATH, the example says so and how to get one (run in a JVM of its own, with an empty PATH). */
    @Test
    void withoutRedisServerTheExampleSaysHowToGetOne() throws Exception {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), RedisHash.class.getName());
        pb.environment().put("PATH", "/nonexistent");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals(RedisServer.HOW_TO_GET_ONE + "\n", out);
        assertTrue(out.contains("apt-get install redis-server"), out);
    }

    @Test
    void theServerIsStoppedAfterwards() throws Exception {
        int port;
        try (RedisServer server = RedisServer.start()) {
            port = server.port();
        }
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            throw new AssertionError("redis-server still listens on " + port);
        } catch (java.io.IOException refused) {
            // as expected
        }
    }
}
