package dev.weft;

import static dev.weft.Coros.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void runs_a_coroutine_that_sleeps_in_virtual_time() {
        EventLoop loop = EventLoop.withVirtualClock();
        String r = loop.runUntilComplete(sleepThen(5, "done"));
        assertThat(r).isEqualTo("done");
        assertThat(loop.time()).isEqualTo(5.0);
        loop.close();
    }

    @Test
    void gather_in_virtual_time() {
        List<Object> r = Weft.run(coro((f, label) -> {
            if (label == 0) {
                return f.suspendAwait(1, Weft.gather(sleepThen(2, "a"), sleepThen(1, "b"), returning("c")));
            }
            return f.returning(f.resumeValue());
        }), EventLoop::withVirtualClock);
        assertThat(r).containsExactly("a", "b", "c");
    }
}
