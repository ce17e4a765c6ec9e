package dev.weft.junit;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Fixtures for {@link FailingCasesTest}, run only through its engine test kit (the name keeps Surefire off them). */
final class FailingCases {
    private FailingCases() {
    }

    @Async
    static Coroutine<Void> failing(String message) {
        await(sleep(0));
        throw new IllegalStateException(message);
    }

    static final class UnretrievedFailure {
        @AsyncTest
        void failsUnseen() {
            createTask(failing("nobody looks"));
            await(sleep(0.01));
        }
    }

    static final class PendingTask {
        @AsyncTest(virtualTime = true)
        void leavesATask() {
            createTask(sleep(60), "forgotten");
            await(sleep(1));
        }
    }

    static final class CallbackThrows {
        @AsyncTest
        void callbackFails(EventLoop loop) {
            loop.callSoon(() -> {
                throw new IllegalStateException("from a callback");
            });
            await(sleep(0.01));
        }
    }

    static final class BodyThrows {
        @AsyncTest
        void checked() throws IOException {
            await(sleep(0));
            throw new IOException("checked, after an await");
        }

        @AsyncTest
        void assertion() {
            await(sleep(0));
            assertEquals(1, 2);
        }
    }

    static final class BodyThrowsAndLeaks {
        @AsyncTest(virtualTime = true)
        void both() {
            createTask(sleep(60), "left");
            await(sleep(0));
            throw new IllegalArgumentException("the body's own");
        }
    }

    static final class FreshLoops {
        static final List<EventLoop> loops = new ArrayList<>();

        @AsyncTest
        void one(EventLoop loop) {
            loops.add(loop);
            await(sleep(0));
        }

        @AsyncTest
        void two(EventLoop loop) {
            loops.add(loop);
            await(sleep(0));
        }
    }
}
