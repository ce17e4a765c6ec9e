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
 * Random async generator bodies, rewritten by Weft and driven on an event loop by a consumer that
 * {@code anext}s, {@code asend}s, {@code athrow}s and {@code aclose}s, behave like the same bodies
 * run on a thread as plain generators.
 *
 * <p>The programs are {@link GeneratorPropertyTest}'s trees printed as async generators (see
 * {@link Printer#asyncGeneratorClasses}): yields stay yields, and between them the body awaits
 * futures the loop completes on its next turn, done and failed futures, and {@code sleep(0)}.
 * {@link AsyncGeneratorRunner} drives both forms and compares them step by step.
 *
 * <p>{@code -Dweft.property.programs=N} sets how many programs run (default 300: the suite's
 * smallest of the three differential properties, as its trees are the generator property's);
 * {@code -Dweft.property.explore=true} collects shrunk failures in
 * {@code target/weft-property/explore-async-generators.txt} instead of failing.
 */
class AsyncGeneratorPropertyTest {
    static final int PROGRAMS = Integer.getInteger("weft.property.programs", 300);
    static final int TRIES = 6;
    static final int BATCH = Math.max(1, (PROGRAMS + TRIES - 1) / TRIES);
    static final int[] RELEASES = {8, 11, 17};
    private static final AtomicInteger TRY = new AtomicInteger();
    private static final AtomicInteger RAN = new AtomicInteger();
    private static final long START = System.nanoTime();

    @Provide
    Arbitrary<List<Program>> batches() {
        return Batches.of(Programs.programs(), BATCH);
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF, generation = GenerationMode.RANDOMIZED, edgeCases = EdgeCasesMode.NONE)
    void weftAsyncGeneratorsBehaveLikeThreadBackedGenerators(@ForAll("batches") List<Program> batch) throws IOException {
        Runner.Form form = AsyncGeneratorRunner.ASYNC_GENERATORS;
        int release = RELEASES[TRY.getAndIncrement() % RELEASES.length];
        List<Runner.Outcome> outcomes = Runner.run(form, batch, release);
        RAN.addAndGet(outcomes.size());
        List<Runner.Outcome> failures = outcomes.stream().filter(Runner.Outcome::failed).collect(Collectors.toList());
        if (failures.isEmpty()) {
            return;
        }
        Path dir = Paths.get("target", "weft-property");
        Files.createDirectories(dir);
        Path file = dir.resolve("async-generator-failures-release" + release + "-" + System.currentTimeMillis() + ".txt");
        Files.write(file, failures.stream().map(Runner.Outcome::report).collect(Collectors.joining("\n\n")).getBytes(StandardCharsets.UTF_8));
        int budget = Integer.getInteger("weft.property.shrinkBudget", 400);
        if (GeneratorPropertyTest.EXPLORE) {
            StringBuilder found = new StringBuilder();
            for (Runner.Outcome f : failures.subList(0, Math.min(3, failures.size()))) {
                Program small = Shrinker.shrink(form, f.program, release, budget);
                found.append("==== --release ").append(release).append('\n').append(Runner.run(form, List.of(small), release).get(0).report()).append('\n');
            }
            Files.write(dir.resolve("explore-async-generators.txt"), found.toString().getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return;
        }
        Program small = Shrinker.shrink(form, failures.get(0).program, release, budget);
        Runner.Outcome shrunk = Runner.run(form, List.of(small), release).get(0);
        fail(failures.size() + " of " + batch.size() + " async generator programs differ from the reference (--release " + release + "); all in "
                + file.toAbsolutePath() + "\nthe first, shrunk:\n" + shrunk.report());
    }

    @AfterContainer
    static void summary() {
        System.out.printf("weft async generator property: %d programs in %.1f s%n", RAN.get(), (System.nanoTime() - START) / 1e9);
    }
}
