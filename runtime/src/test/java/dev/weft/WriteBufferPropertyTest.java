package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A transport's write buffer against a channel that takes a few bytes at a time: whatever the
 * writes and however much each send takes, the bytes come out whole and in order, and the
 * caller's buffers may be reused as soon as they are added.
 */
class WriteBufferPropertyTest {

    /** A channel taking at most {@code take} bytes per write, gathering. */
    static final class Trickle implements GatheringByteChannel {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        int take;

        Trickle(int take) {
            this.take = take;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            long n = 0;
            for (int i = offset; i < offset + length && n < take; i++) {
                while (srcs[i].hasRemaining() && n < take) {
                    out.write(srcs[i].get());
                    n++;
                }
            }
            return n;
        }

        @Override
        public long write(ByteBuffer[] srcs) {
            return write(srcs, 0, srcs.length);
        }

        @Override
        public int write(ByteBuffer src) {
            return (int) write(new ByteBuffer[] {src}, 0, 1);
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    @Property(tries = 60)
    void bytes_come_out_whole_and_in_order(
            @ForAll @Size(max = 20) List<@Size(max = 150_000) byte[]> chunks,
            @ForAll @IntRange(min = 1, max = 300_000) int take) throws Exception {
        EventLoop loop = EventLoop.create();
        try {
            WriteBuffer buffer = new WriteBuffer(loop);
            Trickle channel = new Trickle(take);
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            long pending = 0;
            for (byte[] generated : chunks) {
                byte[] chunk = generated.clone();
                ByteBuffer src = ByteBuffer.wrap(chunk);
                buffer.add(src);
                assertThat(src.hasRemaining()).isFalse();
                sent.writeBytes(chunk);
                Arrays.fill(chunk, (byte) '!'); // the caller reuses its array
                pending += chunk.length;
                if (chunk.length % 2 == 0) {
                    pending -= buffer.writeTo(channel);
                }
            }
            while (!buffer.isEmpty()) {
                long n = buffer.writeTo(channel);
                assertThat(n).isPositive();
                pending -= n;
            }
            assertThat(pending).isZero();
            assertThat(channel.out.toByteArray()).isEqualTo(sent.toByteArray());
        } finally {
            loop.close();
        }
    }
}
