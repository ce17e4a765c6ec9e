package dev.weft.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.EventLoop;
import dev.weft.Weft;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The seed's worker pool: "3 workers slept in parallel for about a third of the total". */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WorkerPoolTest {

    private static void checkShape(WorkerPool.Outcome o, String printed, double maxItem) {
        List<String> lines = Arrays.asList(printed.split("\\R"));
        assertThat(lines).hasSize(23);
        List<String> work = lines.subList(0, 20);
        assertThat(work).allMatch(l -> l.matches("worker-[012] has slept for \\d+\\.\\d\\d seconds"));
        assertThat(work.stream().map(l -> l.substring(0, 8)).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("worker-0", "worker-1", "worker-2");
        assertThat(lines.get(20)).isEqualTo("====");
        assertThat(lines.get(21)).matches("3 workers slept in parallel for \\d+\\.\\d\\d seconds");
        assertThat(lines.get(22)).matches("total expected sleep time: \\d+\\.\\d\\d seconds");
        // greedy scheduling on 3 workers: at least a third of the total, at most a third plus the longest item
        assertThat(o.totalSleptFor).isGreaterThanOrEqualTo(o.totalSleepTime / 3 - 1e-6);
        assertThat(o.totalSleptFor).isLessThanOrEqualTo(o.totalSleepTime / 3 + maxItem);
        assertThat(o.totalSleptFor).isLessThan(o.totalSleepTime * 0.6);
        // the workers ended cancelled, their exceptions returned by gather
        assertThat(o.gathered).hasSize(3).allMatch(r -> r instanceof CancellationException);
    }

    @Test
    void three_workers_slept_in_parallel_for_about_a_third_of_the_total_in_virtual_time() {
        for (long seed = 0; seed < 5; seed++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true);
            WorkerPool.Outcome o = Weft.run(WorkerPool.main(new Random(seed), 1.0, out), EventLoop::withVirtualClock);
            String printed = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
            checkShape(o, printed, 1.0);
            if (seed == 0) {
                System.out.print(printed);
            }
        }
    }

    /** On the real clock, the sleeps scaled down tenfold (about a third of a second in all). */
    @Test
    void and_on_the_real_clock() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true);
        WorkerPool.Outcome o = Weft.run(WorkerPool.main(new Random(42), 0.1, out));
        checkShape(o, new String(bytes.toByteArray(), StandardCharsets.UTF_8), 0.1 + 0.1); // timer slack
    }
}
