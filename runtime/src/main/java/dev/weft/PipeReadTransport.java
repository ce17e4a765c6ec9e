package dev.weft;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The read end of a child process's stdout or stderr, as a {@link Transport} feeding a
 * {@link Protocol} on the loop: Python's {@code _UnixReadPipeTransport}. Java's pipe streams
 * block, so one daemon thread reads the pipe and hands each chunk to the loop with
 * {@link EventLoop#callSoonThreadsafe}; it reads the next chunk only once the loop has taken this
 * one and reading is not paused, so at most one chunk is in flight and the reader's flow control
 * ({@link #pauseReading()}) stops the child when nobody reads. The thread ends at end of file, on
 * an error, or, after {@link #close()}, when its blocking read returns (the child writes or
 * closes the pipe).
 */
final class PipeReadTransport implements Transport {
    private static final int CHUNK = 64 * 1024;

    private final EventLoop loop;
    private final InputStream in;
    private final Protocol protocol;
    private final Runnable onLost;
    private final String name;
    // the loop's state
    private boolean closing;
    private boolean lost;
    private boolean paused;
    /** A chunk was delivered while paused: the reading thread waits for {@link #resumeReading()}. */
    private boolean held;
    // shared with the reading thread, guarded by the lock
    private final Object lock = new Object();
    private boolean go;
    private boolean stop;

    PipeReadTransport(EventLoop loop, InputStream in, Protocol protocol, Runnable onLost, String name) {
        this.loop = loop;
        this.in = in;
        this.protocol = protocol;
        this.onLost = onLost;
        this.name = name;
    }

    /** Tells the protocol it is connected and starts the reading thread. */
    void start() {
        protocol.connectionMade(this);
        Thread t = new Thread(this::readLoop, name);
        t.setDaemon(true);
        t.start();
    }

    // ---- the reading thread ----

    private void readLoop() {
        byte[] buf = new byte[CHUNK];
        try (InputStream pipe = in) {
            for (;;) {
                int n = pipe.read(buf);
                if (n < 0) {
                    post(this::eof);
                    return;
                }
                if (n == 0) {
                    continue;
                }
                byte[] chunk = Arrays.copyOf(buf, n);
                if (!post(() -> deliver(chunk)) || !awaitGo()) {
                    return;
                }
            }
        } catch (IOException e) {
            post(() -> lose(e));
        }
    }

    /** Sends {@code r} to the loop; false if the loop is closed (the thread then ends). */
    private boolean post(Runnable r) {
        try {
            loop.callSoonThreadsafe(r);
            return true;
        } catch (IllegalStateException closed) {
            return false;
        }
    }

    /** Waits until the loop lets the thread read on; false once the transport is closed. */
    private boolean awaitGo() {
        synchronized (lock) {
            while (!go && !stop) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    return false;
                }
            }
            go = false;
            return !stop;
        }
    }

    private void release() {
        synchronized (lock) {
            go = true;
            lock.notifyAll();
        }
    }

    private void stopThread() {
        synchronized (lock) {
            stop = true;
            lock.notifyAll();
        }
    }

    // ---- the loop's side ----

    private void deliver(byte[] chunk) {
        if (closing) {
            return;
        }
        protocol.dataReceived(chunk);
        if (paused) {
            held = true;
        } else {
            release();
        }
    }

    private void eof() {
        if (closing) {
            return;
        }
        closing = true;
        protocol.eofReceived();
        lose(null);
    }

    private void lose(Throwable exc) {
        if (lost) {
            return;
        }
        lost = true;
        closing = true;
        stopThread();
        protocol.connectionLost(exc);
        onLost.run();
    }

    @Override
    public void pauseReading() {
        if (!closing) {
            paused = true;
        }
    }

    @Override
    public void resumeReading() {
        if (!paused) {
            return;
        }
        paused = false;
        if (held) {
            held = false;
            release();
        }
    }

    @Override
    public boolean isReading() {
        return !paused && !closing;
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        stopThread();
        loop.callSoon(() -> lose(null));
    }

    @Override
    public void abort() {
        close();
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public Object getExtraInfo(String name) {
        return "pipe".equals(name) ? in : null;
    }

    // ---- a read pipe does not write ----

    @Override
    public void write(byte[] data) {
        throw new UnsupportedOperationException("a read pipe transport does not write");
    }

    @Override
    public void writelines(List<byte[]> chunks) {
        throw new UnsupportedOperationException("a read pipe transport does not write");
    }

    @Override
    public void writeEof() {
        throw new UnsupportedOperationException("a read pipe transport does not write");
    }

    @Override
    public boolean canWriteEof() {
        return false;
    }

    @Override
    public int getWriteBufferSize() {
        return 0;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        throw new UnsupportedOperationException("a read pipe transport does not write");
    }

    @Override
    public int[] getWriteBufferLimits() {
        return new int[] {0, 0};
    }

    @Override
    public String toString() {
        return "<PipeReadTransport " + name + (closing ? " closing" : paused ? " paused" : "") + ">";
    }
}
