package dev.weft.examples.migration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The before and after programs of docs/migrating-from-completablefuture.md print the same totals. */
class CompletableFutureMigrationTest {

    private static final List<String> TOTALS = List.of(
            "Ada: 42.75",
            "Grace: 99.00",
            "nobody: no total (no customer nobody)",
            "slowpoke: no total (timed out)");

    @Test
    void theChainPrintsEveryTotalOrWhyNot() {
        assertEquals(TOTALS, stdoutOf(OrderTotalsChained::main));
    }

    @Test
    void theCoroutinesPrintWhatTheChainPrints() {
        assertEquals(TOTALS, stdoutOf(OrderTotalsAwaited::main));
    }

    private static List<String> stdoutOf(Consumer<String[]> main) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, UTF_8));
        try {
            main.accept(new String[0]);
        } finally {
            System.setOut(stdout);
        }
        return buffer.toString(UTF_8).lines().toList();
    }
}
