package dev.weft.transform.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.transform.property.Ast.Program;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The nightly sizes: a try of 100,000 programs over 6 tries (the async generator property's) is one batch of 16,667. */
class BatchesTest {
    @Test
    void aNightlyBatchIsMadeWithoutOverflowingTheStack() {
        // a plain list().ofSize(16667) of programs threw StackOverflowError in jqwik's exhaustive search
        List<Program> batch = Batches.of(Programs.programs(), 16_667).sample();
        assertThat(batch).hasSize(16_667).doesNotContainNull();
    }

    @Test
    void aSmallBatchIsOneList() {
        assertThat(Batches.of(Programs.programs(), 7).sample()).hasSize(7);
    }
}
