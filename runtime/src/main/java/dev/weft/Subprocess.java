package dev.weft;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.gather;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A child process started by {@link Weft#createSubprocessExec} or {@link Weft#createSubprocessShell}:
 * Python's {@code asyncio.subprocess.Process} (named so beside {@link java.lang.Process}).
 *
 * <pre>{@code
 * Subprocess p = await(createSubprocessExec(new SubprocessOptions().stdout(PIPE), "python3", "-c", "print(42)"));
 * byte[] line = await(p.stdout().readline());        // b"42\n"
 * int code = await(p.waitFor());                      // 0
 * }</pre>
 *
 * <h2>Threads</h2>
 * Java's pipes to a child are blocking streams, so each piped stream has one daemon thread of its
 * own, off the loop: at most three a process (one for stdin, stdout and stderr each, only for
 * those that are {@link Redirect#PIPE}), none for an inherited or null stream. The stdout and
 * stderr threads read a chunk of at most 64 KiB at a time and hand it to the loop with
 * {@link EventLoop#callSoonThreadsafe}, reading the next only once the loop took it and the
 * {@link StreamReader} is below its flow-control mark, so a child that writes more than nobody
 * reads is held by the pipe, not buffered without end. The stdin thread writes what
 * {@link StreamWriter#write} queued. The exit is seen through {@link java.lang.Process#onExit()}
 * (the JDK's process reaper). A thread ends with its stream (end of file, closed, or failed); one
 * blocked in a read or write of a pipe whose transport was closed ends when the child writes,
 * reads or exits. Nothing polls, and the loop never blocks on a pipe; it only starts the child
 * ({@link ProcessBuilder#start()}, a fork and exec), as Python's {@code Popen} does.
 *
 * <h2>Return codes</h2>
 * {@link #returncode()} is null until the child exits. A child killed by {@link #terminate()} or
 * {@link #kill()} reports {@code -15} or {@code -9}, as Python; Java cannot tell another death by
 * signal N from an exit with {@code 128 + N}, and reports that number.
 *
 * <p>Use a subprocess on its loop's thread.
 */
public final class Subprocess {
    private final SubprocessTransport transport;

    private Subprocess(SubprocessTransport transport) {
        this.transport = transport;
    }

    @Async
    static Coroutine<Subprocess> exec(SubprocessOptions options, List<String> args) {
        EventLoop loop = EventLoop.requireRunning("createSubprocessExec");
        if (options == null) {
            throw new NullPointerException("options");
        }
        if (args.isEmpty()) {
            throw new IllegalArgumentException("createSubprocessExec needs a program to run");
        }
        for (String a : args) {
            if (a == null) {
                throw new NullPointerException("createSubprocessExec: an argument is null: " + args);
            }
        }
        try {
            return Coroutine.returning(new Subprocess(SubprocessTransport.start(loop, args, options)));
        } catch (IOException e) {
            throw dev.weft.internal.Unchecked.<RuntimeException>raise(e);
        }
    }

    /** The shell of Python's {@code shell=True}: {@code /bin/sh -c cmd} ({@code cmd.exe /c} on Windows). */
    static Coroutine<Subprocess> shell(String cmd, SubprocessOptions options) {
        if (cmd == null) {
            throw new NullPointerException("cmd");
        }
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        return exec(options, windows ? Arrays.asList("cmd.exe", "/c", cmd) : Arrays.asList("/bin/sh", "-c", cmd));
    }

    /**
     * The child's process id: Python's {@code pid}.
     *
     * @return the pid
     */
    public long pid() {
        return transport.pid();
    }

    /**
     * A writer to the child's stdin: Python's {@code stdin}. {@link StreamWriter#close()} closes
     * the pipe (the child reads end of file) once what was written is sent.
     *
     * @return the writer, or null unless stdin is {@link Redirect#PIPE}
     */
    public StreamWriter stdin() {
        return transport.stdin();
    }

    /**
     * A reader of the child's stdout: Python's {@code stdout}.
     *
     * @return the reader, or null unless stdout is {@link Redirect#PIPE}
     */
    public StreamReader stdout() {
        return transport.stdout();
    }

    /**
     * A reader of the child's stderr: Python's {@code stderr}.
     *
     * @return the reader, or null unless stderr is {@link Redirect#PIPE}
     */
    public StreamReader stderr() {
        return transport.stderr();
    }

    /**
     * The return code: Python's {@code returncode}. Negative: killed by that signal (see the
     * class comment).
     *
     * @return the code, or null while the child runs (or before the loop heard of its exit)
     */
    public Integer returncode() {
        return transport.returncode();
    }

    /**
     * Python's {@code wait()}: waits for the child to exit and gives its return code. If it has
     * not exited yet, this also waits until its stdout and stderr pipes are closed; with
     * {@link Redirect#PIPE}, a child that writes more than the pipes hold while nobody reads them
     * never exits: read them, or use {@link #communicate(byte[])}.
     *
     * @return a coroutine giving the return code
     */
    @Async
    public Coroutine<Integer> waitFor() {
        return Coroutine.returning(await(transport.waitFor()));
    }

    /**
     * Python's {@code communicate(input)}: writes {@code input} to stdin and closes it, reads
     * stdout and stderr to end of file, all at once (so neither side waits on a full pipe), then
     * waits for the child to exit. A child that closes its stdin or exits before reading all of
     * {@code input} does not fail it (Python ignores {@code BrokenPipeError} here). {@code input}
     * is ignored unless stdin is {@link Redirect#PIPE}.
     *
     * @param input the bytes for stdin, or null to write nothing (stdin is closed all the same)
     * @return a coroutine giving what the child wrote to stdout and stderr
     */
    @Async
    public Coroutine<SubprocessOutput> communicate(byte[] input) {
        List<Awaitable<?>> parts = new ArrayList<>(3);
        if (stdin() != null) {
            parts.add(createTask(feedStdin(input)));
        }
        Task<byte[]> out = stdout() != null ? createTask(readStream(stdout())) : null;
        Task<byte[]> err = stderr() != null ? createTask(readStream(stderr())) : null;
        if (out != null) {
            parts.add(out);
        }
        if (err != null) {
            parts.add(err);
        }
        await(gather(parts));
        await(waitFor());
        return Coroutine.returning(new SubprocessOutput(out == null ? null : out.result(), err == null ? null : err.result()));
    }

    /**
     * {@link #communicate(byte[])} with nothing to write: Python's {@code communicate()}.
     *
     * @return a coroutine giving what the child wrote to stdout and stderr
     */
    public Coroutine<SubprocessOutput> communicate() {
        return communicate(null);
    }

    @Async
    private Coroutine<Void> feedStdin(byte[] input) {
        StreamWriter w = stdin();
        try {
            if (input != null) {
                w.write(input);
            }
            await(w.drain(), IOException.class);
        } catch (IOException brokenPipe) {
            // the child closed its stdin or exited: what it did not read is dropped, as Python does
        }
        w.close();
        return Coroutine.done();
    }

    @Async
    private Coroutine<byte[]> readStream(StreamReader reader) {
        byte[] all = await(reader.read(-1));
        transport.pipe(reader).close();
        return Coroutine.returning(all);
    }

    /**
     * Python's {@code terminate()}: asks the child to end ({@code SIGTERM} on Unix, through
     * {@link java.lang.Process#destroy()}). Does nothing if it has exited already.
     *
     * @throws IllegalStateException once {@link #waitFor()} could return and the pipes are closed
     *     (Python's {@code ProcessLookupError})
     */
    public void terminate() {
        transport.terminate();
    }

    /**
     * Python's {@code kill()}: kills the child ({@code SIGKILL} on Unix, through
     * {@link java.lang.Process#destroyForcibly()}). Does nothing if it has exited already.
     *
     * @throws IllegalStateException once {@link #waitFor()} could return and the pipes are closed
     *     (Python's {@code ProcessLookupError})
     */
    public void kill() {
        transport.kill();
    }

    @Override
    public String toString() {
        return "<Process " + pid() + ">"; // Python's repr
    }
}
