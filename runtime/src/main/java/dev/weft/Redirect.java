package dev.weft;

/**
 * Where a child process's stdin, stdout or stderr goes: asyncio's {@code subprocess.PIPE},
 * {@code DEVNULL}, {@code STDOUT} and {@code None}, given to {@link SubprocessOptions}.
 */
public enum Redirect {
    /**
     * A pipe to the parent: {@link Subprocess#stdin()} is a {@link StreamWriter} on it,
     * {@link Subprocess#stdout()} and {@link Subprocess#stderr()} {@link StreamReader}s.
     */
    PIPE,
    /** The null device: the child reads end of file, and what it writes is dropped. */
    DEVNULL,
    /** For stderr only: into the same place as stdout (with stdout {@link #PIPE}, the same reader). */
    STDOUT,
    /** The parent's own stream, as Python's {@code None}: the default. */
    INHERIT
}
