package dev.weft.transform.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Generator;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.transform.testing.Harness;
import dev.weft.transform.testing.Woven;
import dev.weft.transform.verify.Drive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Counter-examples the property found, shrunk, as plain tests. Each states the program, the
 * consumer's calls, and what Python (and the thread-backed reference) does.
 */
class RegressionTest {
    static final String PRELUDE = "package reg;\nimport dev.weft.*;\nimport dev.weft.transform.property.*;\nimport java.util.*;\n";

    /** Compiles {@code members} into class {@code reg.<name>} (release 11), rewritten and verified. */
    static Woven build(String name, String members) {
        return Harness.build(11, PRELUDE + "public class " + name + " {\n" + members + "\n}\n");
    }

    @SuppressWarnings("unchecked")
    static Generator<Object, Object, Object> gen(Woven w, String cls, Object... args) {
        return (Generator<Object, Object, Object>) w.call("reg." + cls, "gen", args);
    }

    /**
     * close() raises GeneratorExit at yield 0; the finally block then yields through
     * {@code yieldFrom(list)}: Python's close() raises RuntimeError("generator ignored
     * GeneratorExit") and the generator stays suspended. Found by the property (--release 8).
     */
    @Test
    void yieldFromIterableInFinallyDuringCloseIsIgnoredGeneratorExit() {
        Woven w = build("CloseThroughIterable",
                "@Async static Generator<Object, Object, Object> gen(List<String> t) {\n"
                        + "    try {\n"
                        + "        Generator.yield(0);\n"
                        + "    } finally {\n"
                        + "        t.add(\"finally\");\n"
                        + "        Generator.yieldFrom(Arrays.asList(1, 7));\n"
                        + "    }\n"
                        + "    return Generator.done();\n"
                        + "}");
        List<String> trace = new ArrayList<>();
        Generator<Object, Object, Object> g = gen(w, "CloseThroughIterable", trace);
        assertThat(Drive.script(g, "next", "close")).isEqualTo("0 !IllegalStateException");
        assertThat(trace).containsExactly("finally");
        assertThat(g.state()).isEqualTo(Generator.State.SUSPENDED);
    }

    /**
     * close() raises GeneratorExit at yield 0; the finally block yields 7 (ignored GeneratorExit,
     * 7 dropped), and the next next() resumes that yield with None: the outer yield gives None,
     * not the 7 left behind. Found by the property (--release 17) once next() took its fast path.
     */
    @Test
    void nextAfterAnIgnoredGeneratorExitSendsNone() {
        Woven w = build("NextAfterIgnoredExit",
                "@Async static Generator<Object, Object, Object> gen(List<String> t) {\n"
                        + "    try {\n"
                        + "        Generator.yield(0);\n"
                        + "    } finally {\n"
                        + "        t.add(\"finally\");\n"
                        + "        Generator.yield(Generator.yield(7));\n"
                        + "    }\n"
                        + "    return Generator.done();\n"
                        + "}");
        List<String> trace = new ArrayList<>();
        Generator<Object, Object, Object> g = gen(w, "NextAfterIgnoredExit", trace);
        assertThat(g.hasNext()).isTrue();
        assertThat(Drive.script(g, "next", "close", "next")).isEqualTo("0 !IllegalStateException null");
        assertThat(trace).containsExactly("finally");
    }

    /** The same with a Weft subgenerator in the finally block. */
    @Test
    void yieldFromGeneratorInFinallyDuringCloseIsIgnoredGeneratorExit() {
        Woven w = build("CloseThroughSub",
                "@Async static Generator<Object, Object, Object> sub() {\n"
                        + "    Generator.yield(1);\n"
                        + "    return Generator.done();\n"
                        + "}\n"
                        + "@Async static Generator<Object, Object, Object> gen(List<String> t) {\n"
                        + "    try {\n"
                        + "        Generator.yield(0);\n"
                        + "    } finally {\n"
                        + "        t.add(\"finally\");\n"
                        + "        Generator.yieldFrom(sub());\n"
                        + "    }\n"
                        + "    return Generator.done();\n"
                        + "}");
        List<String> trace = new ArrayList<>();
        Generator<Object, Object, Object> g = gen(w, "CloseThroughSub", trace);
        assertThat(Drive.script(g, "next", "close")).isEqualTo("0 !IllegalStateException");
        assertThat(trace).containsExactly("finally");
        assertThat(g.state()).isEqualTo(Generator.State.SUSPENDED);
    }

    /**
     * {@code return Generator.returning(1)} inside a try whose finally block yields: the finally
     * runs (yielding 2), then the generator finishes with return value 1, as in Python. Found by
     * the property (--release 11, with try-with-resources around the return).
     */
    @Test
    void returnValueSurvivesAYieldInFinally() {
        Woven w = build("ReturnThroughFinally",
                "@Async static Generator<Object, Object, Object> gen() {\n"
                        + "    try {\n"
                        + "        return Generator.returning(1);\n"
                        + "    } finally {\n"
                        + "        Generator.yield(2);\n"
                        + "    }\n"
                        + "}");
        Generator<Object, Object, Object> g = gen(w, "ReturnThroughFinally");
        assertThat(Drive.script(g, "next", "next")).isEqualTo("2 !StopIteration");
        assertThat(g.returnValue()).isEqualTo(1);
    }

    /** The same with a {@code yieldFrom} of an empty list in the finally block: nothing is yielded. Found by the property (--release 8). */
    @Test
    void returnValueSurvivesAnEmptyYieldFromInFinally() {
        Woven w = build("ReturnThroughEmptyYieldFrom",
                "@Async static Generator<Object, Object, Object> gen() {\n"
                        + "    try {\n"
                        + "        return Generator.returning(1);\n"
                        + "    } finally {\n"
                        + "        Generator.yieldFrom(new ArrayList<Object>());\n"
                        + "    }\n"
                        + "}");
        Generator<Object, Object, Object> g = gen(w, "ReturnThroughEmptyYieldFrom");
        assertThat(Drive.script(g, "next")).isEqualTo("!StopIteration");
        assertThat(g.returnValue()).isEqualTo(1);
    }

    /**
     * close() reaches the subgenerator, whose finally block yields: "ignored GeneratorExit" is
     * raised in the delegating generator at its yieldFrom; it catches that and yields 3, so it
     * ignored GeneratorExit too, and close() must say so (Python: RuntimeError from close()).
     * Found by the property (--release 8 and 11), after the fix of the two tests above.
     */
    @Test
    void aDelegatorThatCatchesTheSubgeneratorsIgnoredExitAndYieldsIgnoresItToo() {
        Woven w = build("IgnoredExitCaughtByDelegator",
                "@Async static Generator<Object, Object, Object> sub() {\n"
                        + "    try {\n"
                        + "        Generator.yield(1);\n"
                        + "    } finally {\n"
                        + "        Generator.yield(2);\n"
                        + "    }\n"
                        + "    return Generator.done();\n"
                        + "}\n"
                        + "@Async static Generator<Object, Object, Object> gen(List<String> t) {\n"
                        + "    try {\n"
                        + "        Generator.yieldFrom(sub());\n"
                        + "    } catch (IllegalStateException e) {\n"
                        + "        t.add(\"caught\");\n"
                        + "        Generator.yield(3);\n"
                        + "    }\n"
                        + "    return Generator.done();\n"
                        + "}");
        List<String> trace = new ArrayList<>();
        Generator<Object, Object, Object> g = gen(w, "IgnoredExitCaughtByDelegator", trace);
        assertThat(Drive.script(g, "next", "close")).isEqualTo("1 !IllegalStateException");
        assertThat(trace).containsExactly("caught");
        assertThat(g.state()).isEqualTo(Generator.State.SUSPENDED);
        assertThat(Drive.script(g, "next")).isEqualTo("!StopIteration");

        List<String> refTrace = new ArrayList<>();
        ThreadGen.track();
        try {
            ThreadGen r = new ThreadGen(b -> {
                try {
                    b.yieldFrom(new ThreadGen(s -> {
                        try {
                            s.yield(1);
                        } finally {
                            s.yield(2);
                        }
                        return null;
                    }));
                } catch (IllegalStateException e) {
                    refTrace.add("caught");
                    b.yield(3);
                }
                return null;
            });
            assertThat(Drive.script(r, "next", "close", "next")).isEqualTo("1 !IllegalStateException !StopIteration");
            assertThat(refTrace).containsExactly("caught");
        } finally {
            ThreadGen.abandonAll();
        }
    }

    /**
     * close() through a chain gen -> middle -> inner: inner catches GeneratorExit and yields, so
     * "ignored GeneratorExit" is raised in middle at its yieldFrom; middle catches it and returns.
     * middle finished, so gen re-raises its GeneratorExit (PEP 380: {@code _i.close(); raise _e})
     * and is closed, quietly: gen does not go on with middle's return value. Found by the
     * property (--release 8).
     */
    @Test
    void aMiddleDelegatorThatCatchesTheIgnoredExitAndReturnsLetsTheCloseFinish() {
        Woven w = build("IgnoredExitCaughtInTheMiddle",
                "@Async static Generator<Object, Object, Object> inner(List<String> t) {\n"
                        + "    try {\n"
                        + "        Generator.yield(1);\n"
                        + "    } catch (GeneratorExit e) {\n"
                        + "        t.add(\"inner exit\");\n"
                        + "    }\n"
                        + "    Generator.yield(2);\n"
                        + "    return Generator.done();\n"
                        + "}\n"
                        + "@Async static Generator<Object, Object, Object> middle(List<String> t) {\n"
                        + "    try {\n"
                        + "        Generator.yieldFrom(inner(t));\n"
                        + "    } catch (IllegalStateException e) {\n"
                        + "        t.add(\"middle caught\");\n"
                        + "    }\n"
                        + "    return Generator.done();\n"
                        + "}\n"
                        + "@Async static Generator<Object, Object, Object> gen(List<String> t) {\n"
                        + "    Generator.yieldFrom(middle(t));\n"
                        + "    t.add(\"gen goes on\");\n"
                        + "    return Generator.done();\n"
                        + "}");
        List<String> trace = new ArrayList<>();
        Generator<Object, Object, Object> g = gen(w, "IgnoredExitCaughtInTheMiddle", trace);
        assertThat(Drive.script(g, "next", "close")).isEqualTo("1 closed");
        assertThat(trace).containsExactly("inner exit", "middle caught");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    /** The same, two deep: gen catches the ignored exit of inner and returns. */
    @Test
    void aDelegatorThatCatchesTheIgnoredExitAndReturnsIsClosed() {
        Woven w = build("IgnoredExitCaughtAndReturned",
                "@Async static Generator<Object, Object, Object> inner(List<String> t) {\n"
                        + "    try {\n"
                        + "        Generator.yield(1);\n"
                        + "    } catch (GeneratorExit e) {\n"
                        + "        t.add(\"inner exit\");\n"
                        + "    }\n"
                        + "    Generator.yield(2);\n"
                        + "    return Generator.done();\n"
                        + "}\n"
                        + "@Async static Generator<Object, Object, Object> gen(List<String> t) {\n"
                        + "    try {\n"
                        + "        Generator.yieldFrom(inner(t));\n"
                        + "    } catch (IllegalStateException e) {\n"
                        + "        t.add(\"gen caught\");\n"
                        + "    }\n"
                        + "    return Generator.done();\n"
                        + "}");
        List<String> trace = new ArrayList<>();
        Generator<Object, Object, Object> g = gen(w, "IgnoredExitCaughtAndReturned", trace);
        assertThat(Drive.script(g, "next", "close")).isEqualTo("1 closed");
        assertThat(trace).containsExactly("inner exit", "gen caught");
        assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
    }

    /**
     * A 75-line generator with finally blocks nested in catch and finally blocks: the rewrite
     * refuses it ("Too many allocated bytes", as {@link #aLongMethodWithNestedFinallyBlocksIsRewritten}).
     * Found by the property (--release 17, shrunk); the reference yields 1.
     */
    @Test
    void nestedFinallyBlocksInCatchAndFinallyAreRewritten() throws IOException {
        Woven w = Harness.build(17, regression("NestedFinallies"));
        List<String> trace = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Generator<Object, Object, Object> g = (Generator<Object, Object, Object>) w.call("reg.NestedFinallies", "main", trace, 0, 0);
        assertThat(g.next()).isEqualTo(1);
        assertThat(trace).isEmpty();
    }

    /**
     * A generator whose rewritten body no longer fits the JVM's 64 KB method limit, though the
     * method javac compiled does ("Method too large" from the rewrite). Found by the property
     * (--release 11); the reference's first three values are -5, 1 (after send(6)), 6.
     */
    @Test
    void aLargeMethodStaysUnderTheMethodSizeLimitOnceRewritten() throws IOException {
        Woven w = Harness.build(11, regression("HugeBody"));
        List<String> trace = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Generator<Object, Object, Object> g = (Generator<Object, Object, Object>) w.call("reg.HugeBody", "main", trace, -3, -1);
        assertThat(Drive.script(g, "next", 6, "next", "next")).isEqualTo("-5 1 6 1");
        assertThat(trace).containsExactly("mf0");
    }

    /**
     * A try-with-resources in a loop, inside a catch whose finally block yields: the resource's
     * {@code new} was taken for an object kept unfinished across the finally block's markers (a
     * constructed object still counted as its {@code new}'s in the frames after), and the rewrite
     * refused the method ("the unfinished object is mixed with other values"). Found by the
     * property (--release 11, shrunk); the reference yields 0.5.
     */
    @Test
    void aResourceMadeInALoopIsNotTakenForAnUnfinishedObject() throws IOException {
        Woven w = Harness.build(11, regression("TryWithResourcesInALoop"));
        List<String> trace = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Generator<Object, Object, Object> g = (Generator<Object, Object, Object>) w.call("reg.TryWithResourcesInALoop", "main", trace, 0, 5);
        assertThat(g.next()).isEqualTo(0.5);
        assertThat(trace).isEmpty();
    }

    /**
     * A 300-line generator with shared subgenerators and finally blocks nested in catch and
     * finally blocks: the rewrite refused it as "could not analyse this method (Too many allocated
     * bytes)", a problem to report, because its analyses ran on ASM's default budget while its
     * frame computation had a larger one ({@code MethodBudget} now gives both the same). Analysed,
     * it is refused as the documented limit says: too large once rewritten, with what to do. Found
     * by the nightly property (100,000 programs, --release 8).
     */
    @Test
    void aLongMethodIsAnalysedOnTheBudgetItsFramesAreComputedOn() throws IOException {
        String source = regression("SharedSubgeneratorsInFinallies");
        assertThatThrownBy(() -> Harness.build(8, source))
                .hasMessageContaining("main(List, int, int): once rewritten this method is larger than the JVM's 64 KB limit")
                .hasMessageContaining("split it into smaller @Async methods")
                .hasMessageNotContaining("could not analyse");
    }

    static String regression(String name) throws IOException {
        Path file = Paths.get(System.getProperty("basedir", "."), "src/test/java/dev/weft/transform/property/regressions/" + name + ".java.txt");
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /**
     * A 200-line generator whose nested finally blocks javac copies onto every exit: the rewrite
     * refuses it ("could not analyse this method (Too many allocated bytes)"): plain ASM
     * Analyzers (BasicInterpreter, SimpleVerifier) analyse javac's method fine (5758
     * instructions, 62 locals, 201 handlers), and so does MethodAnalysis; the limit is ASM 9.11's
     * ClassWriter COMPUTE_FRAMES default (10 MB, see {@code ClassWriter.setComputeLimits}) in
     * StackMapComputation. Found by the property (--release 17); the reference yields
     * 0.5 after running the outer finally block.
     */
    @Test
    void aLongMethodWithNestedFinallyBlocksIsRewritten() throws IOException {
        Woven w = Harness.build(17, regression("BigFinallies"));
        List<String> trace = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Generator<Object, Object, Object> g = (Generator<Object, Object, Object>) w.call("reg.BigFinallies", "main", trace, -2, 2);
        assertThat(g.next()).isEqualTo(0.5);
        assertThat(trace).containsExactly("mf0");
    }

    /**
     * A 290-line coroutine whose constructor arguments await, inside finally blocks nested in
     * catch and finally blocks: the rewrite refused it as "could not analyse this method (Too many
     * operations)", a problem to report, because {@code NewHoisting}'s analysis told apart the
     * origin of every value, and those sets grew along each of javac's copies of the finally
     * blocks. Found by the nightly property (100,000 programs, --release 8, shrunk); the reference
     * awaits 1, then, sent 1, awaits 9.
     */
    @Test
    void aLongCoroutineWhoseConstructorArgumentsAwaitInNestedFinallyBlocksIsRewritten() throws Exception {
        Woven w = Harness.build(8, regression("AwaitsInNestedFinallies"));
        List<Object> carried = new ArrayList<>();
        List<Future<Object>> awaited = new ArrayList<>();
        EventLoop loop = EventLoop.withVirtualClock();
        Awaits.driver = (value, future) -> {
            carried.add(value);
            @SuppressWarnings("unchecked")
            Future<Object> f = (Future<Object>) future;
            awaited.add(f);
        };
        try {
            List<String> trace = new ArrayList<>();
            @SuppressWarnings("unchecked")
            Coroutine<Object> co = (Coroutine<Object>) w.call("reg.AwaitsInNestedFinallies", "main", trace, 0, 9);
            Task<Object> task = loop.createTask(co);
            loop.runUntilComplete(Weft.sleep(1)); // to its first await
            awaited.get(0).setResult(1);
            loop.runUntilComplete(Weft.sleep(1)); // to its second
            assertThat(carried).containsExactly(1, 9);
            assertThat(trace).isEmpty();
            task.cancel();
            loop.runUntilComplete(Weft.sleep(1));
        } finally {
            Awaits.driver = null;
            loop.close();
        }
    }

    /** The reference agrees with both, so the property cannot drift from these answers. */
    @Test
    void theReferenceAgrees() {
        for (boolean viaSub : new boolean[] {false, true}) {
            List<String> trace = new ArrayList<>();
            ThreadGen.track();
            try {
                ThreadGen g = new ThreadGen(r -> {
                    try {
                        r.yield(0);
                    } finally {
                        trace.add("finally");
                        if (viaSub) {
                            r.yieldFrom(new ThreadGen(s -> {
                                s.yield(1);
                                return null;
                            }));
                        } else {
                            r.yieldFromIterable(List.of(1, 7));
                        }
                    }
                    return null;
                });
                assertThat(Drive.script(g, "next", "close")).isEqualTo("0 !IllegalStateException");
                assertThat(trace).containsExactly("finally");
                assertThat(g.state()).isEqualTo(Generator.State.SUSPENDED);
            } finally {
                ThreadGen.abandonAll();
            }
        }
        ThreadGen r = new ThreadGen(b -> {
            try {
                return 1;
            } finally {
                b.yield(2);
            }
        });
        assertThat(Drive.script(r, "next", "next")).isEqualTo("2 !StopIteration");
        assertThat(r.returnValue()).isEqualTo(1);
    }

    /**
     * Issue 18, item 1: two mains delegate to one subgenerator (test_delegating_generators_claim_to_be_running,
     * shared): the sub finishes under the first main, which must resume (Weft resumed the second).
     * The property's shared programs, on one fixed program.
     */
    @Test
    void delegating_generators_claim_to_be_running_with_a_shared_subgenerator() {
        Ast.Program p = new Ast.Program(
                List.of(new Ast.YieldFromSub(0, new Ast.Lit(0), 0), new Ast.Yield(0, new Ast.Var(0)), new Ast.Yield(0, new Ast.Lit(9))),
                List.of(List.of(new Ast.Yield(0, new Ast.Lit(1)), new Ast.Yield(0, new Ast.Lit(2)))), 3, 4,
                List.of(new Ast.Op(0, 0), new Ast.Op(0, 0), new Ast.Op(0, 0), new Ast.Op(0, 0), new Ast.Op(2, 5), new Ast.Op(0, 0),
                        new Ast.Op(3, 0), new Ast.Op(0, 0)), false, true);
        Runner.Outcome outcome = Runner.run(List.of(p), 11).get(0);
        assertThat(outcome.failed()).as(outcome.report()).isFalse();
    }
}
