package dev.weft.transform.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.transform.property.Ast.Assign;
import dev.weft.transform.property.Ast.Catch;
import dev.weft.transform.property.Ast.Cond;
import dev.weft.transform.property.Ast.Continue;
import dev.weft.transform.property.Ast.Ctr;
import dev.weft.transform.property.Ast.Expr;
import dev.weft.transform.property.Ast.If;
import dev.weft.transform.property.Ast.Lit;
import dev.weft.transform.property.Ast.Loop;
import dev.weft.transform.property.Ast.Op;
import dev.weft.transform.property.Ast.Program;
import dev.weft.transform.property.Ast.Return;
import dev.weft.transform.property.Ast.Stmt;
import dev.weft.transform.property.Ast.Throw;
import dev.weft.transform.property.Ast.Try;
import dev.weft.transform.property.Ast.Var;
import dev.weft.transform.property.Ast.Yield;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every statement and expression of the full statement set, each around a suspension, in one
 * hand-written program: it must behave like its reference at every release the property uses
 * (the random programs only reach each shape now and then), and the shrinker must be able to
 * make each of these statements smaller.
 */
class FullStatementSetTest {
    private static Expr lit(int v) {
        return new Lit(v);
    }

    private static Expr sent(Expr e) {
        return new Ast.Sent(e);
    }

    private static Stmt yield(int v) {
        return new Yield(0, lit(v));
    }

    /** One of each new statement, markers inside and around; ends with a finally that returns. */
    static List<Stmt> everything() {
        List<Stmt> b = new ArrayList<>();
        Cond suspends = new Cond('<', sent(new Ctr(0)), lit(3));
        b.add(new Ast.Labelled(0, 2, List.of(new Ast.ForEach(3, List.of(lit(4), sent(lit(5))), List.of(
                new Yield(0, new Ctr(0)),
                new Ast.IfLogic('&', suspends, new Cond('!', new Var(0), lit(99)), List.of(new Ast.Jump(true, 0)),
                        List.of(yield(6), new Ast.Jump(false, 0))))))));
        b.add(new Ast.Labelled(3, 0, List.of(yield(7), new If(new Cond('%', sent(lit(0)), lit(0)), List.of(new Ast.Jump(false, 0)), List.of()),
                yield(8))));
        List<Stmt> compounds = new ArrayList<>();
        for (int k = 0; k < 7; k++) {
            compounds.add(new Ast.Compound(k, k, sent(new Ctr(0))));
        }
        b.add(new Ast.Labelled(1, 2, compounds));
        b.add(new Ast.Labelled(2, 2, List.of(new Ast.ForEach(2, List.of(lit(1), lit(2), lit(3)), List.of(new Yield(0, new Ctr(0)))),
                new Ast.ForEach(1, List.of(sent(lit(1))), List.of(new Yield(3, lit(0)))),
                new Ast.ForEach(4, List.of(lit(9)), List.of(new Yield(0, new Ctr(0)))),
                new Ast.ForEach(0, List.of(lit(2)), List.of(new Yield(0, new Ctr(1)), new Ast.Jump(true, 0))))));
        for (boolean onEnum : new boolean[] {false, true}) {
            b.add(new Ast.KeySwitch(onEnum, sent(lit(0)), List.of(List.of(yield(10)), List.of(yield(11)), List.of(yield(12)))));
        }
        b.add(new Ast.SwitchExpr(2, sent(lit(0)), List.of(sent(lit(20)), sent(lit(21)), lit(22))));
        for (int k = 0; k < 9; k++) {
            b.add(new Ast.Local(k, suspends, sent(lit(30 + k)), List.of(yield(40 + k))));
        }
        b.add(new Ast.MultiCatch(List.of(new Try(List.of(yield(50), new Throw(sent(lit(51)))),
                List.of(new Catch(0, List.of(yield(52), new Ast.Rethrow(0, lit(0))))), List.of(yield(53)))),
                List.of(yield(54), new Ast.MultiCatch(List.of(new Ast.Rethrow(1, lit(0))), List.of(yield(55))))));
        b.add(new Loop(1, 2, List.of(new Try(List.of(yield(60)), List.of(), List.of(yield(61), new Continue())))));
        b.add(new Assign(0, new Ast.Make(lit(1), sent(lit(2)), new Ast.Make(lit(3), sent(lit(4)), lit(5)))));
        b.add(new Assign(1, new Ast.Pick(suspends, sent(lit(1)), lit(2))));
        for (int k = 0; k < 4; k++) {
            b.add(new Yield(0, new Var(k))); // what all of the above computed
        }
        for (int k = 1; k < 4; k++) {
            b.add(new Yield(k, lit(0))); // l0, d0, s0
        }
        b.add(new Try(List.of(yield(70), new Throw(lit(71))), List.of(), List.of(yield(72), new Return(sent(lit(73))))));
        return b;
    }

    private static Program program() {
        List<Op> script = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            script.add(i % 3 == 0 ? new Op(0, 0) : new Op(1, i % 7 - 1));
        }
        return new Program(everything(), List.of(), 2, 5, script);
    }

    @Test
    void everyNewShapeBehavesLikeTheReferenceAtEveryRelease() {
        for (int release : GeneratorPropertyTest.RELEASES) {
            Runner.Outcome o = Runner.run(List.of(program()), release).get(0);
            assertThat(o.failed()).as("--release %d:\n%s", release, o.report()).isFalse();
            // it ran to the final return: every shape above was reached
            assertThat(o.weft.get(o.weft.size() - 1)).as("--release %d:\n%s", release, o.report()).startsWith("returnValue() -> Integer:");
        }
    }

    @Test
    void theShrinkerMakesEachNewStatementSmaller() {
        for (Stmt s : everything()) {
            if (s instanceof Yield) {
                continue; // the final yields of the locals: nothing smaller to make
            }
            int size = printed(List.of(s));
            List<List<Stmt>> smaller = Shrinker.blocks(List.of(s));
            assertThat(smaller.stream().filter(v -> v.size() == 1 && v.get(0).getClass() == s.getClass()).mapToInt(FullStatementSetTest::printed))
                    .as("%s", s.getClass().getSimpleName()).anyMatch(n -> n < size);
        }
    }

    private static int printed(List<Stmt> body) {
        return Printer.weftClass("W", new Program(body, List.of(), 0, 0, List.of()), 17).length();
    }
}
