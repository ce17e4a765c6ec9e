package dev.weft.transform.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.transform.property.Ast.Program;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A nightly size: 100,000 programs over the generator property's 30 tries are batches of 3,334. */
class BatchesTest {
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // 3,334 programs take ~8 s of a quiet core, over 30 s of a shared one
    void aNightlyBatchIsMadeWithoutOverflowingTheStack() {
        // a plain list().ofSize(3334) of programs threw StackOverflowError in jqwik's exhaustive search
        List<Program> batch = Batches.of(Programs.programs(), 3_334).sample();
        assertThat(batch).hasSize(3_334).doesNotContainNull();
    }

    @Test
    void aSmallBatchIsOneList() {
        assertThat(Batches.of(Programs.programs(), 7).sample()).hasSize(7);
    }
}
