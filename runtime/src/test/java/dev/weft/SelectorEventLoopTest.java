package dev.weft;

import static dev.weft.Sockets.runUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The selecting loop: CPython's {@code test_selector_events.py} cases for {@code add_reader},
 * {@code add_writer} and their removal, on real sockets; waking the loop from another thread
 * while it waits in select; a loop without sockets opening no selector.
 */
class SelectorEventLoopTest {
    private final EventLoop loop = EventLoop.create();
    private final Sockets sockets = new Sockets();

    @AfterEach
    void closeAll() {
        sockets.closeAndCheck(loop);
    }

    @Test
    void test_add_reader() throws IOException {
        SocketChannel[] p = sockets.pair();
        List<String> got = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.allocate(16);
        loop.addReader(p[1], () -> {
            buf.clear();
            try {
                p[1].read(buf);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
            got.add(new String(buf.array(), 0, buf.position()));
        });
        p[0].write(ByteBuffer.wrap("ab".getBytes()));
        runUntil(loop, 5, () -> !got.isEmpty());
        assertThat(got).containsExactly("ab");
        p[0].close();
    }

    @Test
    void test_add_reader_existing_replaces_the_callback() throws IOException {
        SocketChannel[] p = sockets.pair();
        List<String> calls = new ArrayList<>();
        loop.addReader(p[1], () -> calls.add("first"));
        loop.addReader(p[1], () -> {
            calls.add("second");
            loop.removeReader(p[1]);
        });
        p[0].write(ByteBuffer.wrap(new byte[] {1}));
        runUntil(loop, 5, () -> !calls.isEmpty());
        assertThat(calls).containsExactly("second");
        p[0].close();
    }

    @Test
    void test_remove_reader() throws IOException {
        SocketChannel[] p = sockets.pair();
        assertThat(loop.removeReader(p[1])).isFalse();
        List<String> calls = new ArrayList<>();
        loop.addReader(p[1], () -> calls.add("read"));
        assertThat(loop.removeReader(p[1])).isTrue();
        assertThat(loop.removeReader(p[1])).isFalse();
        p[0].write(ByteBuffer.wrap(new byte[] {1}));
        loop.runUntilComplete(sleepFuture(0.05));
        assertThat(calls).isEmpty();
        p[0].close();
    }

    @Test
    void test_add_writer_and_remove_writer() throws IOException {
        SocketChannel[] p = sockets.pair();
        List<String> calls = new ArrayList<>();
        loop.addWriter(p[0], () -> {
            calls.add("writable");
            assertThat(loop.removeWriter(p[0])).isTrue();
        });
        runUntil(loop, 5, () -> !calls.isEmpty());
        loop.runUntilComplete(sleepFuture(0.02));
        assertThat(calls).containsExactly("writable"); // removed: called once
        assertThat(loop.removeWriter(p[0])).isFalse();
        p[1].close();
    }

    @Test
    void reader_and_writer_share_one_registration() throws IOException {
        SocketChannel[] p = sockets.pair();
        List<String> calls = new ArrayList<>();
        loop.addReader(p[0], () -> {
            calls.add("read");
            loop.removeReader(p[0]);
        });
        loop.addWriter(p[0], () -> {
            calls.add("write");
            loop.removeWriter(p[0]);
        });
        p[1].write(ByteBuffer.wrap(new byte[] {1}));
        runUntil(loop, 5, () -> calls.size() == 2);
        assertThat(calls).containsExactlyInAnyOrder("read", "write");
        p[1].close();
    }

    @Test
    void a_blocking_channel_is_refused_with_a_clear_error() throws IOException {
        SocketChannel[] p = sockets.pair();
        p[0].configureBlocking(true);
        assertThatThrownBy(() -> loop.addReader(p[0], () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("configureBlocking(false)");
        p[0].close();
        p[1].close();
    }

    @Test
    void close_closes_every_channel_still_registered() {
        SocketChannel[] p = sockets.pair();
        loop.addReader(p[0], () -> { });
        loop.addWriter(p[1], () -> { });
        loop.removeWriter(p[1]); // registered with no interest: still the loop's to close
        loop.runUntilComplete(sleepFuture(0.01));
        // closeAll checks both are closed
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // without a wake-up the loop waits forever
    void callSoonThreadsafe_wakes_a_loop_waiting_in_select() throws Exception {
        SocketChannel[] p = sockets.pair();
        loop.addReader(p[0], () -> { }); // the loop now waits in select, with nothing to read
        CountDownLatch waiting = new CountDownLatch(1);
        loop.callSoon(waiting::countDown);
        Future<String> woken = loop.createFuture();
        Thread other = new Thread(() -> {
            try {
                waiting.await();
                Thread.sleep(100); // the loop is in select by now, with no timer: it would wait forever
            } catch (InterruptedException e) {
                return;
            }
            loop.callSoonThreadsafe(() -> woken.setResult("woken"));
        });
        other.start();
        long t0 = System.nanoTime();
        assertThat(loop.runUntilComplete(woken)).isEqualTo("woken");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(5_000);
        other.join();
        p[1].close();
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // without a wake-up the loop waits forever
    void a_stage_completed_on_another_thread_wakes_a_loop_waiting_in_select() throws Exception {
        SocketChannel[] p = sockets.pair();
        loop.addReader(p[0], () -> { });
        java.util.concurrent.CompletableFuture<String> stage = new java.util.concurrent.CompletableFuture<>();
        Future<String> wrapped = loop.wrapFuture(stage);
        Thread other = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            stage.complete("done");
        });
        other.start();
        assertThat(loop.runUntilComplete(wrapped)).isEqualTo("done");
        other.join();
        p[1].close();
    }

    @Test
    void a_timer_ends_the_wait_in_select() {
        SocketChannel[] p = sockets.pair();
        loop.addReader(p[0], () -> { });
        double t0 = loop.time();
        loop.runUntilComplete(sleepFuture(0.05));
        assertThat(loop.time() - t0).isGreaterThanOrEqualTo(0.05);
        try {
            p[1].close();
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    @Test
    void a_loop_without_sockets_never_opens_a_selector() {
        EventLoop virtual = EventLoop.withVirtualClock();
        try {
            Future<String> f = virtual.createFuture();
            virtual.callLater(3600, () -> f.setResult("an hour later"));
            assertThat(virtual.runUntilComplete(f)).isEqualTo("an hour later");
            assertThat(virtual.time()).isEqualTo(3600.0);
            assertThat(virtual.hasSelector()).isFalse();
        } finally {
            virtual.close();
        }
        Future<Void> g = loop.createFuture();
        loop.callLater(0.01, () -> g.setResult(null));
        loop.runUntilComplete(g);
        assertThat(loop.hasSelector()).isFalse();
    }

    @Test
    void the_virtual_clock_still_jumps_when_the_loop_has_sockets() {
        EventLoop virtual = EventLoop.withVirtualClock();
        Sockets own = new Sockets();
        SocketChannel[] p = own.pair();
        virtual.addReader(p[0], () -> { });
        virtual.addReader(p[1], () -> { });
        Future<String> f = virtual.createFuture();
        virtual.callLater(3600, () -> f.setResult("an hour later"));
        long t0 = System.nanoTime();
        assertThat(virtual.runUntilComplete(f)).isEqualTo("an hour later");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(5);
        assertThat(virtual.hasSelector()).isTrue();
        own.closeAndCheck(virtual);
    }

    private Future<Void> sleepFuture(double seconds) {
        Future<Void> f = loop.createFuture();
        loop.callLater(seconds, () -> f.setResult(null));
        return f;
    }
}
