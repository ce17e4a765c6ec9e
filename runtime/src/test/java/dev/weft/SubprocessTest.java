package dev.weft;

import static dev.weft.Redirect.DEVNULL;
import static dev.weft.Redirect.PIPE;
import static dev.weft.Redirect.STDOUT;
import static dev.weft.Weft.await;
import static dev.weft.Weft.createSubprocessExec;
import static dev.weft.Weft.createSubprocessShell;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.gather;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Child processes with pipes: the cases of CPython's {@code test_asyncio/test_subprocess.py} that
 * have a Java meaning, each named after its CPython case, with {@code python3 -c} or
 * {@code /bin/sh -c} as the child; plus the deadlock {@code communicate} must not fall into,
 * and bad input.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SubprocessTest {
    /** CPython's PROGRAM_CAT: copies stdin to stdout. */
    static final String CAT = "import sys; data = sys.stdin.buffer.read(); sys.stdout.buffer.write(data)";

    private final EventLoop loop = EventLoop.create();

    @AfterEach
    void closeLoop() {
        assertThat(loop.allTasks()).as("tasks left pending").isEmpty();
        loop.close();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static SubprocessOptions pipes() {
        return new SubprocessOptions().stdin(PIPE).stdout(PIPE).stderr(PIPE);
    }

    /** Python's {@code sys.executable}: the interpreter behind the PATH's python3 (a pyenv shim takes seconds to start one). */
    static final String PYTHON = sysExecutable();

    private static String sysExecutable() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)").start();
            String path = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 && !path.isEmpty() ? path : "python3";
        } catch (IOException e) {
            throw new AssertionError("python3 is not on the PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Coroutine<Subprocess> python(SubprocessOptions options, String code) {
        return createSubprocessExec(options, PYTHON, "-c", code);
    }

    // ---- test_stdin_stdout, test_communicate, test_communicate_none_input, test_empty_input ----

    @Async
    static Coroutine<List<Object>> catThroughPipes() {
        Subprocess p = await(python(new SubprocessOptions().stdin(PIPE).stdout(PIPE), CAT));
        p.stdin().write(b("Python The Winner"));
        await(p.stdin().drain());
        p.stdin().close();
        byte[] out = await(p.stdout().read(-1));
        int code = await(p.waitFor());
        return Coroutine.returning(Arrays.asList(s(out), code, p.returncode()));
    }

    @Test
    void test_stdin_stdout() {
        assertThat(loop.runUntilComplete(catThroughPipes())).containsExactly("Python The Winner", 0, 0);
    }

    @Async
    static Coroutine<List<Object>> communicateCat(byte[] input) {
        Subprocess p = await(python(new SubprocessOptions().stdin(PIPE).stdout(PIPE), CAT));
        SubprocessOutput out = await(p.communicate(input));
        return Coroutine.returning(Arrays.asList(s(out.stdout()), out.stderr(), p.returncode()));
    }

    @Test
    void test_communicate() {
        assertThat(loop.runUntilComplete(communicateCat(b("Python The Winner")))).containsExactly("Python The Winner", null, 0);
    }

    @Test
    void test_communicate_none_input() {
        assertThat(loop.runUntilComplete(communicateCat(null))).containsExactly("", null, 0);
    }

    @Test
    void test_empty_input() {
        assertThat(loop.runUntilComplete(communicateCat(new byte[0]))).containsExactly("", null, 0);
    }

    @Async
    static Coroutine<List<Object>> communicateStdoutOnly() {
        Subprocess p = await(python(new SubprocessOptions().stdout(PIPE), "print('hello')"));
        SubprocessOutput out = await(p.communicate());
        return Coroutine.returning(Arrays.asList(s(out.stdout()), out.stderr(), p.returncode()));
    }

    @Test
    void test_subprocess_communicate_stdout() {
        assertThat(loop.runUntilComplete(communicateStdoutOnly())).containsExactly("hello\n", null, 0);
    }

    // ---- test_shell, environment and directory ----

    @Async
    static Coroutine<Integer> shellExit(String cmd) {
        Subprocess p = await(createSubprocessShell(cmd));
        return Coroutine.returning(await(p.waitFor()));
    }

    @Test
    void test_shell() {
        assertThat(loop.runUntilComplete(shellExit("exit 7"))).isEqualTo(7);
    }

    @Async
    static Coroutine<String> shellOutput(String cmd, SubprocessOptions options) {
        Subprocess p = await(createSubprocessShell(cmd, options.stdout(PIPE)));
        return Coroutine.returning(s(await(p.communicate()).stdout()));
    }

    @Test
    void test_create_subprocess_env_shell() {
        SubprocessOptions env = new SubprocessOptions().env(Map.of("FOO", "bar"));
        assertThat(loop.runUntilComplete(shellOutput("echo \"$FOO\"", env))).isEqualTo("bar\n");
    }

    @Async
    static Coroutine<String> execOutput(SubprocessOptions options, String... args) {
        Subprocess p = await(createSubprocessExec(options.stdout(PIPE), args));
        return Coroutine.returning(s(await(p.communicate()).stdout()));
    }

    @Test
    void test_create_subprocess_env_exec() {
        SubprocessOptions env = new SubprocessOptions().env(Map.of("FOO", "baz"));
        assertThat(loop.runUntilComplete(execOutput(env, "/bin/sh", "-c", "echo \"$FOO\""))).isEqualTo("baz\n");
    }

    @Test
    void theChildRunsInTheDirectoryGiven(@TempDir Path dir) throws IOException {
        SubprocessOptions cwd = new SubprocessOptions().cwd(dir);
        assertThat(loop.runUntilComplete(execOutput(cwd, "/bin/sh", "-c", "pwd -P"))).isEqualTo(dir.toRealPath() + "\n");
    }

    // ---- test_kill, test_terminate, test_subprocess_concurrent_wait, test_cancel_process_wait ----

    static final String SLEEP = "import time; time.sleep(60)";

    @Async
    static Coroutine<List<Object>> signalled(boolean kill) {
        Subprocess p = await(python(new SubprocessOptions(), SLEEP));
        Integer before = p.returncode();
        if (kill) {
            p.kill();
        } else {
            p.terminate();
        }
        int code = await(p.waitFor());
        return Coroutine.returning(Arrays.asList(before, code, p.returncode()));
    }

    @Test
    void test_kill() {
        assertThat(loop.runUntilComplete(signalled(true))).containsExactly(null, -9, -9);
    }

    @Test
    void test_terminate() {
        assertThat(loop.runUntilComplete(signalled(false))).containsExactly(null, -15, -15);
    }

    @Async
    static Coroutine<List<Integer>> twoWaiters() {
        Subprocess p = await(python(new SubprocessOptions(), "import time; time.sleep(0.2); raise SystemExit(3)"));
        List<Integer> codes = await(gather(p.waitFor(), p.waitFor()));
        return Coroutine.returning(codes);
    }

    @Test
    void test_subprocess_concurrent_wait() {
        assertThat(loop.runUntilComplete(twoWaiters())).containsExactly(3, 3);
    }

    @Async
    static Coroutine<List<Object>> cancelledWait() {
        Subprocess p = await(python(new SubprocessOptions(), SLEEP));
        Task<Integer> waiting = createTask(p.waitFor());
        await(sleep(0.1));
        waiting.cancel();
        try {
            await(waiting);
        } catch (CancellationException expected) {
            // the wait, not the child, is cancelled
        }
        Integer stillRunning = p.returncode();
        p.kill();
        int code = await(p.waitFor());
        return Coroutine.returning(Arrays.asList(waiting.cancelled(), stillRunning, code));
    }

    @Test
    void test_cancel_process_wait() {
        assertThat(loop.runUntilComplete(cancelledWait())).containsExactly(true, null, -9);
    }

    @Async
    static Coroutine<Void> killAfterWait() {
        Subprocess p = await(python(new SubprocessOptions(), "pass"));
        await(p.waitFor());
        p.kill();
        return Coroutine.done();
    }

    @Test
    void killAfterTheProcessFinishedIsProcessLookupError() {
        assertThatThrownBy(() -> loop.runUntilComplete(killAfterWait()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ProcessLookupError");
    }

    // ---- test_stdin_broken_pipe, test_communicate_ignore_broken_pipe ----

    /** More than a pipe holds (64 KiB on Linux), so a write to a child that never reads must fail. */
    static final int LARGE = 4 * 1024 * 1024;

    @Async
    static Coroutine<Void> drainToAChildThatExited() {
        Subprocess p = await(python(new SubprocessOptions().stdin(PIPE), "pass"));
        p.stdin().write(new byte[LARGE]);
        try {
            await(p.stdin().drain());
        } finally {
            await(p.waitFor());
        }
        return Coroutine.done();
    }

    @Test
    void test_stdin_broken_pipe() {
        assertThatThrownBy(() -> loop.runUntilComplete(drainToAChildThatExited())).isInstanceOf(IOException.class);
    }

    @Async
    static Coroutine<Integer> communicateToAChildThatExited() {
        Subprocess p = await(python(new SubprocessOptions().stdin(PIPE), "pass"));
        await(p.communicate(new byte[LARGE]));
        return Coroutine.returning(p.returncode());
    }

    @Test
    void test_communicate_ignore_broken_pipe() {
        assertThat(loop.runUntilComplete(communicateToAChildThatExited())).isEqualTo(0);
    }

    // ---- test_pause_reading, and the deadlock communicate avoids ----

    @Async
    static Coroutine<List<Integer>> unreadOutputIsHeldBack(int limit) {
        Subprocess p = await(python(new SubprocessOptions().stdout(PIPE).limit(limit),
                "import sys; sys.stdout.buffer.write(b'x' * (8 * 1024 * 1024))"));
        // nobody reads: once the reader holds twice its limit it pauses its pipe, and the child waits
        for (int i = 0; i < 1000 && !p.stdout().toString().contains("paused"); i++) {
            await(sleep(0.01));
        }
        boolean paused = p.stdout().toString().contains("paused");
        await(sleep(0.3));
        int bufferedUnread = p.stdout().buffered().length;
        byte[] all = await(p.stdout().read(-1));
        int code = await(p.waitFor());
        return Coroutine.returning(Arrays.asList(bufferedUnread, paused ? 1 : 0, all.length, code));
    }

    @Test
    void test_pause_reading() {
        int limit = 10 * 1024;
        List<Integer> got = loop.runUntilComplete(unreadOutputIsHeldBack(limit));
        // what piles up unread is bounded by the flow control: twice the limit plus one chunk in flight
        assertThat(got.get(0)).isGreaterThan(2 * limit).isLessThanOrEqualTo(2 * limit + 64 * 1024);
        assertThat(got.subList(1, 4)).containsExactly(1, 8 * 1024 * 1024, 0);
    }

    static final String WRITE_THEN_READ = "import sys\n"
            + "sys.stdout.buffer.write(b'o' * (4 * 1024 * 1024)); sys.stdout.flush()\n"
            + "sys.stderr.buffer.write(b'e' * (3 * 1024 * 1024)); sys.stderr.flush()\n"
            + "data = sys.stdin.buffer.read()\n"
            + "sys.stdout.buffer.write(str(len(data)).encode())\n";

    @Async
    static Coroutine<List<Integer>> communicateWithAChildThatWritesFirst() {
        Subprocess p = await(python(pipes(), WRITE_THEN_READ));
        SubprocessOutput out = await(p.communicate(new byte[2 * 1024 * 1024]));
        String tail = s(Arrays.copyOfRange(out.stdout(), 4 * 1024 * 1024, out.stdout().length));
        return Coroutine.returning(Arrays.asList(out.stdout().length - tail.length(), Integer.parseInt(tail),
                out.stderr().length, p.returncode()));
    }

    @Test
    void communicateDoesNotDeadlockWhenTheChildWritesMoreThanAPipeHoldsBeforeReading() {
        assertThat(loop.runUntilComplete(communicateWithAChildThatWritesFirst()))
                .containsExactly(4 * 1024 * 1024, 2 * 1024 * 1024, 3 * 1024 * 1024, 0);
    }

    // ---- test_devnull_input, test_devnull_output, test_devnull_error, stderr into stdout ----

    @Async
    static Coroutine<List<Object>> communicateWith(SubprocessOptions options, String code) {
        Subprocess p = await(python(options, code));
        SubprocessOutput out = await(p.communicate());
        return Coroutine.returning(Arrays.asList(out.stdout() == null ? null : s(out.stdout()),
                out.stderr() == null ? null : s(out.stderr()), p.returncode()));
    }

    @Test
    void test_devnull_input() {
        SubprocessOptions o = new SubprocessOptions().stdin(DEVNULL).stdout(PIPE);
        assertThat(loop.runUntilComplete(communicateWith(o, CAT))).containsExactly("", null, 0);
    }

    @Test
    void test_devnull_output() {
        SubprocessOptions o = new SubprocessOptions().stdout(DEVNULL).stderr(PIPE);
        assertThat(loop.runUntilComplete(communicateWith(o, "import sys; print('out'); print('err', file=sys.stderr)")))
                .containsExactly(null, "err\n", 0);
    }

    @Test
    void test_devnull_error() {
        SubprocessOptions o = new SubprocessOptions().stdout(PIPE).stderr(DEVNULL);
        assertThat(loop.runUntilComplete(communicateWith(o, "import sys; print('out'); print('err', file=sys.stderr)")))
                .containsExactly("out\n", null, 0);
    }

    @Test
    void stderrRedirectToStdout() {
        SubprocessOptions o = new SubprocessOptions().stdout(PIPE).stderr(STDOUT);
        String code = "import sys; print('out', flush=True); print('err', file=sys.stderr, flush=True); print('out2')";
        assertThat(loop.runUntilComplete(communicateWith(o, code))).containsExactly("out\nerr\nout2\n", null, 0);
    }

    // ---- test_read_stdout_after_process_exit, test_subprocess_repr ----

    @Async
    static Coroutine<List<Object>> readAfterExit() {
        Subprocess p = await(python(new SubprocessOptions().stdout(PIPE), "print('x' * 100, end='')"));
        while (p.returncode() == null) {
            await(sleep(0.02));
        }
        byte[] out = await(p.stdout().read(-1));
        return Coroutine.returning(Arrays.asList(out.length, await(p.waitFor())));
    }

    @Test
    void test_read_stdout_after_process_exit() {
        assertThat(loop.runUntilComplete(readAfterExit())).containsExactly(100, 0);
    }

    @Async
    static Coroutine<String> repr() {
        Subprocess p = await(python(new SubprocessOptions(), "pass"));
        String r = p.toString() + " " + p.pid();
        await(p.waitFor());
        return Coroutine.returning(r);
    }

    @Test
    void test_subprocess_repr() {
        String r = loop.runUntilComplete(repr());
        String pid = r.substring(r.lastIndexOf(' ') + 1);
        assertThat(r).isEqualTo("<Process " + pid + "> " + pid);
    }

    // ---- test_popen_error, bad input ----

    @Test
    void test_popen_error() {
        assertThatThrownBy(() -> loop.runUntilComplete(createSubprocessExec("/no/such/program-weft")))
                .isInstanceOf(IOException.class).hasMessageContaining("/no/such/program-weft");
    }

    @Test
    void test_popen_error_with_stdin_pipe() {
        assertThatThrownBy(() -> loop.runUntilComplete(createSubprocessExec(pipes(), "/no/such/program-weft")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void noProgramIsAnErrorWhenAwaited() {
        Coroutine<Subprocess> none = createSubprocessExec();
        assertThatThrownBy(() -> loop.runUntilComplete(none))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a program");
    }

    @Test
    void stdoutCannotGoToStdout() {
        assertThatThrownBy(() -> new SubprocessOptions().stdout(STDOUT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubprocessOptions().limit(0)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- the loop goes on while a child runs ----

    @Async
    static Coroutine<List<Integer>> tickWhileWaiting() {
        Subprocess p = await(python(new SubprocessOptions().stdout(PIPE), "import time; time.sleep(0.5); print('done')"));
        int[] ticks = {0};
        Task<Void> ticker = createTask(tick(ticks));
        SubprocessOutput out = await(p.communicate());
        ticker.cancel();
        try {
            await(ticker);
        } catch (CancellationException expected) {
            // stopped
        }
        return Coroutine.returning(Arrays.asList(ticks[0], out.stdout().length));
    }

    @Async
    static Coroutine<Void> tick(int[] ticks) {
        for (;;) {
            await(sleep(0.01));
            ticks[0]++;
        }
    }

    @Test
    void theLoopRunsOnWhileTheChildRuns() {
        List<Integer> got = loop.runUntilComplete(tickWhileWaiting());
        assertThat(got.get(0)).isGreaterThan(10);
        assertThat(got.get(1)).isEqualTo(5);
    }

    @Async
    static Coroutine<String> lineByLine() {
        Subprocess p = await(python(pipes(), "import sys\nfor line in sys.stdin: print(line.strip().upper(), flush=True)"));
        List<String> got = new ArrayList<>();
        for (String word : List.of("one", "two")) {
            p.stdin().write(b(word + "\n"));
            await(p.stdin().drain());
            got.add(s(await(waitFor(p.stdout().readline(), 10))));
        }
        p.stdin().close();
        await(p.stdin().waitClosed());
        await(p.waitFor());
        return Coroutine.returning(String.join("", got));
    }

    @Test
    void aConversationLineByLine() {
        assertThat(loop.runUntilComplete(lineByLine())).isEqualTo("ONE\nTWO\n");
    }
}
