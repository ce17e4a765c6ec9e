package dev.weft.transform.property;

import static org.assertj.core.api.Assertions.fail;

import dev.weft.transform.property.Ast.Program;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random coroutine bodies, rewritten by Weft and run as tasks on an event loop, behave like the
 * same bodies run on a thread.
 *
 * <p>The programs are {@link GeneratorPropertyTest}'s trees printed as coroutines (see
 * {@link Printer#coroutineClasses}): a yield awaits a pending future (Weft's or a
 * {@code CompletableFuture}) whose value the driver records and which it then completes, fails or
 * cancels (through {@code task.cancel()}) as the script says; delegation awaits a sub-coroutine; some awaits must not suspend (done and failed
 * Weft futures and {@code CompletableFuture}s, {@code sleep(0)}). The reference is
 * {@link ThreadCoroutine}. {@link CoroutineRunner} drives both and compares, step by step, where
 * the coroutine stopped, the trace of catch, finally and resource blocks, and how the task ended.
 *
 * <p>{@code -Dweft.property.programs=N} sets how many programs run (default 1200: about 50 s of
 * CPU run alone, javac and its warm-up most of it; 20 s in a JVM the other tests warmed);
 * {@code -Dweft.property.explore=true} collects shrunk failures in
 * {@code target/weft-property/explore-coroutines.txt} instead of failing.
 */
class CoroutinePropertyTest {
    static final int PROGRAMS = Integer.getInteger("weft.property.programs", 1200);
    /** Fewer, larger batches than the generator property: each javac call has a fixed cost. */
    static final int TRIES = 15;
    static final int BATCH = Math.max(1, (PROGRAMS + TRIES - 1) / TRIES);
    static final int[] RELEASES = {8, 11, 17};
    private static final AtomicInteger TRY = new AtomicInteger();
    private static final AtomicInteger RAN = new AtomicInteger();
    private static final long START = System.nanoTime();
    private static final long START_CPU = processCpuNanos();
    /** Time in javac for this property (the generator one, in the same JVM, adds to Runner's counter too). */
    private static final AtomicLong COMPILE_NANOS = new AtomicLong();

    @Provide
    Arbitrary<List<Program>> batches() {
        return Batches.of(Programs.programs(), BATCH);
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF, generation = GenerationMode.RANDOMIZED, edgeCases = EdgeCasesMode.NONE)
    void weftCoroutinesBehaveLikeThreadBackedOnes(@ForAll("batches") List<Program> batch) throws IOException {
        int release = RELEASES[TRY.getAndIncrement() % RELEASES.length];
        long javac = Runner.COMPILE_NANOS.get();
        List<Runner.Outcome> outcomes = Runner.run(CoroutineRunner.COROUTINES, batch, release);
        COMPILE_NANOS.addAndGet(Runner.COMPILE_NANOS.get() - javac);
        RAN.addAndGet(outcomes.size());
        List<Runner.Outcome> failures = outcomes.stream().filter(Runner.Outcome::failed).collect(Collectors.toList());
        if (failures.isEmpty()) {
            return;
        }
        Path dir = Paths.get("target", "weft-property");
        Files.createDirectories(dir);
        Path file = dir.resolve("coroutine-failures-release" + release + "-" + System.currentTimeMillis() + ".txt");
        Files.write(file, failures.stream().map(Runner.Outcome::report).collect(Collectors.joining("\n\n")).getBytes(StandardCharsets.UTF_8));
        int budget = Integer.getInteger("weft.property.shrinkBudget", 400);
        if (GeneratorPropertyTest.EXPLORE) {
            StringBuilder found = new StringBuilder();
            for (Runner.Outcome f : failures.subList(0, Math.min(3, failures.size()))) {
                Program small = Shrinker.shrink(CoroutineRunner.COROUTINES, f.program, release, budget);
                found.append("==== --release ").append(release).append('\n')
                        .append(Runner.run(CoroutineRunner.COROUTINES, List.of(small), release).get(0).report()).append('\n');
            }
            Files.write(dir.resolve("explore-coroutines.txt"), found.toString().getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return;
        }
        Program small = Shrinker.shrink(CoroutineRunner.COROUTINES, failures.get(0).program, release, budget);
        Runner.Outcome shrunk = Runner.run(CoroutineRunner.COROUTINES, List.of(small), release).get(0);
        fail(failures.size() + " of " + batch.size() + " coroutine programs differ from the reference (--release " + release + "); all in "
                + file.toAbsolutePath() + "\nthe first, shrunk:\n" + shrunk.report());
    }

    @AfterContainer
    static void summary() {
        System.out.printf("weft coroutine property: %d programs in %.1f s (javac %.1f s; CPU of the JVM, all threads, %.1f s)%n", RAN.get(),
                (System.nanoTime() - START) / 1e9, COMPILE_NANOS.get() / 1e9, (processCpuNanos() - START_CPU) / 1e9);
    }

    /** The CPU time of this JVM: on a loaded machine, a truer measure of the property's cost than the wall clock. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
    }
}
