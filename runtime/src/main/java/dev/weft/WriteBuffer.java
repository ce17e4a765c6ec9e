package dev.weft;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;

/**
 * The bytes a socket transport has yet to send (Python's {@code _buffer}): a queue of segments,
 * each holding its unsent bytes between position and limit, sent with one gathering write.
 * What is added is copied once, into the free end of the last segment and then into segments
 * from the loop's pool ({@link EventLoop#writeSegment}), direct ones, which the socket takes
 * without another copy; a segment sent is given back to the pool.
 */
final class WriteBuffer {
    /** Bytes offered to one gathering write, about a socket's send buffer at most. */
    private static final int MAX_GATHER = 256 * 1024;

    private final EventLoop loop;
    private ByteBuffer[] segments = new ByteBuffer[4];
    private int count;

    WriteBuffer(EventLoop loop) {
        this.loop = loop;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Copies {@code src}'s remaining bytes in (and consumes them): the caller may reuse {@code src}. */
    void add(ByteBuffer src) {
        if (count > 0) {
            fill(segments[count - 1], src);
        }
        while (src.hasRemaining()) {
            ByteBuffer segment = loop.writeSegment(src.remaining());
            segment.limit(0);
            fill(segment, src);
            if (count == segments.length) {
                segments = java.util.Arrays.copyOf(segments, count * 2);
            }
            segments[count++] = segment;
        }
    }

    /** Appends what fits of {@code src} after {@code segment}'s limit. */
    private static void fill(ByteBuffer segment, ByteBuffer src) {
        int start = segment.position();
        int end = segment.limit();
        int n = Math.min(segment.capacity() - end, src.remaining());
        if (n == 0) {
            return;
        }
        int srcLimit = src.limit();
        src.limit(src.position() + n);
        segment.limit(end + n);
        segment.position(end);
        segment.put(src);
        src.limit(srcLimit);
        segment.position(start);
    }

    /**
     * Sends what the channel takes, in one gathering write; the segments sent go back to the pool.
     *
     * @return the bytes written
     */
    long writeTo(GatheringByteChannel channel) throws IOException {
        if (count == 0) {
            return 0;
        }
        // at most what a socket takes at once: the JDK copies each heap segment given, sent or not
        int gathered = 1;
        for (long bytes = segments[0].remaining(); gathered < count && bytes < MAX_GATHER; gathered++) {
            bytes += segments[gathered].remaining();
        }
        long n = channel.write(segments, 0, gathered);
        int sent = 0;
        while (sent < count && !segments[sent].hasRemaining()) {
            loop.releaseWriteSegment(segments[sent]);
            sent++;
        }
        if (sent > 0) {
            System.arraycopy(segments, sent, segments, 0, count - sent);
            java.util.Arrays.fill(segments, count - sent, count, null);
            count -= sent;
        }
        return n;
    }

    /** Drops what waits (the connection is lost). */
    void clear() {
        for (int i = 0; i < count; i++) {
            loop.releaseWriteSegment(segments[i]);
            segments[i] = null;
        }
        count = 0;
    }
}
