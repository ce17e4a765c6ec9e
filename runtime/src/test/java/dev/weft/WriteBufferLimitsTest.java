package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** asyncio's {@code _set_write_buffer_limits}: -1 (None) takes the default, other negatives are refused. */
class WriteBufferLimitsTest {
    @Test
    void minusOneTakesTheDefaults() {
        assertThat(WriteBufferLimits.of(-1, -1, 65536)).containsExactly(65536, 16384);
        assertThat(WriteBufferLimits.of(-1, 1000, 65536)).containsExactly(4000, 1000);
        assertThat(WriteBufferLimits.of(8000, -1, 65536)).containsExactly(8000, 2000);
        assertThat(WriteBufferLimits.of(0, 0, 65536)).containsExactly(0, 0);
    }

    @Test
    void otherNegativesAndLowAboveHighAreRefused() {
        assertThatThrownBy(() -> WriteBufferLimits.of(-5, 0, 65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WriteBufferLimits.of(100, -2, 65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WriteBufferLimits.of(100, 200, 65536)).isInstanceOf(IllegalArgumentException.class);
    }
}
