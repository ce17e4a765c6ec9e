package dev.weft;

import static dev.weft.Weft.await;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Python's {@code asyncio.StreamReader}: the bytes a connection received, read with coroutines
 * ({@code Lib/asyncio/streams.py}, line by line where Java allows). Its protocol
 * ({@link StreamReaderProtocol}) feeds it; when more than twice its limit (64 KiB by default) is
 * buffered, it pauses the transport's reading until the buffer drains to the limit.
 *
 * <pre>{@code
 * byte[] line = await(reader.readline());      // an empty array at end of stream
 * byte[] header = await(reader.readexactly(4)); // IncompleteReadError if the stream ends first
 * }</pre>
 *
 * <p>Use it on its loop's thread; one coroutine at a time may wait for data.
 */
public class StreamReader {
    /** Python's {@code _DEFAULT_LIMIT}: 64 KiB. */
    public static final int DEFAULT_LIMIT = 64 * 1024;

    private static final byte[] EMPTY = new byte[0];

    private final int limit;
    private final EventLoop loop;
    /**
     * The buffered bytes: {@code buf[head..tail)}. What arrives into an empty buffer gets an array
     * of its size, so that a read taking all of it takes the array itself (see {@link #take}).
     */
    private byte[] buf = EMPTY;
    private int head;
    private int tail;
    private boolean eof;
    private Future<Void> waiter;
    private Throwable exception;
    private Transport transport;
    private boolean paused;

    /** A reader with the default limit on the running loop: Python's {@code StreamReader()}. */
    public StreamReader() {
        this(DEFAULT_LIMIT, EventLoop.requireRunning("new StreamReader()"));
    }

    /**
     * A reader on {@code loop}: Python's {@code StreamReader(limit, loop=loop)}.
     *
     * @param limit the buffer limit, in bytes (see {@link #readuntil})
     * @param loop the loop whose futures it uses
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    public StreamReader(int limit, EventLoop loop) {
        if (limit <= 0) {
            throw new IllegalArgumentException("Limit cannot be <= 0");
        }
        if (loop == null) {
            throw new NullPointerException("loop");
        }
        this.limit = limit;
        this.loop = loop;
    }

    /**
     * The buffer limit given at construction.
     *
     * @return the limit in bytes
     */
    public int limit() {
        return limit;
    }

    /**
     * The exception set with {@link #setException}, or null.
     *
     * @return the reader's exception, or null
     */
    public Throwable exception() {
        return exception;
    }

    /**
     * Makes every read throw {@code exc} from now on, and wakes a reader waiting for data with it.
     *
     * @param exc the exception (the connection's error, say)
     */
    public void setException(Throwable exc) {
        exception = exc;
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.cancelled()) {
                w.setException(exc);
            }
        }
    }

    private void wakeupWaiter() {
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.cancelled()) {
                w.setResult(null);
            }
        }
    }

    /**
     * Sets the transport the reader pauses and resumes.
     *
     * @param transport the connection's transport
     * @throws IllegalStateException if a transport is set already
     */
    public void setTransport(Transport transport) {
        if (this.transport != null) {
            throw new IllegalStateException("Transport already set");
        }
        this.transport = transport;
    }

    private void maybeResumeTransport() {
        if (paused && size() <= limit) {
            paused = false;
            transport.resumeReading();
        }
    }

    /** The peer ended the stream: wakes a waiting reader. */
    public void feedEof() {
        eof = true;
        wakeupWaiter();
    }

    /**
     * Whether the stream ended and every byte was read.
     *
     * @return whether {@link #feedEof} was called and the buffer is empty
     */
    public boolean atEof() {
        return eof && size() == 0;
    }

    /**
     * Adds received bytes; pauses the transport when more than twice the limit is buffered.
     *
     * @param data the bytes received
     * @throws IllegalStateException after {@link #feedEof}
     */
    public void feedData(byte[] data) {
        feedData(ByteBuffer.wrap(data));
    }

    /**
     * {@link #feedData(byte[])} from a view of the transport's read buffer: its remaining bytes
     * are copied into the reader's buffer, once (asyncio's {@code BufferedProtocol} idea).
     */
    void feedData(ByteBuffer data) {
        if (eof) {
            throw new IllegalStateException("feedData after feedEof");
        }
        if (!data.hasRemaining()) {
            return;
        }
        append(data);
        wakeupWaiter();
        if (transport != null && !paused && size() > 2 * limit) {
            transport.pauseReading();
            paused = true;
        }
    }

    /** Waits until {@code feedData} or {@code feedEof} is called (Python's {@code _wait_for_data}). */
    @Async
    private Coroutine<Void> waitForData(String funcName) {
        if (waiter != null) {
            throw new IllegalStateException(funcName + "() called while another coroutine is already waiting for incoming data");
        }
        if (paused) {
            paused = false;
            transport.resumeReading();
        }
        Future<Void> w = loop.createFuture();
        waiter = w;
        try {
            await(w);
        } finally {
            waiter = null;
        }
        return Coroutine.done();
    }

    /**
     * Python's {@code readline()}: the bytes up to and including the next {@code \n}; at end of
     * stream what is left (an empty array when nothing is). A line longer than the limit is
     * dropped from the buffer (up to and including its separator, if it is there) and
     * {@link LimitOverrunError} is thrown (Python raises {@code ValueError} here; keeping the
     * type lets one catch serve both methods).
     *
     * @return a coroutine giving the line
     */
    @Async
    public Coroutine<byte[]> readline() {
        byte[] sep = {'\n'};
        try {
            return Coroutine.returning(await(readuntil(sep)));
        } catch (IncompleteReadError e) {
            return Coroutine.returning(e.partial());
        } catch (LimitOverrunError e) {
            if (startsWith(sep, e.consumed())) {
                consume(e.consumed() + sep.length);
            } else {
                consume(size());
            }
            maybeResumeTransport();
            throw new LimitOverrunError(e.getMessage(), e.consumed());
        }
    }

    /**
     * Python's {@code readuntil(separator)}: the bytes up to and including {@code separator}.
     * At end of stream without it, {@link IncompleteReadError} with what was there (the buffer
     * is emptied). When the separator is not within the limit, {@link LimitOverrunError} and the
     * bytes stay buffered.
     *
     * @param separator the separator, at least one byte
     * @return a coroutine giving the bytes up to and including the separator
     * @throws IllegalArgumentException if the separator is empty
     */
    @Async
    public Coroutine<byte[]> readuntil(byte[] separator) {
        int seplen = separator.length;
        if (seplen == 0) {
            throw new IllegalArgumentException("Separator should be at least one-byte string");
        }
        throwIfFailed();
        int offset = 0;
        int isep;
        for (;;) {
            int buflen = size();
            if (buflen - offset >= seplen) {
                isep = find(separator, offset);
                if (isep != -1) {
                    break;
                }
                offset = buflen + 1 - seplen;
                if (offset > limit) {
                    throw new LimitOverrunError("Separator is not found, and chunk exceed the limit", offset);
                }
            }
            if (eof) {
                byte[] chunk = take(size());
                throw new IncompleteReadError(chunk, -1);
            }
            await(waitForData("readuntil"));
        }
        if (isep > limit) {
            throw new LimitOverrunError("Separator is found, but chunk is longer than limit", isep);
        }
        byte[] chunk = take(isep + seplen);
        maybeResumeTransport();
        return Coroutine.returning(chunk);
    }

    /**
     * Python's {@code read(n)}: at most {@code n} bytes, as soon as any are there; an empty array
     * at end of stream. {@code n = -1} reads until end of stream.
     *
     * @param n how many bytes at most, or -1 for all until end of stream
     * @return a coroutine giving the bytes
     */
    @Async
    public Coroutine<byte[]> read(int n) {
        throwIfFailed();
        if (n == 0) {
            return Coroutine.returning(EMPTY);
        }
        if (n < 0) {
            ByteArrayOutputStream blocks = new ByteArrayOutputStream();
            for (;;) {
                byte[] block = await(read(limit));
                if (block.length == 0) {
                    break;
                }
                blocks.write(block, 0, block.length);
            }
            return Coroutine.returning(blocks.toByteArray());
        }
        if (size() == 0 && !eof) {
            await(waitForData("read"));
        }
        byte[] data = take(Math.min(n, size()));
        maybeResumeTransport();
        return Coroutine.returning(data);
    }

    /**
     * Python's {@code readexactly(n)}: exactly {@code n} bytes; {@link IncompleteReadError} (with
     * what was there) if the stream ends first.
     *
     * @param n how many bytes
     * @return a coroutine giving the bytes
     * @throws IllegalArgumentException if {@code n} is negative
     */
    @Async
    public Coroutine<byte[]> readexactly(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("readexactly size can not be less than zero");
        }
        throwIfFailed();
        if (n == 0) {
            return Coroutine.returning(EMPTY);
        }
        while (size() < n) {
            if (eof) {
                byte[] incomplete = take(size());
                throw new IncompleteReadError(incomplete, n);
            }
            await(waitForData("readexactly"));
        }
        byte[] data = take(n);
        maybeResumeTransport();
        return Coroutine.returning(data);
    }

    private void throwIfFailed() {
        Throwable e = exception;
        if (e != null) {
            throw dev.weft.internal.Unchecked.<RuntimeException>raise(e);
        }
    }

    // ---- the buffer (Python's bytearray) ----

    /** A copy of what is buffered (for tests: CPython's check {@code stream._buffer}). */
    byte[] buffered() {
        return Arrays.copyOfRange(buf, head, tail);
    }

    /** Whether a coroutine waits for data (for tests: CPython's {@code stream._waiter}). */
    boolean waiting() {
        return waiter != null;
    }

    private int size() {
        return tail - head;
    }

    private void append(ByteBuffer data) {
        int length = data.remaining();
        if (head == tail) {
            // nothing buffered: an array of exactly these bytes, which a read of all of them takes as is
            if (data.hasArray()) {
                // TLS's bytes, a caller's array: a copy the JIT does not zero first, as it would a new array
                int from = data.arrayOffset() + data.position();
                buf = Arrays.copyOfRange(data.array(), from, from + length);
                data.position(data.limit());
                head = 0;
                tail = length;
                return;
            }
            buf = new byte[length];
            head = 0;
            tail = 0;
        } else if (tail + length > buf.length) {
            int n = size();
            if (n + length > buf.length / 2) {
                buf = Arrays.copyOfRange(buf, head, head + Math.max(buf.length * 2, n + length));
            } else {
                System.arraycopy(buf, head, buf, 0, n);
            }
            head = 0;
            tail = n;
        }
        data.get(buf, tail, length);
        tail += length;
    }

    private byte[] take(int n) {
        if (head == 0 && n == buf.length) {
            // exactly the buffer: handed over, not copied (the reader keeps no reference to it)
            byte[] out = buf;
            buf = EMPTY;
            tail = 0;
            return out;
        }
        byte[] out = Arrays.copyOfRange(buf, head, head + n);
        consume(n);
        return out;
    }

    private void consume(int n) {
        head += n;
        if (head == tail) {
            head = 0;
            tail = 0;
        }
    }

    private int find(byte[] sep, int offset) {
        int last = tail - sep.length;
        outer:
        for (int i = head + offset; i <= last; i++) {
            for (int j = 0; j < sep.length; j++) {
                if (buf[i + j] != sep[j]) {
                    continue outer;
                }
            }
            return i - head;
        }
        return -1;
    }

    private boolean startsWith(byte[] sep, int offset) {
        if (size() - offset < sep.length) {
            return false;
        }
        for (int j = 0; j < sep.length; j++) {
            if (buf[head + offset + j] != sep[j]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<StreamReader");
        if (size() > 0) {
            sb.append(' ').append(size()).append(" bytes");
        }
        if (eof) {
            sb.append(" eof");
        }
        if (limit != DEFAULT_LIMIT) {
            sb.append(" limit=").append(limit);
        }
        if (waiter != null) {
            sb.append(" waiter=").append(waiter);
        }
        if (exception != null) {
            sb.append(" exception=").append(exception);
        }
        if (transport != null) {
            sb.append(" transport=").append(transport);
        }
        if (paused) {
            sb.append(" paused");
        }
        return sb.append('>').toString();
    }
}
