package dev.weft;

import dev.weft.internal.CoroutineFrame;

import static dev.weft.Coros.runBriefly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CPython's {@code test_asyncio/test_futures.py}: the Future contract. */
class FutureTest {
    private final EventLoop loop = EventLoop.withVirtualClock();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void test_initial_state() {
        Future<Object> f = loop.createFuture();
        assertThat(f.cancelled()).isFalse();
        assertThat(f.done()).isFalse();
        f.cancel();
        assertThat(f.cancelled()).isTrue();
    }

    @Test
    void test_future_cancel_message_getter() {
        Future<Object> f = loop.createFuture();
        f.cancel("my message");
        assertThatThrownBy(() -> loop.runUntilComplete(f))
                .isInstanceOf(CancellationException.class).hasMessage("my message");
    }

    @Test
    void test_cancel() {
        Future<Object> f = loop.createFuture();
        assertThat(f.cancel()).isTrue();
        assertThat(f.cancelled()).isTrue();
        assertThat(f.done()).isTrue();
        assertThatThrownBy(f::result).isInstanceOf(CancellationException.class);
        assertThatThrownBy(f::exception).isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> f.setResult(null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> f.setException(new RuntimeException())).isInstanceOf(IllegalStateException.class);
        assertThat(f.cancel()).isFalse();
    }

    @Test
    void test_result() {
        Future<Integer> f = loop.createFuture();
        assertThatThrownBy(f::result).isInstanceOf(IllegalStateException.class).hasMessageContaining("Result is not ready");
        f.setResult(42);
        assertThat(f.cancelled()).isFalse();
        assertThat(f.done()).isTrue();
        assertThat(f.result()).isEqualTo(42);
        assertThat(f.exception()).isNull();
        assertThatThrownBy(() -> f.setResult(null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> f.setException(new RuntimeException())).isInstanceOf(IllegalStateException.class);
        assertThat(f.cancel()).isFalse();
    }

    @Test
    void test_exception() {
        RuntimeException exc = new RuntimeException();
        Future<Object> f = loop.createFuture();
        assertThatThrownBy(f::exception).isInstanceOf(IllegalStateException.class).hasMessageContaining("Exception is not set");
        f.setException(exc);
        assertThat(f.cancelled()).isFalse();
        assertThat(f.done()).isTrue();
        assertThatThrownBy(f::result).isSameAs(exc);
        assertThat(f.exception()).isSameAs(exc);
        assertThatThrownBy(() -> f.setResult(null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> f.setException(new RuntimeException())).isInstanceOf(IllegalStateException.class);
        assertThat(f.cancel()).isFalse();
    }

    @Test
    void a_checked_exception_comes_out_of_result_unwrapped() {
        Future<Object> f = loop.createFuture();
        Exception checked = new java.io.IOException("disk");
        f.setException(checked);
        assertThatThrownBy(f::result).isSameAs(checked);
    }

    @Test
    void test_yield_from_twice() {
        Future<String> f = loop.createFuture();
        List<Object> seen = new ArrayList<>();
        Coroutine<Object> twice = Coros.coro((c, label) -> {
            switch (label) {
                case 0:
                    return c.suspendAwait(1, f);
                case 1:
                    seen.add(c.resumeValue());
                    Object r = c.tryAwait(f);
                    assertThat(r).isEqualTo("x"); // done: the fast path, no suspension
                    seen.add(r);
                    return c.returning(null);
                default:
                    throw new IllegalStateException();
            }
        });
        loop.callSoon(() -> f.setResult("x"));
        loop.runUntilComplete(twice);
        assertThat(seen).containsExactly("x", "x");
    }

    private static Consumer<Future<String>> bagAppender(List<Integer> bag, int thing) {
        return f -> bag.add(thing);
    }

    @Test
    void test_callbacks_remove_first_callback() {
        List<Integer> bag = new ArrayList<>();
        Future<String> f = loop.createFuture();
        Consumer<Future<String>> cb1 = bagAppender(bag, 42);
        Consumer<Future<String>> cb2 = bagAppender(bag, 17);
        Consumer<Future<String>> cb3 = bagAppender(bag, 100);
        f.addDoneCallback(cb1);
        f.addDoneCallback(cb2);
        f.addDoneCallback(cb3);
        f.removeDoneCallback(cb1);
        f.removeDoneCallback(cb1);
        assertThat(bag).isEmpty();
        f.setResult("foo");
        runBriefly(loop);
        assertThat(bag).containsExactly(17, 100);
        assertThat(f.result()).isEqualTo("foo");
    }

    @Test
    void test_callbacks_remove_third_callback() {
        List<Integer> bag = new ArrayList<>();
        Future<String> f = loop.createFuture();
        Consumer<Future<String>> cb1 = bagAppender(bag, 42);
        Consumer<Future<String>> cb2 = bagAppender(bag, 17);
        Consumer<Future<String>> cb3 = bagAppender(bag, 100);
        f.addDoneCallback(cb1);
        f.addDoneCallback(cb2);
        f.addDoneCallback(cb3);
        f.removeDoneCallback(cb3);
        f.removeDoneCallback(cb3);
        f.setResult("foo");
        runBriefly(loop);
        assertThat(bag).containsExactly(42, 17);
    }

    @Test
    void test_callbacks_invoked_on_set_result() {
        List<Integer> bag = new ArrayList<>();
        Future<String> f = loop.createFuture();
        f.addDoneCallback(bagAppender(bag, 42));
        f.addDoneCallback(bagAppender(bag, 17));
        assertThat(bag).isEmpty();
        f.setResult("foo");
        assertThat(bag).as("callbacks are scheduled with callSoon, not run at once").isEmpty();
        runBriefly(loop);
        assertThat(bag).containsExactly(42, 17);
        assertThat(f.result()).isEqualTo("foo");
    }

    @Test
    void test_callbacks_invoked_on_set_exception() {
        List<Integer> bag = new ArrayList<>();
        Future<String> f = loop.createFuture();
        f.addDoneCallback(bagAppender(bag, 100));
        RuntimeException exc = new RuntimeException();
        f.setException(exc);
        runBriefly(loop);
        assertThat(bag).containsExactly(100);
        assertThat(f.exception()).isSameAs(exc);
    }

    @Test
    void test_remove_done_callback() {
        List<Integer> bag = new ArrayList<>();
        Future<String> f = loop.createFuture();
        Consumer<Future<String>> cb1 = bagAppender(bag, 1);
        Consumer<Future<String>> cb2 = bagAppender(bag, 2);
        Consumer<Future<String>> cb3 = bagAppender(bag, 3);
        f.addDoneCallback(cb1);
        f.addDoneCallback(cb2);
        assertThat(f.removeDoneCallback(cb2)).isEqualTo(1);
        assertThat(f.removeDoneCallback(cb3)).isEqualTo(0);
        f.addDoneCallback(cb2);
        for (int i = 0; i < 5; i++) {
            f.addDoneCallback(cb1);
        }
        assertThat(f.removeDoneCallback(cb1)).isEqualTo(6);
        f.setResult("foo");
        runBriefly(loop);
        assertThat(bag).containsExactly(2);
    }

    @Test
    void a_callback_added_to_a_done_future_is_scheduled_at_once() {
        List<Integer> bag = new ArrayList<>();
        Future<String> f = loop.createFuture();
        f.setResult("x");
        f.addDoneCallback(bagAppender(bag, 1));
        assertThat(bag).isEmpty();
        runBriefly(loop);
        assertThat(bag).containsExactly(1);
    }

    @Test
    void test_tb_logger_exception_unretrieved() {
        List<Map<String, Object>> reported = new ArrayList<>();
        EventLoop own = EventLoop.withVirtualClock();
        own.setExceptionHandler((l, ctx) -> reported.add(ctx));
        Future<Object> f = own.createFuture();
        RuntimeException boom = new RuntimeException("boom");
        f.setException(boom);
        own.close();
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0)).containsEntry("message", "Future exception was never retrieved")
                .containsEntry("exception", boom).containsEntry("future", f);
    }

    @Test
    void test_tb_logger_exception_retrieved() {
        List<Map<String, Object>> reported = new ArrayList<>();
        EventLoop own = EventLoop.withVirtualClock();
        own.setExceptionHandler((l, ctx) -> reported.add(ctx));
        Future<Object> f = own.createFuture();
        f.setException(new RuntimeException("boom"));
        f.exception();
        Future<Object> g = own.createFuture();
        g.setException(new RuntimeException("boom"));
        assertThatThrownBy(g::result).hasMessage("boom");
        own.close();
        assertThat(reported).isEmpty();
    }

    @Test
    void test_tb_logger_not_called_after_cancel() {
        List<Map<String, Object>> reported = new ArrayList<>();
        EventLoop own = EventLoop.withVirtualClock();
        own.setExceptionHandler((l, ctx) -> reported.add(ctx));
        Future<Object> f = own.createFuture();
        f.setException(new RuntimeException("boom"));
        f.cancel();
        own.close();
        assertThat(reported).isEmpty();
    }

    @Test
    void test_wrap_future() {
        Future<String> f = loop.createFuture();
        CompletableFuture<String> cf = f.toCompletableFuture();
        assertThat(f.toCompletableFuture()).isSameAs(cf);
        f.setResult("ok");
        runBriefly(loop);
        assertThat(cf.join()).isEqualTo("ok");
    }

    @Test
    void test_wrap_future_cancel() {
        Future<String> f = loop.createFuture();
        CompletableFuture<String> cf = f.toCompletableFuture();
        f.cancel("why");
        runBriefly(loop);
        assertThat(cf.isCancelled()).isTrue();
        // JDK 19+ wraps the stored cancellation in a fresh CancellationException("join"): accept either
        assertThatThrownBy(cf::join).isInstanceOf(CancellationException.class)
                .satisfies(e -> assertThat(e.getCause() == null ? e.getMessage() : e.getCause().getMessage()).isEqualTo("why"));
    }

    @Test
    void awaiting_a_cancelled_CompletableFuture_raises_its_own_cancellation_on_every_JDK() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        cf.completeExceptionally(new CancellationException("why"));
        CoroutineFrame<Object> awaiter = new CoroutineFrame<>(frame -> null, 0, 0);
        assertThatThrownBy(() -> awaiter.tryAwait(cf)).isInstanceOf(CancellationException.class)
                .hasMessage("why").hasNoCause();
    }

    @Test
    void test_wrap_future_cancel2() {
        Future<String> f = loop.createFuture();
        CompletableFuture<String> cf = f.toCompletableFuture();
        cf.cancel(true);
        runBriefly(loop);
        assertThat(f.cancelled()).as("cancelling the CompletableFuture cancels the future on its loop").isTrue();
    }

    @Test
    void a_failed_future_completes_its_CompletableFuture_exceptionally() {
        Future<String> f = loop.createFuture();
        CompletableFuture<String> cf = f.toCompletableFuture();
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        f.setException(boom);
        runBriefly(loop);
        assertThat(cf.isCompletedExceptionally()).isTrue();
        assertThatThrownBy(cf::join).hasCause(boom);
    }
}
