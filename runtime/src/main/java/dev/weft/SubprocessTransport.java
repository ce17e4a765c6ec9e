package dev.weft;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A running child process and its pipes, on the loop: Python's
 * {@code base_subprocess.BaseSubprocessTransport} with the {@code SubprocessStreamProtocol} that
 * puts a {@link StreamWriter} on stdin and a {@link StreamReader} on stdout and stderr. Each
 * piped stream has one daemon thread ({@link PipeWriteTransport}, {@link PipeReadTransport}); the
 * exit is seen through {@link Process#onExit()} (the JDK's own process reaper thread), and the
 * return code reaches the loop with {@link EventLoop#callSoonThreadsafe}.
 */
final class SubprocessTransport {
    private final EventLoop loop;
    private final Process process;
    private StreamWriter stdin;
    private StreamReader stdout;
    private StreamReader stderr;
    private PipeReadTransport stdoutPipe;
    private PipeReadTransport stderrPipe;
    private PipeWriteTransport stdinPipe;
    private int pipesOpen;
    private Integer returncode;
    private boolean finished;
    /** The signal {@link #terminate()} or {@link #kill()} sent, or 0. */
    private int signalSent;
    private final List<Future<Integer>> exitWaiters = new ArrayList<>();

    private SubprocessTransport(EventLoop loop, Process process) {
        this.loop = loop;
        this.process = process;
    }

    /** Starts {@code args} with {@code options}: on the loop, as Python's {@code Popen} is. */
    static SubprocessTransport start(EventLoop loop, List<String> args, SubprocessOptions options) throws IOException {
        Process p = options.processBuilder(args).start();
        SubprocessTransport t = new SubprocessTransport(loop, p);
        String name = "weft-subprocess-" + p.pid() + "-";
        if (options.stdout() == Redirect.PIPE) {
            t.stdout = new StreamReader(options.limit(), loop);
            t.stdoutPipe = t.readPipe(p.getInputStream(), t.stdout, name + "stdout");
        }
        if (options.stderr() == Redirect.PIPE) {
            t.stderr = new StreamReader(options.limit(), loop);
            t.stderrPipe = t.readPipe(p.getErrorStream(), t.stderr, name + "stderr");
        }
        if (options.stdin() == Redirect.PIPE) {
            StreamReaderProtocol protocol = new StreamReaderProtocol(null, loop);
            t.stdinPipe = new PipeWriteTransport(loop, p.getOutputStream(), protocol, t::pipeLost, name + "stdin");
            t.stdin = new StreamWriter(t.stdinPipe, protocol, null, loop);
            t.pipesOpen++;
            t.stdinPipe.start();
        }
        p.onExit().whenComplete((done, e) -> {
            try {
                loop.callSoonThreadsafe(() -> t.exited(p.exitValue()));
            } catch (IllegalStateException closed) {
                // the loop is closed: nobody is left to tell
            }
        });
        return t;
    }

    private PipeReadTransport readPipe(java.io.InputStream in, StreamReader reader, String name) {
        PipeReadTransport pipe = new PipeReadTransport(loop, in, new StreamReaderProtocol(reader, loop), this::pipeLost, name);
        pipesOpen++;
        pipe.start();
        return pipe;
    }

    private void pipeLost() {
        pipesOpen--;
        tryFinish();
    }

    private void exited(int exitValue) {
        // Java reports a death by signal N as 128 + N, as a shell does; Python as -N. Known only for the signal sent here.
        returncode = signalSent != 0 && exitValue == 128 + signalSent ? -signalSent : exitValue;
        if (stdinPipe != null) {
            stdinPipe.processExited();
        }
        tryFinish();
    }

    /** Once the child exited and every pipe is closed, {@link #waitFor()}'s waiters are done (Python's {@code _try_finish}). */
    private void tryFinish() {
        if (finished || returncode == null || pipesOpen > 0) {
            return;
        }
        finished = true;
        List<Future<Integer>> waiters = new ArrayList<>(exitWaiters);
        exitWaiters.clear();
        for (Future<Integer> w : waiters) {
            if (!w.done()) {
                w.setResult(returncode);
            }
        }
    }

    /** Done with the return code: at once if the child exited, else once it exited and its pipes closed (Python's {@code _wait}). */
    Future<Integer> waitFor() {
        Future<Integer> w = loop.createFuture();
        if (returncode != null) {
            w.setResult(returncode);
        } else {
            exitWaiters.add(w);
            w.addDoneCallback(exitWaiters::remove);
        }
        return w;
    }

    Integer returncode() {
        return returncode;
    }

    long pid() {
        return process.pid();
    }

    StreamWriter stdin() {
        return stdin;
    }

    StreamReader stdout() {
        return stdout;
    }

    StreamReader stderr() {
        return stderr;
    }

    PipeReadTransport pipe(StreamReader reader) {
        return reader == stdout ? stdoutPipe : stderrPipe;
    }

    void terminate() {
        signal(15);
        process.destroy();
    }

    void kill() {
        signal(9);
        process.destroyForcibly();
    }

    private void signal(int sig) {
        if (finished) {
            throw new IllegalStateException("ProcessLookupError: the process has exited and its pipes are closed");
        }
        if (returncode == null) {
            signalSent = sig;
        }
    }
}
