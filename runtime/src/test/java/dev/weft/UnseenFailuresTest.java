package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** The leak check over this suite ({@link UnseenFailures}) is on in every test, and sees a failure nobody retrieved. */
class UnseenFailuresTest {
    @Test
    void the_watch_is_on_during_every_test() {
        assertThat(EventLoop.unhandledWatch).isNotNull();
    }

    @Test
    @UnseenFailures.Expected("it checks that the watch sees such a failure")
    void a_task_failure_nobody_retrieved_reaches_the_watch() {
        BiConsumer<EventLoop, Map<String, Object>> watch = EventLoop.unhandledWatch;
        List<Object> seen = new ArrayList<>();
        EventLoop.unhandledWatch = (loop, context) -> {
            seen.add(context.get("exception"));
            watch.accept(loop, context);
        };
        IllegalStateException boom = new IllegalStateException("nobody looks");
        EventLoop loop = EventLoop.create();
        try {
            loop.createTask(Coros.raising(boom));
            Coros.runBriefly(loop);
        } finally {
            loop.close();
        }
        assertThat(seen).containsExactly(boom);
    }
}
