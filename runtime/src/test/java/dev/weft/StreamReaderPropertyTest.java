package dev.weft;

import static dev.weft.Sockets.HOST;
import static dev.weft.Weft.await;
import static dev.weft.Weft.openConnection;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.startServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random messages, each framed for {@code readline}, {@code readexactly} or {@code readuntil},
 * sent in random chunkings: every read gives back exactly the message sent, in order, and the
 * stream ends with nothing left. Once fed by hand (every chunk boundary, the reader waiting or
 * not), once through a real connection on 127.0.0.1.
 */
class StreamReaderPropertyTest {
    static final byte[] SEPARATOR = {'\r', '\n'};

    /** One message and how it is framed and read. */
    static final class Frame {
        static final int LINE = 0;
        static final int EXACT = 1;
        static final int UNTIL = 2;

        final int kind;
        final byte[] content;

        Frame(int kind, byte[] content) {
            this.kind = kind;
            this.content = content;
        }

        /** The bytes on the wire: the line with its {@code \n}, the bytes as they are, or with the separator. */
        byte[] wire() {
            if (kind == EXACT) {
                return content;
            }
            byte[] sep = kind == LINE ? new byte[] {'\n'} : SEPARATOR;
            byte[] w = Arrays.copyOf(content, content.length + sep.length);
            System.arraycopy(sep, 0, w, content.length, sep.length);
            return w;
        }

        @Override
        public String toString() {
            return new String[] {"line", "exact", "until"}[kind] + Arrays.toString(content);
        }
    }

    @Provide
    Arbitrary<List<Frame>> frames() {
        return Combinators.combine(Arbitraries.integers().between(0, 2),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(300))
                .as((kind, bytes) -> new Frame(kind, kind == Frame.EXACT ? bytes : withoutSeparators(bytes)))
                .list().ofMaxSize(25);
    }

    /** A line has no {@code \n} inside; an until-message no {@code \r} nor {@code \n} (so no separator). */
    private static byte[] withoutSeparators(byte[] bytes) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == '\n' || out[i] == '\r') {
                out[i] = 'x';
            }
        }
        return out;
    }

    static byte[] wire(List<Frame> frames) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Frame f : frames) {
            all.writeBytes(f.wire());
        }
        return all.toByteArray();
    }

    /** The chunks: {@code wire} cut after each size in turn (cycled). */
    static List<byte[]> chunk(byte[] wire, List<Integer> sizes) {
        List<byte[]> chunks = new ArrayList<>();
        for (int at = 0, i = 0; at < wire.length; i++) {
            int n = Math.min(sizes.get(i % sizes.size()), wire.length - at);
            chunks.add(Arrays.copyOfRange(wire, at, at + n));
            at += n;
        }
        return chunks;
    }

    /** Reads each frame as it was framed; then what is left until end of stream. */
    @Async
    static Coroutine<List<byte[]>> readAll(StreamReader reader, List<Frame> frames) {
        List<byte[]> got = new ArrayList<>();
        for (Frame f : frames) {
            byte[] read;
            if (f.kind == Frame.LINE) {
                read = await(reader.readline());
                read = Arrays.copyOf(read, read.length - 1);
            } else if (f.kind == Frame.EXACT) {
                read = await(reader.readexactly(f.content.length));
            } else {
                read = await(reader.readuntil(SEPARATOR));
                read = Arrays.copyOf(read, read.length - SEPARATOR.length);
            }
            got.add(read);
        }
        got.add(await(reader.read(-1)));
        return Coroutine.returning(got);
    }

    private static List<byte[]> expected(List<Frame> frames) {
        List<byte[]> want = new ArrayList<>();
        for (Frame f : frames) {
            want.add(f.content);
        }
        want.add(new byte[0]);
        return want;
    }

    @Property(tries = 300)
    void reads_give_back_the_messages_fed_in_any_chunking(@ForAll("frames") List<Frame> frames,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 700) Integer> sizes) {
        EventLoop loop = EventLoop.withVirtualClock();
        try {
            StreamReader reader = new StreamReader(400, loop); // above the longest frame
            Task<List<byte[]>> read = loop.createTask(readAll(reader, frames));
            for (byte[] chunk : chunk(wire(frames), sizes)) {
                Coros.runBriefly(loop); // the reader may be waiting, or not
                reader.feedData(chunk);
            }
            reader.feedEof();
            assertThat(loop.runUntilComplete(read)).containsExactlyElementsOf(expected(frames));
            assertThat(reader.atEof()).isTrue();
        } finally {
            loop.close();
        }
    }

    /** Collects what the handler read, then closes. */
    static final class Collect {
        final List<Frame> frames;
        final Future<List<byte[]>> got;

        Collect(List<Frame> frames, EventLoop loop) {
            this.frames = frames;
            this.got = loop.createFuture();
        }

        @Async
        Coroutine<Void> handle(StreamReader reader, StreamWriter writer) {
            try {
                got.setResult(await(readAll(reader, frames)));
            } finally {
                writer.close();
            }
            return Coroutine.done();
        }
    }

    @Async
    static Coroutine<List<byte[]>> sendThrough(List<Frame> frames, List<byte[]> chunks) {
        Collect collect = new Collect(frames, EventLoop.getRunningLoop());
        Server server = await(startServer(collect::handle, HOST, 0));
        Connection c = await(openConnection(HOST, server.sockets().get(0).getPort()));
        for (byte[] chunk : chunks) {
            c.writer().write(chunk);
            await(c.writer().drain());
            await(sleep(0));
        }
        c.writer().writeEof();
        List<byte[]> got = await(collect.got);
        await(c.reader().read(-1));
        c.writer().close();
        server.close();
        await(server.waitClosed());
        return Coroutine.returning(got);
    }

    @Property(tries = 30)
    void reads_give_back_the_messages_sent_over_a_connection(@ForAll("frames") List<Frame> frames,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 700) Integer> sizes) {
        EventLoop loop = EventLoop.create();
        try {
            List<byte[]> got = loop.runUntilComplete(sendThrough(frames, chunk(wire(frames), sizes)));
            assertThat(got).containsExactlyElementsOf(expected(frames));
        } finally {
            loop.close();
        }
    }
}
