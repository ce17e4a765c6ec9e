package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.examples.queues.WorkerPool;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The worker pool's output is random, so {@link ExamplesTest} checks its shape; this checks that its
 * numbers hold together: 20 sleeps by 3 workers, adding up to the total expected, and done in
 * parallel (well under the total, at least the longest worker's share).
 */
class WorkerPoolTest {

    private static final Pattern SLEPT = Pattern.compile("(worker-[0-2]) has slept for (\\d+\\.\\d\\d) seconds");

    @Test
    void threeWorkersShareTwentySleepsAndFinishInParallel() {
        String out = new String(ExamplesTest.stdoutOf(new RunAll.Example("queues/WorkerPool", "", WorkerPool::main)),
                java.nio.charset.StandardCharsets.UTF_8);
        String[] lines = out.split("\n");
        assertEquals(23, lines.length, out);
        Map<String, Double> perWorker = new HashMap<>();
        double sum = 0;
        for (int i = 0; i < 20; i++) {
            Matcher m = SLEPT.matcher(lines[i]);
            assertTrue(m.matches(), lines[i]);
            double s = Double.parseDouble(m.group(2));
            assertTrue(s >= 0.05 && s <= 1.0, lines[i]);
            perWorker.merge(m.group(1), s, Double::sum);
            sum += s;
        }
        assertEquals("====", lines[20]);
        Matcher parallel = Pattern.compile("3 workers slept in parallel for (\\d+\\.\\d\\d) seconds").matcher(lines[21]);
        Matcher total = Pattern.compile("total expected sleep time: (\\d+\\.\\d\\d) seconds").matcher(lines[22]);
        assertTrue(parallel.matches(), lines[21]);
        assertTrue(total.matches(), lines[22]);
        double totalExpected = Double.parseDouble(total.group(1));
        double inParallel = Double.parseDouble(parallel.group(1));
        assertEquals(totalExpected, sum, 0.11, "the 20 sleeps add up to the total expected");
        double busiest = perWorker.values().stream().mapToDouble(d -> d).max().orElseThrow();
        assertEquals(3, perWorker.size(), "all three workers took work: " + perWorker);
        assertTrue(inParallel >= busiest - 0.05, "no faster than the busiest worker: " + inParallel + " < " + busiest);
        assertTrue(inParallel < totalExpected * 0.75, "in parallel: " + inParallel + " vs " + totalExpected);
    }
}
