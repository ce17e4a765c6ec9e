package dev.weft;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The write end of a child process's stdin, as a {@link Transport}: Python's
 * {@code _UnixWritePipeTransport}. {@link #write} never blocks: it queues a copy of the bytes for
 * one daemon thread, which writes them to Java's blocking pipe stream in order and tells the loop
 * (with {@link EventLoop#callSoonThreadsafe}) how much went out. The protocol is paused above the
 * high-water mark (64 KiB) and resumed at the low-water mark (16 KiB), which is what
 * {@link StreamWriter#drain()} waits on. {@link #close()} closes the pipe once the queue is
 * written. A write that fails (the child closed its stdin or exited: "Broken pipe") loses the
 * connection with that {@link IOException}. The thread ends when the pipe is closed or fails; it
 * may stay blocked in a write until the child reads or exits.
 */
final class PipeWriteTransport implements Transport {
    private static final byte[] EOF = new byte[0];

    private final EventLoop loop;
    private final OutputStream out;
    private final Protocol protocol;
    private final Runnable onLost;
    private final String name;
    // the loop's state
    private boolean closing;
    private boolean lost;
    private int buffered;
    private int high = 64 * 1024;
    private int low = 16 * 1024;
    private boolean protocolPaused;
    // shared with the writing thread, guarded by the queue's monitor
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();

    PipeWriteTransport(EventLoop loop, OutputStream out, Protocol protocol, Runnable onLost, String name) {
        this.loop = loop;
        this.out = out;
        this.protocol = protocol;
        this.onLost = onLost;
        this.name = name;
    }

    /** Starts the writing thread. */
    void start() {
        Thread t = new Thread(this::writeLoop, name);
        t.setDaemon(true);
        t.start();
    }

    // ---- the writing thread ----

    private void writeLoop() {
        try (OutputStream pipe = out) {
            for (;;) {
                byte[] chunk = take();
                if (chunk == null) {
                    return; // aborted
                }
                if (chunk == EOF) {
                    break;
                }
                pipe.write(chunk);
                pipe.flush();
                if (!post(() -> written(chunk.length))) {
                    return;
                }
            }
        } catch (IOException e) {
            post(() -> lose(e));
            return;
        }
        post(() -> lose(null));
    }

    private byte[] take() {
        synchronized (queue) {
            while (queue.isEmpty()) {
                try {
                    queue.wait();
                } catch (InterruptedException e) {
                    return null;
                }
            }
            return queue.poll();
        }
    }

    private void put(byte[] chunk) {
        synchronized (queue) {
            queue.add(chunk);
            queue.notifyAll();
        }
    }

    private boolean post(Runnable r) {
        try {
            loop.callSoonThreadsafe(r);
            return true;
        } catch (IllegalStateException closed) {
            return false;
        }
    }

    // ---- the loop's side ----

    @Override
    public void write(byte[] data) {
        if (data.length == 0) {
            return;
        }
        if (closing) {
            return; // closed or lost: dropped, as asyncio's pipe transport does
        }
        buffered += data.length;
        put(data.clone());
        if (!protocolPaused && buffered > high) {
            protocolPaused = true;
            protocol.pauseWriting();
        }
    }

    private void written(int n) {
        buffered -= n;
        if (protocolPaused && buffered <= low) {
            protocolPaused = false;
            protocol.resumeWriting();
        }
    }

    private void lose(Throwable exc) {
        if (lost) {
            return;
        }
        lost = true;
        closing = true;
        buffered = 0;
        protocol.connectionLost(exc);
        onLost.run();
    }

    /** The child exited: with nothing left to write, the pipe closes as Python's does when its reader goes. */
    void processExited() {
        if (buffered == 0) {
            close();
        }
    }

    @Override
    public void writelines(List<byte[]> chunks) {
        for (byte[] c : chunks) {
            write(c);
        }
    }

    @Override
    public void writeEof() {
        close();
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        put(EOF);
    }

    @Override
    public void abort() {
        if (lost) {
            return;
        }
        closing = true;
        synchronized (queue) {
            queue.clear();
            queue.add(EOF);
            queue.notifyAll();
        }
        loop.callSoon(() -> lose(null));
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public Object getExtraInfo(String name) {
        return "pipe".equals(name) ? out : null;
    }

    @Override
    public int getWriteBufferSize() {
        return buffered;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        int[] limits = WriteBufferLimits.of(high, low, 64 * 1024);
        this.high = limits[0];
        this.low = limits[1];
    }

    @Override
    public int[] getWriteBufferLimits() {
        return new int[] {low, high};
    }

    // ---- a write pipe does not read ----

    @Override
    public void pauseReading() {
    }

    @Override
    public void resumeReading() {
    }

    @Override
    public boolean isReading() {
        return false;
    }

    @Override
    public String toString() {
        return "<PipeWriteTransport " + name + (closing ? " closing" : "") + " buffered=" + buffered + ">";
    }
}
