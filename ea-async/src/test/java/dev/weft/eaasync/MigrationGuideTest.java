package dev.weft.eaasync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 4: docs/migrating-from-ea-async.md shows a program before (ea-async's spelling, on
 * the drop-in) and after (Weft's); both run and print what the guide says, and the guide shows them
 * as they are.
 */
class MigrationGuideTest {
    private static final String OUTPUT = "sword: true\ncastle: false\nfailed, shield: out of stock\nshield: false\nbalance: 70\n";
    private static final Path GUIDE = Path.of("..", "docs", "migrating-from-ea-async.md");
    private static final Path PROGRAMS = Path.of("src", "test", "java", "dev", "weft", "eaasync", "migration");

    private static String run(Runnable main) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void the_ea_async_program_runs_unchanged_on_the_drop_in() {
        assertThat(run(() -> dev.weft.eaasync.migration.before.Store.main(new String[0]))).isEqualTo(OUTPUT);
    }

    @Test
    void the_program_in_Weft_spelling_prints_the_same() {
        assertThat(run(() -> dev.weft.eaasync.migration.after.Store.main(new String[0]))).isEqualTo(OUTPUT);
    }

    @Test
    void the_guide_shows_both_programs_as_they_are_and_their_output() throws Exception {
        String guide = Files.readString(GUIDE);
        assertThat(guide).contains("```\n" + OUTPUT + "```");
        for (String which : new String[] {"before", "after"}) {
            String source = Files.readString(PROGRAMS.resolve(which).resolve("Store.java"));
            assertThat(guide).as(which).contains("```java\n" + source + "```");
        }
    }
}
