package dev.weft;

import static dev.weft.Weft.await;
import static dev.weft.Weft.run;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.timeout;
import static dev.weft.Weft.withTaskGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Lambdas whose interface returns a coroutine, an awaitable or a stage may await (rewritten by this module's plugin). */
class AsyncLambdaTest {
    interface Handler<E> {
        Coroutine<String> handle(E event);
    }

    @Async
    static Coroutine<String> fetch(String what) {
        await(sleep(0.01));
        return Coroutine.returning("page " + what);
    }

    @Test
    void aTaskGroupBodyWrittenAsALambdaAwaits() {
        List<String> done = new ArrayList<>();
        String b = run(withTaskGroup(tg -> {
            tg.createTask(fetch("a")).addDoneCallback(t -> done.add(t.result()));
            String page = await(fetch("b"));
            done.add(page);
            return Coroutine.returning(page);
        }));
        assertThat(b).isEqualTo("page b");
        assertThat(done).containsExactlyInAnyOrder("page a", "page b");
    }

    @Test
    void aTimeoutBodyWrittenAsALambdaAwaitsAndIsCutShort() {
        String inTime = run(timeout(5, t -> {
            await(sleep(0));
            return Coroutine.returning("in time");
        }));
        assertThat(inTime).isEqualTo("in time");
        List<String> reached = new ArrayList<>();
        assertThatThrownBy(() -> run(timeout(0.01, t -> {
            reached.add("before");
            await(sleep(10));
            reached.add("after");
            return Coroutine.done();
        }))).isInstanceOf(TimeoutException.class);
        assertThat(reached).containsExactly("before");
    }

    @Async
    static Coroutine<List<String>> dispatch(List<String> events, Handler<String> handler) {
        List<String> out = new ArrayList<>();
        for (String e : events) {
            out.add(await(handler.handle(e)));
        }
        return Coroutine.returning(out);
    }

    @Test
    void aCallbackLambdaAwaitsWithItsCapturedValues() {
        String prefix = "got ";
        List<String> out = run(dispatch(List.of("x", "y"), e -> {
            String page = await(fetch(e));
            await(sleep(0));
            return Coroutine.returning(prefix + page);
        }));
        assertThat(out).containsExactly("got page x", "got page y");
    }

    @Test
    void aMethodReferenceToAnAsyncMethodStillWorks() {
        Function<String, Coroutine<String>> f = AsyncLambdaTest::fetch;
        assertThat(run(dispatch(List.of("r"), f::apply))).containsExactly("page r");
    }

    @Test
    void anAnonymousClassImplementingAGenericInterfaceIsRewrittenDespiteItsBridge() {
        Handler<Integer> twice = new Handler<Integer>() {
            @Async
            @Override
            public Coroutine<String> handle(Integer n) {
                return Coroutine.returning(await(fetch("" + n)) + await(fetch("" + n)));
            }
        };
        assertThat(run(twice.handle(7))).isEqualTo("page 7page 7");
    }

    @Test
    void anAsyncLambdaIsLazyAndRaisesThroughAwait() {
        List<String> ran = new ArrayList<>();
        Handler<String> failing = e -> {
            ran.add(e);
            await(sleep(0));
            throw new IllegalArgumentException(e);
        };
        Coroutine<String> coro = failing.handle("bad");
        assertThat(ran).isEmpty();
        assertThatThrownBy(() -> run(coro)).isInstanceOf(IllegalArgumentException.class).hasMessage("bad");
        assertThat(ran).containsExactly("bad");
    }
}
