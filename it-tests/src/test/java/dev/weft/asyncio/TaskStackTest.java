package dev.weft.asyncio;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.currentTask;
import static dev.weft.Weft.getRunningLoop;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.timeout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.Weft;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Task#getStack()} and {@link Task#printStack()}: Python's async stack traces, on rewritten coroutines. */
class TaskStackTest {
    /** The line of the caller: {@code lines[k] = here(); await(x);} on one line records the line of that await. */
    static int here() {
        return new Throwable().getStackTrace()[1].getLineNumber();
    }

    static String printed(Task<?> t) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t.printStack(new PrintStream(bytes, true));
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    @Async
    static Coroutine<Void> outer(Future<Void> gate, int[] lines, boolean viaSleep) {
        lines[0] = here(); await(timeout(100, middle(gate, lines, viaSleep)));
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> middle(Future<Void> gate, int[] lines, boolean viaSleep) {
        String before = "live across the await";
        lines[1] = here(); await(inner(gate, lines, viaSleep));
        System.out.print(before.isEmpty() ? "?" : "");
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> inner(Future<Void> gate, int[] lines, boolean viaSleep) {
        if (viaSleep) {
            lines[2] = here(); await(sleep(10));
        } else {
            lines[2] = here(); await(gate);
        }
        return Coroutine.done();
    }

    @Async
    static Coroutine<List<Object>> threeDeep(boolean viaSleep) {
        Future<Void> gate = getRunningLoop().createFuture();
        int[] lines = new int[3];
        Task<Void> t = createTask(outer(gate, lines, viaSleep), "deep");
        List<Object> seen = new ArrayList<>();
        seen.add(t.getStack()); // not started: its coroutine at its first line
        await(sleep(0));
        seen.add(t.getStack());
        seen.add(lines.clone());
        seen.add(printed(t));
        seen.add(t.getStack(2));
        if (viaSleep) {
            t.cancel();
        } else {
            gate.setResult(null);
        }
        try {
            await(t);
        } catch (java.util.concurrent.CancellationException expected) {
            // cancelled in its sleep
        }
        seen.add(t.getStack());
        return Coroutine.returning(seen);
    }

    @SuppressWarnings("unchecked")
    private static void checkThreeDeep(boolean viaSleep) {
        List<Object> seen = Weft.run(threeDeep(viaSleep), EventLoop::withVirtualClock);
        List<StackTraceElement> fresh = (List<StackTraceElement>) seen.get(0);
        List<StackTraceElement> stack = (List<StackTraceElement>) seen.get(1);
        int[] lines = (int[]) seen.get(2);
        String printed = (String) seen.get(3);
        List<StackTraceElement> limited = (List<StackTraceElement>) seen.get(4);
        List<StackTraceElement> done = (List<StackTraceElement>) seen.get(5);

        assertThat(fresh).hasSize(1);
        assertThat(fresh.get(0).getMethodName()).isEqualTo("outer");
        assertThat(fresh.get(0).getLineNumber()).isEqualTo(lines[0]);

        assertThat(stack).extracting(StackTraceElement::getMethodName).containsExactly("outer", "middle", "inner");
        assertThat(stack).extracting(StackTraceElement::getLineNumber).containsExactly(lines[0], lines[1], lines[2]);
        assertThat(stack).extracting(StackTraceElement::getClassName).containsOnly(TaskStackTest.class.getName());
        assertThat(stack).extracting(StackTraceElement::getFileName).containsOnly("TaskStackTest.java");

        assertThat(printed).isEqualTo("Stack for " + "<Task pending name='deep'" + printed.substring(
                "Stack for <Task pending name='deep'".length(), printed.indexOf(" (most recent call last):\n"))
                + " (most recent call last):\n"
                + "  File \"TaskStackTest.java\", line " + lines[0] + ", in outer\n"
                + "  File \"TaskStackTest.java\", line " + lines[1] + ", in middle\n"
                + "  File \"TaskStackTest.java\", line " + lines[2] + ", in inner\n");
        assertThat(limited).extracting(StackTraceElement::getMethodName).containsExactly("middle", "inner");
        assertThat(done).isEmpty();
    }

    @Test
    void aTaskSuspendedThreeAwaitsDeepShowsThreeFramesAtTheirLines() {
        checkThreeDeep(false);
    }

    @Test
    void weftsOwnCoroutinesAreLeftOutOfTheStack() {
        checkThreeDeep(true); // inner sleeps in a hand-written coroutine; outer awaits through a timeout scope
    }

    @Async
    static Coroutine<Void> fails() {
        await(sleep(1));
        throw new IllegalArgumentException("boom");
    }

    @Async
    static Coroutine<String> printDone() {
        Task<Void> t = createTask(fails());
        try {
            await(t);
        } catch (IllegalArgumentException expected) {
            // printed below
        }
        return Coroutine.returning(printed(t));
    }

    @Test
    void aDoneTaskHasNoStackAndPrintsItsException() {
        String printed = Weft.run(printDone(), EventLoop::withVirtualClock);
        assertThat(printed).startsWith("No stack for <Task finished")
                .endsWith("\njava.lang.IllegalArgumentException: boom\n");
    }

    @Async
    static Coroutine<List<StackTraceElement>> selfStack(int[] line) {
        await(sleep(0));
        line[0] = here(); List<StackTraceElement> s = currentTask().getStack();
        return Coroutine.returning(s);
    }

    @Test
    void theRunningTaskGetsTheJavaStackOfItsInnermostCoroutine() {
        int[] line = new int[1];
        List<StackTraceElement> s = Weft.run(selfStack(line), EventLoop::withVirtualClock);
        assertThat(s).isNotEmpty();
        StackTraceElement last = s.get(s.size() - 1);
        assertThat(last.getClassName()).isEqualTo(TaskStackTest.class.getName());
        assertThat(last.getLineNumber()).isEqualTo(line[0]);
    }

    @Async
    static Coroutine<String> fromAnotherThread() {
        Task<Void> t = createTask(sleep(10));
        await(sleep(0));
        String refused = await(Weft.toThread(() -> {
            try {
                t.getStack();
                return "answered";
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        }));
        t.cancel();
        return Coroutine.returning(refused);
    }

    @Test
    void getStackFromAnotherThreadIsRefused() {
        assertThat(Weft.run(fromAnotherThread())).startsWith("Task.getStack called from thread");
    }
}
