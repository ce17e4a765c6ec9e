package dev.weft.benchmarks.echo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a Linux process has used, all its threads, user and system: {@code utime + stime}
 * of {@code /proc/PID/stat}, in clock ticks of 10 ms (USER_HZ is 100 on every x86-64 Linux).
 */
final class ProcessCpu {
    /** Nanoseconds per clock tick of {@code /proc/PID/stat}. */
    private static final long TICK_NANOS = 10_000_000L;

    private final Path stat;

    private ProcessCpu(Path stat) {
        this.stat = stat;
    }

    /** The process of that id. */
    static ProcessCpu of(long pid) {
        return new ProcessCpu(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** This process. */
    static ProcessCpu self() {
        return new ProcessCpu(Path.of("/proc/self/stat"));
    }

    /** The CPU time used so far, in nanoseconds (10 ms resolution). */
    long nanos() {
        String s;
        try {
            s = new String(Files.readAllBytes(stat), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stat, e);
        }
        // the command name (field 2) may hold spaces and parentheses: count fields after the last ')'
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(f[11]);   // field 14
        long stime = Long.parseLong(f[12]);   // field 15
        return (utime + stime) * TICK_NANOS;
    }
}
