package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code StreamReader} fed by hand: CPython's {@code test_streams.py} {@code StreamTests} reader cases. */
class StreamReaderTest {
    private static final byte[] DATA = b("line1\nline2\nline3\n");

    private final EventLoop loop = EventLoop.withVirtualClock();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private StreamReader stream() {
        return new StreamReader(StreamReader.DEFAULT_LIMIT, loop);
    }

    private StreamReader stream(int limit) {
        return new StreamReader(limit, loop);
    }

    private <T> T run(Awaitable<T> aw) {
        return loop.runUntilComplete(aw);
    }

    @Test
    void test_feed_empty_data() {
        StreamReader stream = stream();
        stream.feedData(new byte[0]);
        assertThat(stream.buffered()).isEmpty();
    }

    @Test
    void test_feed_nonempty_data() {
        StreamReader stream = stream();
        stream.feedData(DATA);
        assertThat(stream.buffered()).isEqualTo(DATA);
    }

    @Test
    void test_read_zero() {
        StreamReader stream = stream();
        stream.feedData(DATA);
        assertThat(run(stream.read(0))).isEmpty();
        assertThat(stream.buffered()).isEqualTo(DATA);
    }

    @Test
    void test_read() {
        StreamReader stream = stream();
        Task<byte[]> readTask = loop.createTask(stream.read(30));
        loop.callSoon(() -> stream.feedData(DATA));
        assertThat(run(readTask)).isEqualTo(DATA);
        assertThat(stream.buffered()).isEmpty();
    }

    @Test
    void test_read_line_breaks() {
        StreamReader stream = stream();
        stream.feedData(b("line1"));
        stream.feedData(b("line2"));
        assertThat(s(run(stream.read(5)))).isEqualTo("line1");
        assertThat(s(stream.buffered())).isEqualTo("line2");
    }

    @Test
    void test_read_eof() {
        StreamReader stream = stream();
        Task<byte[]> readTask = loop.createTask(stream.read(1024));
        loop.callSoon(stream::feedEof);
        assertThat(run(readTask)).isEmpty();
        assertThat(stream.buffered()).isEmpty();
    }

    @Test
    void test_read_until_eof() {
        StreamReader stream = stream();
        Task<byte[]> readTask = loop.createTask(stream.read(-1));
        loop.callSoon(() -> {
            stream.feedData(b("chunk1\n"));
            stream.feedData(b("chunk2"));
            stream.feedEof();
        });
        assertThat(s(run(readTask))).isEqualTo("chunk1\nchunk2");
        assertThat(stream.buffered()).isEmpty();
    }

    @Test
    void test_read_exception() {
        StreamReader stream = stream();
        stream.feedData(b("line\n"));
        assertThat(s(run(stream.read(2)))).isEqualTo("li");
        IllegalStateException exc = new IllegalStateException();
        stream.setException(exc);
        assertThatThrownBy(() -> run(stream.read(2))).isSameAs(exc);
    }

    @Test
    void test_invalid_limit() {
        assertThatThrownBy(() -> stream(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("imit");
        assertThatThrownBy(() -> stream(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("imit");
    }

    @Test
    void test_read_limit() {
        StreamReader stream = stream(3);
        stream.feedData(b("chunk"));
        assertThat(s(run(stream.read(5)))).isEqualTo("chunk");
        assertThat(stream.buffered()).isEmpty();
    }

    @Test
    void test_readline() {
        StreamReader stream = stream();
        stream.feedData(b("chunk1 "));
        Task<byte[]> readTask = loop.createTask(stream.readline());
        loop.callSoon(() -> {
            stream.feedData(b("chunk2 "));
            stream.feedData(b("chunk3 "));
            stream.feedData(b("\n chunk4"));
        });
        assertThat(s(run(readTask))).isEqualTo("chunk1 chunk2 chunk3 \n");
        assertThat(s(stream.buffered())).isEqualTo(" chunk4");
    }

    @Test
    void test_readline_limit_with_existing_data() {
        StreamReader stream = stream(3);
        stream.feedData(b("li"));
        stream.feedData(b("ne1\nline2\n"));
        assertThatThrownBy(() -> run(stream.readline())).isInstanceOf(LimitOverrunError.class);
        // the overflowing line was dropped, up to its separator
        assertThat(s(stream.buffered())).isEqualTo("line2\n");

        StreamReader stream2 = stream(3);
        stream2.feedData(b("li"));
        stream2.feedData(b("ne1"));
        stream2.feedData(b("li"));
        assertThatThrownBy(() -> run(stream2.readline())).isInstanceOf(LimitOverrunError.class);
        assertThat(stream2.buffered()).isEmpty();
    }

    @Test
    void test_at_eof() {
        StreamReader stream = stream();
        assertThat(stream.atEof()).isFalse();
        stream.feedData(b("some data\n"));
        assertThat(stream.atEof()).isFalse();
        run(stream.readline());
        assertThat(stream.atEof()).isFalse();
        stream.feedData(b("some data\n"));
        stream.feedEof();
        run(stream.readline());
        assertThat(stream.atEof()).isTrue();
    }

    @Test
    void test_readline_limit() {
        StreamReader stream = stream(7);
        loop.callSoon(() -> {
            stream.feedData(b("chunk1"));
            stream.feedData(b("chunk2"));
            stream.feedData(b("chunk3\n"));
            stream.feedEof();
        });
        assertThatThrownBy(() -> run(stream.readline())).isInstanceOf(LimitOverrunError.class);
        assertThat(stream.buffered()).isEmpty();

        StreamReader stream2 = stream(7);
        loop.callSoon(() -> {
            stream2.feedData(b("chunk1"));
            stream2.feedData(b("chunk2\n"));
            stream2.feedData(b("chunk3\n"));
            stream2.feedEof();
        });
        assertThatThrownBy(() -> run(stream2.readline())).isInstanceOf(LimitOverrunError.class);
        assertThat(s(stream2.buffered())).isEqualTo("chunk3\n");

        StreamReader stream3 = stream(7);
        stream3.feedData(b("1234567\n"));
        assertThat(s(run(stream3.readline()))).isEqualTo("1234567\n");
        assertThat(stream3.buffered()).isEmpty();
        stream3.feedData(b("12345678\n"));
        assertThatThrownBy(() -> run(stream3.readline())).isInstanceOf(LimitOverrunError.class);
        assertThat(stream3.buffered()).isEmpty();
        stream3.feedData(b("12345678"));
        assertThatThrownBy(() -> run(stream3.readline())).isInstanceOf(LimitOverrunError.class);
        assertThat(stream3.buffered()).isEmpty();
    }

    @Test
    void test_readline_nolimit_nowait() {
        StreamReader stream = stream();
        stream.feedData(java.util.Arrays.copyOfRange(DATA, 0, 6));
        stream.feedData(java.util.Arrays.copyOfRange(DATA, 6, DATA.length));
        assertThat(s(run(stream.readline()))).isEqualTo("line1\n");
        assertThat(s(stream.buffered())).isEqualTo("line2\nline3\n");
    }

    @Test
    void test_readline_eof() {
        StreamReader stream = stream();
        stream.feedData(b("some data"));
        stream.feedEof();
        assertThat(s(run(stream.readline()))).isEqualTo("some data");
    }

    @Test
    void test_readline_empty_eof() {
        StreamReader stream = stream();
        stream.feedEof();
        assertThat(run(stream.readline())).isEmpty();
    }

    @Test
    void test_readline_read_byte_count() {
        StreamReader stream = stream();
        stream.feedData(DATA);
        run(stream.readline());
        assertThat(s(run(stream.read(7)))).isEqualTo("line2\nl");
        assertThat(s(stream.buffered())).isEqualTo("ine3\n");
    }

    @Test
    void test_readline_exception() {
        StreamReader stream = stream();
        stream.feedData(b("line\n"));
        assertThat(s(run(stream.readline()))).isEqualTo("line\n");
        IllegalStateException exc = new IllegalStateException();
        stream.setException(exc);
        assertThatThrownBy(() -> run(stream.readline())).isSameAs(exc);
        assertThat(stream.buffered()).isEmpty();
    }

    @Test
    void test_readuntil_separator() {
        StreamReader stream = stream();
        assertThatThrownBy(() -> run(stream.readuntil(new byte[0]))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Separator should be");
    }

    @Test
    void test_readuntil_multi_chunks() {
        StreamReader stream = stream();
        stream.feedData(b("lineAAA"));
        assertThat(s(run(stream.readuntil(b("AAA"))))).isEqualTo("lineAAA");
        assertThat(stream.buffered()).isEmpty();
        stream.feedData(b("lineAAA"));
        assertThat(s(run(stream.readuntil(b("AAA"))))).isEqualTo("lineAAA");
        assertThat(stream.buffered()).isEmpty();
        stream.feedData(b("lineAAAxxx"));
        assertThat(s(run(stream.readuntil(b("AAA"))))).isEqualTo("lineAAA");
        assertThat(s(stream.buffered())).isEqualTo("xxx");
    }

    @Test
    void test_readuntil_multi_chunks_1() {
        StreamReader stream = stream();
        stream.feedData(b("QWEaa"));
        stream.feedData(b("XYaa"));
        stream.feedData(b("a"));
        assertThat(s(run(stream.readuntil(b("aaa"))))).isEqualTo("QWEaaXYaaa");
        assertThat(stream.buffered()).isEmpty();

        stream.feedData(b("QWEaa"));
        stream.feedData(b("XYa"));
        stream.feedData(b("aa"));
        assertThat(s(run(stream.readuntil(b("aaa"))))).isEqualTo("QWEaaXYaaa");
        assertThat(stream.buffered()).isEmpty();

        stream.feedData(b("aaa"));
        assertThat(s(run(stream.readuntil(b("aaa"))))).isEqualTo("aaa");
        assertThat(stream.buffered()).isEmpty();

        stream.feedData(b("Xaaa"));
        assertThat(s(run(stream.readuntil(b("aaa"))))).isEqualTo("Xaaa");
        assertThat(stream.buffered()).isEmpty();

        stream.feedData(b("XXX"));
        stream.feedData(b("a"));
        stream.feedData(b("a"));
        stream.feedData(b("a"));
        assertThat(s(run(stream.readuntil(b("aaa"))))).isEqualTo("XXXaaa");
        assertThat(stream.buffered()).isEmpty();
    }

    @Test
    void test_readuntil_eof() {
        StreamReader stream = stream();
        byte[] data = b("some dataAA");
        stream.feedData(data);
        stream.feedEof();
        assertThatThrownBy(() -> run(stream.readuntil(b("AAA")))).isInstanceOfSatisfying(IncompleteReadError.class, e -> {
            assertThat(e.partial()).isEqualTo(data);
            assertThat(e.expected()).isEqualTo(-1);
        });
        assertThat(stream.buffered()).isEmpty();
    }

    @Test
    void test_readuntil_limit_found_sep() {
        StreamReader stream = stream(3);
        stream.feedData(b("some dataAA"));
        assertThatThrownBy(() -> run(stream.readuntil(b("AAA")))).isInstanceOf(LimitOverrunError.class)
                .hasMessageContaining("not found");
        assertThat(s(stream.buffered())).isEqualTo("some dataAA");
        stream.feedData(b("A"));
        assertThatThrownBy(() -> run(stream.readuntil(b("AAA")))).isInstanceOf(LimitOverrunError.class)
                .hasMessageContaining("is found");
        assertThat(s(stream.buffered())).isEqualTo("some dataAAA");
    }

    @Test
    void test_readexactly_zero_or_less() {
        StreamReader stream = stream();
        stream.feedData(DATA);
        assertThat(run(stream.readexactly(0))).isEmpty();
        assertThat(stream.buffered()).isEqualTo(DATA);
        assertThatThrownBy(() -> run(stream.readexactly(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("less than zero");
        assertThat(stream.buffered()).isEqualTo(DATA);
    }

    @Test
    void test_readexactly() {
        StreamReader stream = stream();
        int n = 2 * DATA.length;
        Task<byte[]> readTask = loop.createTask(stream.readexactly(n));
        loop.callSoon(() -> {
            stream.feedData(DATA);
            stream.feedData(DATA);
            stream.feedData(DATA);
        });
        assertThat(s(run(readTask))).isEqualTo(s(DATA) + s(DATA));
        assertThat(stream.buffered()).isEqualTo(DATA);
    }

    @Test
    void test_readexactly_limit() {
        StreamReader stream = stream(3);
        stream.feedData(b("chunk"));
        assertThat(s(run(stream.readexactly(5)))).isEqualTo("chunk");
        assertThat(stream.buffered()).isEmpty();
    }

    @Test
    void test_readexactly_eof() {
        StreamReader stream = stream();
        int n = 2 * DATA.length;
        Task<byte[]> readTask = loop.createTask(stream.readexactly(n));
        loop.callSoon(() -> {
            stream.feedData(DATA);
            stream.feedEof();
        });
        assertThatThrownBy(() -> run(readTask)).isInstanceOfSatisfying(IncompleteReadError.class, e -> {
            assertThat(e.partial()).isEqualTo(DATA);
            assertThat(e.expected()).isEqualTo(n);
            assertThat(e.getMessage()).isEqualTo("18 bytes read on a total of 36 expected bytes");
        });
        assertThat(stream.buffered()).isEmpty();
    }

    @Test
    void test_readexactly_exception() {
        StreamReader stream = stream();
        stream.feedData(b("line\n"));
        assertThat(s(run(stream.readexactly(2)))).isEqualTo("li");
        IllegalStateException exc = new IllegalStateException();
        stream.setException(exc);
        assertThatThrownBy(() -> run(stream.readexactly(2))).isSameAs(exc);
    }

    @Test
    void test_exception() {
        StreamReader stream = stream();
        assertThat(stream.exception()).isNull();
        IllegalStateException exc = new IllegalStateException();
        stream.setException(exc);
        assertThat(stream.exception()).isSameAs(exc);
    }

    @Test
    void test_exception_waiter() {
        StreamReader stream = stream();
        Task<byte[]> t1 = loop.createTask(stream.readline());
        IllegalStateException exc = new IllegalStateException("set_err");
        loop.callSoon(() -> stream.setException(exc));
        assertThatThrownBy(() -> run(t1)).isSameAs(exc);
    }

    @Test
    void test_exception_cancel() {
        StreamReader stream = stream();
        Task<byte[]> t = loop.createTask(stream.readline());
        Coros.runBriefly(loop);
        assertThat(stream.waiting()).isTrue();
        t.cancel();
        Coros.runBriefly(loop);
        // the following fails if setException is not careful with a cancelled waiter
        stream.setException(new RuntimeException("message"));
        Coros.runBriefly(loop);
        assertThat(stream.waiting()).isFalse();
    }

    @Test
    void two_readers_at_once_is_an_error() {
        StreamReader stream = stream();
        Task<byte[]> first = loop.createTask(stream.read(1));
        Task<byte[]> second = loop.createTask(stream.read(1));
        Coros.runBriefly(loop);
        assertThat(second.done()).isTrue();
        assertThatThrownBy(second::result).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("read() called while another coroutine is already waiting for incoming data");
        stream.feedData(b("x"));
        assertThat(s(run(first))).isEqualTo("x");
    }

    @Test
    void test_streamreader_constructor_without_loop() {
        assertThatThrownBy(StreamReader::new).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a running event loop");
    }

    @Test
    void test_streamreader_constructor_use_running_loop() {
        StreamReader reader = run(Coros.coro((f, label) -> f.returning(new StreamReader())));
        reader.feedEof(); // on the running loop: its read completes there
        assertThat(run(reader.read(-1))).isEmpty();
    }

    @Test
    void test___repr__() {
        assertThat(stream()).hasToString("<StreamReader>");
    }

    @Test
    void test___repr__nondefault_limit() {
        assertThat(stream(123)).hasToString("<StreamReader limit=123>");
    }

    @Test
    void test___repr__eof() {
        StreamReader stream = stream();
        stream.feedEof();
        assertThat(stream).hasToString("<StreamReader eof>");
    }

    @Test
    void test___repr__data() {
        StreamReader stream = stream();
        stream.feedData(b("data"));
        assertThat(stream).hasToString("<StreamReader 4 bytes>");
    }

    @Test
    void test___repr__exception() {
        StreamReader stream = stream();
        stream.setException(new RuntimeException());
        assertThat(stream).hasToString("<StreamReader exception=java.lang.RuntimeException>");
    }

    @Test
    void test___repr__waiter() {
        StreamReader stream = stream();
        Task<byte[]> t = loop.createTask(stream.read(1));
        Coros.runBriefly(loop);
        assertThat(stream.toString()).matches("<StreamReader waiter=.*pending.*>");
        stream.feedData(b("x"));
        run(t);
        assertThat(stream).hasToString("<StreamReader>");
    }

    @Test
    void a_cancelled_readexactly_leaves_its_bytes_for_the_next_read() {
        StreamReader stream = stream();
        Task<byte[]> t = loop.createTask(stream.readexactly(6));
        stream.feedData(b("abc"));
        Coros.runBriefly(loop);
        t.cancel();
        Coros.runBriefly(loop);
        assertThat(t.cancelled()).isTrue();
        stream.feedData(b("def"));
        assertThat(s(run(stream.readexactly(6)))).isEqualTo("abcdef");
    }

    @Test
    void a_cancelled_readuntil_leaves_its_bytes_for_the_next_read() {
        StreamReader stream = stream();
        Task<byte[]> t = loop.createTask(stream.readuntil(b("\r\n")));
        stream.feedData(b("par"));
        Coros.runBriefly(loop);
        stream.feedData(b("tial\r"));
        Coros.runBriefly(loop);
        t.cancel();
        Coros.runBriefly(loop);
        stream.feedData(b("\n"));
        assertThat(s(run(stream.readuntil(b("\r\n"))))).isEqualTo("partial\r\n");
    }

    @Test
    void an_array_read_is_the_callers_and_later_data_leaves_it_alone() {
        StreamReader stream = stream();
        stream.feedData(b("abc"));
        byte[] first = run(stream.read(10));
        stream.feedData(b("xyz"));
        byte[] second = run(stream.read(2));
        stream.feedData(b("123"));
        assertThat(s(first)).isEqualTo("abc");
        assertThat(s(second)).isEqualTo("xy");
        assertThat(s(run(stream.read(10)))).isEqualTo("z123");
    }

    @Test
    void fed_bytes_are_copied_from_a_view_the_transport_reuses() {
        StreamReader stream = stream();
        java.nio.ByteBuffer view = java.nio.ByteBuffer.allocateDirect(16);
        view.put(b("line1\nli")).flip();
        stream.feedData(view);
        view.clear();
        view.put(b("XXXXXXXX")).flip(); // the transport's next read overwrites its buffer
        assertThat(view.hasRemaining()).isTrue();
        assertThat(s(run(stream.readline()))).isEqualTo("line1\n");
        view.clear();
        view.put(b("ne2\n")).flip();
        stream.feedData(view);
        assertThat(view.hasRemaining()).isFalse();
        assertThat(s(run(stream.readline()))).isEqualTo("line2\n");
    }
}
