package dev.weft;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keyword arguments of asyncio's {@code create_subprocess_exec} and
 * {@code create_subprocess_shell}: where the child's streams go ({@link Redirect#INHERIT} for each
 * by default, as Python's {@code None}), the limit of its {@link StreamReader}s, its working
 * directory and its environment. Each setter returns this options object:
 *
 * <pre>{@code
 * Subprocess p = await(createSubprocessExec(
 *         new SubprocessOptions().stdin(PIPE).stdout(PIPE).stderr(STDOUT), "python3", "-c", code));
 * }</pre>
 */
public final class SubprocessOptions {
    private Redirect stdin = Redirect.INHERIT;
    private Redirect stdout = Redirect.INHERIT;
    private Redirect stderr = Redirect.INHERIT;
    private int limit = StreamReader.DEFAULT_LIMIT;
    private Path cwd;
    private Map<String, String> env;

    /** Every stream inherited, the default limit, the parent's directory and environment. */
    public SubprocessOptions() {
    }

    /**
     * Python's {@code stdin=}.
     *
     * @param redirect {@link Redirect#PIPE}, {@link Redirect#DEVNULL} or {@link Redirect#INHERIT}
     * @return these options
     * @throws IllegalArgumentException for {@link Redirect#STDOUT}
     */
    public SubprocessOptions stdin(Redirect redirect) {
        stdin = notStdout("stdin", redirect);
        return this;
    }

    /**
     * Python's {@code stdout=}.
     *
     * @param redirect {@link Redirect#PIPE}, {@link Redirect#DEVNULL} or {@link Redirect#INHERIT}
     * @return these options
     * @throws IllegalArgumentException for {@link Redirect#STDOUT}
     */
    public SubprocessOptions stdout(Redirect redirect) {
        stdout = notStdout("stdout", redirect);
        return this;
    }

    /**
     * Python's {@code stderr=}; {@link Redirect#STDOUT} sends it where stdout goes.
     *
     * @param redirect any redirect
     * @return these options
     */
    public SubprocessOptions stderr(Redirect redirect) {
        if (redirect == null) {
            throw new NullPointerException("stderr");
        }
        stderr = redirect;
        return this;
    }

    /**
     * Python's {@code limit=}: the buffer limit of the stdout and stderr readers.
     *
     * @param bytes the limit, in bytes
     * @return these options
     * @throws IllegalArgumentException if {@code bytes} is not positive
     */
    public SubprocessOptions limit(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("Limit cannot be <= 0");
        }
        limit = bytes;
        return this;
    }

    /**
     * Python's {@code cwd=}: the child's working directory.
     *
     * @param directory the directory, or null for the parent's
     * @return these options
     */
    public SubprocessOptions cwd(Path directory) {
        cwd = directory;
        return this;
    }

    /**
     * Python's {@code env=}: the child's whole environment (not added to the parent's).
     *
     * @param environment the variables, or null for the parent's environment
     * @return these options
     */
    public SubprocessOptions env(Map<String, String> environment) {
        env = environment == null ? null : new LinkedHashMap<>(environment);
        return this;
    }

    private static Redirect notStdout(String stream, Redirect redirect) {
        if (redirect == null) {
            throw new NullPointerException(stream);
        }
        if (redirect == Redirect.STDOUT) {
            throw new IllegalArgumentException("STDOUT is only for stderr, not for " + stream);
        }
        return redirect;
    }

    Redirect stdin() {
        return stdin;
    }

    Redirect stdout() {
        return stdout;
    }

    Redirect stderr() {
        return stderr;
    }

    int limit() {
        return limit;
    }

    /** A builder for {@code args} with these options. */
    ProcessBuilder processBuilder(java.util.List<String> args) {
        ProcessBuilder pb = new ProcessBuilder(args);
        pb.redirectInput(redirect(stdin, ProcessBuilder.Redirect.from(nullDevice())));
        pb.redirectOutput(redirect(stdout, ProcessBuilder.Redirect.DISCARD));
        if (stderr == Redirect.STDOUT) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(redirect(stderr, ProcessBuilder.Redirect.DISCARD));
        }
        if (cwd != null) {
            pb.directory(cwd.toFile());
        }
        if (env != null) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        return pb;
    }

    private static ProcessBuilder.Redirect redirect(Redirect r, ProcessBuilder.Redirect devnull) {
        switch (r) {
            case PIPE:
                return ProcessBuilder.Redirect.PIPE;
            case DEVNULL:
                return devnull;
            default:
                return ProcessBuilder.Redirect.INHERIT;
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
