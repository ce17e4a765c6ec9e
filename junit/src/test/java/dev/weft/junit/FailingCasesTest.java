package dev.weft.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** What fails an {@code @AsyncTest}, run through JUnit's own engine on the fixtures of {@link FailingCases}. */
class FailingCasesTest {
    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
    }

    @Test
    void aTaskExceptionNeverRetrievedFailsTheTest() {
        run(FailingCases.UnretrievedFailure.class).assertStatistics(s -> s.started(1).failed(1))
                .assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(AssertionError.class),
                        message(m -> m.contains("Task exception was never retrieved") && m.contains("nobody looks"))));
    }

    @Test
    void aTaskStillPendingFailsTheTest() {
        run(FailingCases.PendingTask.class).assertStatistics(s -> s.started(1).failed(1))
                .assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(AssertionError.class),
                        message(m -> m.contains("still pending at the end of the test") && m.contains("forgotten"))));
    }

    @Test
    void aCallbackExceptionFailsTheTest() {
        run(FailingCases.CallbackThrows.class).assertStatistics(s -> s.started(1).failed(1))
                .assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(AssertionError.class),
                        message(m -> m.contains("callback"))));
    }

    @Test
    void theBodysExceptionFailsTheTestAsItIs() {
        run(FailingCases.BodyThrows.class).assertStatistics(s -> s.started(2).failed(2))
                .assertThatEvents()
                .haveExactly(1, finishedWithFailure(instanceOf(IOException.class), message("checked, after an await")))
                .haveExactly(1, finishedWithFailure(instanceOf(org.opentest4j.AssertionFailedError.class),
                        message(m -> m.contains("expected: <1> but was: <2>"))));
    }

    @Test
    void theBodysExceptionComesFirstWithWhatItLeftSuppressed() {
        run(FailingCases.BodyThrowsAndLeaks.class).assertStatistics(s -> s.started(1).failed(1))
                .assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(IllegalArgumentException.class),
                        new org.assertj.core.api.Condition<>(t -> t.getSuppressed().length == 1
                                && t.getSuppressed()[0].getMessage().contains("still pending"), "what the test left, suppressed")));
    }

    @Test
    void eachTestRunsOnAFreshLoop() {
        FailingCases.FreshLoops.loops.clear();
        run(FailingCases.FreshLoops.class).assertStatistics(s -> s.started(2).succeeded(2));
        org.assertj.core.api.Assertions.assertThat(FailingCases.FreshLoops.loops).hasSize(2).doesNotHaveDuplicates()
                .allMatch(dev.weft.EventLoop::isClosed);
    }

    @Test
    void aTestTheRewriteMissedFailsWithWhatToDo() {
        run(NotRewrittenCase.class).assertStatistics(s -> s.started(1).failed(1))
                .assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(IllegalStateException.class),
                        message(m -> m.contains("was not rewritten") && m.contains("instrument-test"))));
    }
}
