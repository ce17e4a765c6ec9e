package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The runtime's leak check ({@link UnseenFailures}, from weft-runtime's test jar) is on over this
 * module's tests too: it sees the loops a plain test makes itself, where each {@code @AsyncTest}
 * checks its own loop.
 */
class LeakCheckTest {
    @Test
    void the_runtimes_watch_is_on_here_too() {
        assertThat(EventLoop.unhandledWatch).isNotNull();
    }
}
