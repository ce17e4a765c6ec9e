package dev.weft.transform.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.transform.property.Ast.Catch;
import dev.weft.transform.property.Ast.Lit;
import dev.weft.transform.property.Ast.Op;
import dev.weft.transform.property.Ast.Program;
import dev.weft.transform.property.Ast.Return;
import dev.weft.transform.property.Ast.Stmt;
import dev.weft.transform.property.Ast.Throw;
import dev.weft.transform.property.Ast.Try;
import dev.weft.transform.property.Ast.Yield;
import dev.weft.transform.property.Ast.YieldAssign;
import dev.weft.transform.property.Ast.YieldFromList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The coroutine property's reference and driver are an oracle, so they are tested on their own
 * against what Python 3.11's asyncio does with the same coroutine and the same calls.
 */
class ThreadCoroutineTest {
    @AfterEach
    void endThreads() {
        ThreadCoroutine.abandonAll();
    }

    @Test
    void aCaughtCancellationLetsTheBodyGoOn() {
        ThreadCoroutine c = new ThreadCoroutine(self -> {
            try {
                self.suspend("a");
            } catch (CancellationException e) {
                return "caught, then " + self.suspend("b");
            }
            return "not cancelled";
        });
        assertThat(c.start().value).isEqualTo("a");
        assertThat(c.resume(null, new CancellationException()).value).isEqualTo("b");
        ThreadCoroutine.Step end = c.resume(7, null);
        assertThat(end.kind).isEqualTo(ThreadCoroutine.Step.RETURNED);
        assertThat(end.value).isEqualTo("caught, then 7");
    }

    @Test
    void aFailedFutureRaisesAtTheAwait() {
        ThreadCoroutine c = new ThreadCoroutine(self -> self.suspend(1));
        c.start();
        ThreadCoroutine.Step end = c.resume(null, new Boom(4));
        assertThat(end.kind).isEqualTo(ThreadCoroutine.Step.RAISED);
        assertThat(((Boom) end.value).v).isEqualTo(4);
    }

    /**
     * Python 3.11 ({@code python3}, the same steps): a task cancelled twice at an await gets one
     * cancellation; catching it, it goes on; cancelled again and returning from the handler, it
     * ends with that result, not cancelled. Both forms give asyncio's answers.
     */
    @Test
    void theDriverGivesAsyncioAnswersForBothForms() {
        List<Stmt> body = List.of(
                new Try(List.of(new Yield(0, new Lit(1))), List.of(new Catch(2, List.of())), null),
                new YieldAssign(0, 0, new Lit(2)),
                new Try(List.of(new Yield(0, new Lit(3))), List.of(new Catch(2, List.of(new Return(new Lit(5))))), null));
        Program p = new Program(body, List.of(), 0, 0, List.of(new Op(4, 0), new Op(1, 3), new Op(3, 0), new Op(0, 0)));
        Runner.Outcome o = Runner.run(CoroutineRunner.COROUTINES, List.of(p), 17).get(0);
        List<String> python = List.of(
                "created []",
                "start -> awaits Integer:1 []",
                "hasNext() -> awaits Integer:2 [mc0:exit]",
                "send(3) -> awaits Integer:3 []",
                "close() -> returned Integer:5 [mc1:exit]",
                "next() -> done []");
        assertThat(o.reference).isEqualTo(python);
        assertThat(o.weft).isEqualTo(python);
    }

    /** Awaits of done and failed futures do not stop the task; an uncaught cancellation makes it cancelled. */
    @Test
    void awaitsThatDoNotSuspendAndAnUncaughtCancellation() {
        List<Stmt> body = List.of(
                new YieldFromList(List.of(new Lit(6))), // await of a done CompletableFuture: s0 becomes "s6"
                new Yield(3, new Lit(0)), // awaits s0
                new Try(List.of(new YieldFromList(List.of(new Lit(8), new Lit(0), new Lit(0)))), // a failed Weft future
                        List.of(new Catch(0, List.of(new Yield(0, new Lit(9))))), null),
                new Throw(new Lit(1)));
        Program p = new Program(body, List.of(), 0, 0, List.of(new Op(0, 0), new Op(3, 0)));
        Runner.Outcome o = Runner.run(CoroutineRunner.COROUTINES, List.of(p), 11).get(0);
        List<String> python = List.of(
                "created []",
                "start -> awaits String:s6 []",
                "next() -> awaits Integer:9 [mc0:8]",
                "close() -> cancelled []");
        assertThat(o.reference).isEqualTo(python);
        assertThat(o.weft).isEqualTo(python);
    }
}
