package dev.weft;

import static dev.weft.Weft.await;
import static dev.weft.Weft.getRunningLoop;
import static dev.weft.Weft.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@code await(x, SomeChecked.class)}: a {@code catch} of the checked exception compiles around
 * the await and catches what {@code x} failed with, as Python's {@code except} does.
 */
class CheckedAwaitTest {

    @Async
    static Coroutine<String> fetch(boolean later) {
        Future<String> f = getRunningLoop().createFuture();
        IOException refused = new ConnectException("Connection refused");
        if (later) {
            getRunningLoop().callSoon(() -> f.setException(refused));
        } else {
            f.setException(refused);
        }
        try {
            return Coroutine.returning("got " + await(f, IOException.class));
        } catch (IOException e) { // except OSError:
            return Coroutine.returning("caught " + e.getMessage());
        }
    }

    @Async
    static Coroutine<String> fetchStage(CompletableFuture<String> stage) {
        try {
            return Coroutine.returning("got " + await(stage, ConnectException.class));
        } catch (ConnectException e) { // except ConnectionRefusedError:
            return Coroutine.returning("caught " + e.getMessage());
        }
    }

    @Test
    void aCheckedExceptionOfAFailedFutureIsCaughtAtTheAwait() {
        assertThat(run(fetch(false))).isEqualTo("caught Connection refused");
        assertThat(run(fetch(true))).isEqualTo("caught Connection refused");
    }

    @Test
    void aCheckedExceptionOfAFailedStageIsCaughtAtTheAwaitAndAValuePassesThrough() {
        CompletableFuture<String> failed = new CompletableFuture<>();
        failed.completeExceptionally(new ConnectException("no route"));
        assertThat(run(fetchStage(failed))).isEqualTo("caught no route");
        CompletableFuture<String> later = new CompletableFuture<>();
        new Thread(() -> later.completeExceptionally(new ConnectException("later"))).start();
        assertThat(run(fetchStage(later))).isEqualTo("caught later");
        assertThat(run(fetchStage(CompletableFuture.completedFuture("page")))).isEqualTo("got page");
    }
}
