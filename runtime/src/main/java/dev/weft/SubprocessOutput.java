package dev.weft;

/**
 * What {@link Subprocess#communicate(byte[])} gives: Python's {@code (stdout_data, stderr_data)}.
 */
public final class SubprocessOutput {
    private final byte[] stdout;
    private final byte[] stderr;

    SubprocessOutput(byte[] stdout, byte[] stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Everything the child wrote to stdout.
     *
     * @return the bytes, or null unless stdout was {@link Redirect#PIPE}
     */
    public byte[] stdout() {
        return stdout;
    }

    /**
     * Everything the child wrote to stderr.
     *
     * @return the bytes, or null unless stderr was {@link Redirect#PIPE}
     */
    public byte[] stderr() {
        return stderr;
    }
}
