package dev.weft.transform.property;

import dev.weft.transform.property.Ast.Assign;
import dev.weft.transform.property.Ast.Bin;
import dev.weft.transform.property.Ast.Break;
import dev.weft.transform.property.Ast.Catch;
import dev.weft.transform.property.Ast.Cond;
import dev.weft.transform.property.Ast.Continue;
import dev.weft.transform.property.Ast.Ctr;
import dev.weft.transform.property.Ast.Expr;
import dev.weft.transform.property.Ast.If;
import dev.weft.transform.property.Ast.Lit;
import dev.weft.transform.property.Ast.Loop;
import dev.weft.transform.property.Ast.Op;
import dev.weft.transform.property.Ast.Other;
import dev.weft.transform.property.Ast.Program;
import dev.weft.transform.property.Ast.Return;
import dev.weft.transform.property.Ast.Stmt;
import dev.weft.transform.property.Ast.Throw;
import dev.weft.transform.property.Ast.Try;
import dev.weft.transform.property.Ast.TryRes;
import dev.weft.transform.property.Ast.Var;
import dev.weft.transform.property.Ast.Yield;
import dev.weft.transform.property.Ast.YieldAssign;
import dev.weft.transform.property.Ast.YieldFromList;
import dev.weft.transform.property.Ast.YieldFromSub;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** jqwik arbitraries for {@link Ast} programs and consumer scripts. */
final class Programs {
    static final int MAIN_DEPTH = 3;
    static final int SUB_DEPTH = 2;

    private Programs() {
    }

    static Arbitrary<Program> programs() {
        Arbitrary<List<Stmt>> body = block(MAIN_DEPTH, true).list().ofMinSize(1).ofMaxSize(4).map(Programs::flatten);
        Arbitrary<List<Stmt>> sub = block(SUB_DEPTH, true).list().ofMinSize(1).ofMaxSize(3).map(Programs::flatten);
        Arbitrary<Integer> param = Arbitraries.integers().between(-3, 9);
        return Combinators.combine(body, sub.list().ofMaxSize(3), param, param, script(), Arbitraries.of(false, true),
                Arbitraries.of(false, false, true))
                .as((b, subs, p0, p1, script, instance, shared) -> new Program(shared && !subs.isEmpty() ? delegatingFirst(b) : b,
                        subs, p0, p1, script, instance, shared));
    }

    /** A shared program's main starts with a delegation, so both mains are often in the shared subgenerator at once. */
    private static List<Stmt> delegatingFirst(List<Stmt> body) {
        List<Stmt> out = new ArrayList<>();
        out.add(new YieldFromSub(0, new Lit(0), 0));
        out.addAll(body);
        return out;
    }

    static Arbitrary<List<Op>> script() {
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(new Op(0, 0))),
                Tuple.of(3, Arbitraries.integers().between(-5, 20).map(v -> new Op(1, v))),
                Tuple.of(2, Arbitraries.integers().between(0, 99).map(v -> new Op(2, v))),
                Tuple.of(1, Arbitraries.just(new Op(3, 0))),
                Tuple.of(1, Arbitraries.just(new Op(4, 0))));
        return op.list().ofMinSize(1).ofMaxSize(14);
    }

    private static List<Stmt> flatten(List<List<Stmt>> blocks) {
        return blocks.stream().flatMap(List::stream).collect(java.util.stream.Collectors.toList());
    }

    // ---- expressions ----

    private static final Arbitrary<Expr> LEAF = Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(0, 9).map(v -> (Expr) new Lit(v))),
            Tuple.of(4, Arbitraries.integers().between(0, 3).map(v -> (Expr) new Var(v))),
            Tuple.of(2, Arbitraries.integers().between(0, 2).map(v -> (Expr) new Ctr(v))),
            Tuple.of(2, Arbitraries.integers().between(0, 4).map(v -> (Expr) new Other(v))));

    static Arbitrary<Expr> expr(int depth) {
        if (depth == 0) {
            return LEAF;
        }
        Arbitrary<Expr> bin = Combinators.combine(Arbitraries.of('+', '-', '*'), expr(depth - 1), expr(depth - 1))
                .as((op, a, b) -> (Expr) new Bin(op, a, b));
        Arbitrary<Expr> sent = expr(depth - 1).map(x -> (Expr) new Ast.Sent(x));
        Arbitrary<Expr> pick = Combinators.combine(Arbitraries.lazy(Programs::cond), expr(depth - 1), LEAF)
                .as((c, a, b) -> (Expr) new Ast.Pick(c, a, b));
        // the middle argument suspends more often than not: the object is then made after the suspension
        Arbitrary<Expr> make = Combinators.combine(expr(depth - 1), Arbitraries.frequencyOf(Tuple.of(2, sent), Tuple.of(1, expr(depth - 1))),
                expr(depth - 1)).as((a, b, c) -> (Expr) new Ast.Make(a, b, c));
        return Arbitraries.frequencyOf(Tuple.of(9, LEAF), Tuple.of(4, bin), Tuple.of(1, sent), Tuple.of(1, pick), Tuple.of(1, make));
    }

    static Arbitrary<Cond> cond() {
        return Combinators.combine(Arbitraries.of('<', '=', '!', '%'), expr(1), expr(1)).as(Cond::new);
    }

    /** A condition whose left operand is a value sent in: it suspends before it decides. */
    static Arbitrary<Cond> suspendingCond() {
        return Combinators.combine(Arbitraries.of('<', '=', '!', '%'), expr(0).map(x -> (Expr) new Ast.Sent(x)), expr(1)).as(Cond::new);
    }

    // ---- statements ----

    /** A short block of statements nested at most {@code depth} deep. */
    static Arbitrary<List<Stmt>> block(int depth, boolean subs) {
        return stmt(depth, subs).list().ofMaxSize(depth >= 2 ? 3 : 4);
    }

    static Arbitrary<Stmt> stmt(int depth, boolean subs) {
        Arbitrary<Expr> e = expr(2);
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 6);
        Arbitrary<Stmt> yield = Combinators.combine(Arbitraries.integers().between(0, 5), e)
                .as((k, x) -> (Stmt) new Yield(k, x)); // kinds 4, 5 are int yields too: more of them
        Arbitrary<Stmt> yieldAssign = Combinators.combine(small, Arbitraries.integers().between(0, 2), e)
                .as((t, s, x) -> (Stmt) new YieldAssign(t, s, x));
        Arbitrary<Stmt> yieldFromSub = Combinators.combine(Arbitraries.integers().between(0, 2), e, Arbitraries.integers().between(0, 3))
                .as((s, x, t) -> (Stmt) new YieldFromSub(s, x, t));
        Arbitrary<Stmt> yieldFromList = expr(1).list().ofMaxSize(3).map(l -> (Stmt) new YieldFromList(l));
        Arbitrary<Stmt> assign = Combinators.combine(small, e).as((t, x) -> (Stmt) new Assign(t, x));
        Arbitrary<Stmt> fieldAdd = e.map(x -> (Stmt) new Ast.FieldAdd(x));
        Arbitrary<Stmt> brk = Arbitraries.just(new Break());
        Arbitrary<Stmt> cont = Arbitraries.just(new Continue());
        Arbitrary<Stmt> thr = expr(1).map(x -> (Stmt) new Throw(x));
        Arbitrary<Stmt> ret = expr(1).injectNull(0.3).map(x -> (Stmt) new Return(x));
        List<Tuple.Tuple2<Integer, Arbitrary<Stmt>>> choices = new ArrayList<>(List.of(
                Tuple.of(8, yield), Tuple.of(5, yieldAssign), Tuple.of(2, yieldFromList), Tuple.of(4, assign),
                Tuple.of(1, brk), Tuple.of(1, cont), Tuple.of(1, thr), Tuple.of(1, ret), Tuple.of(1, fieldAdd)));
        if (subs) {
            choices.add(Tuple.of(3, yieldFromSub));
        }
        Arbitrary<Stmt> compound = Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 3),
                Arbitraries.frequencyOf(Tuple.of(2, expr(0).map(x -> (Expr) new Ast.Sent(x))), Tuple.of(1, e)))
                .as((k, t, x) -> (Stmt) new Ast.Compound(k, t, x));
        Arbitrary<Stmt> rethrow = Combinators.combine(Arbitraries.integers().between(0, 2), expr(1)).as((k, x) -> (Stmt) new Ast.Rethrow(k, x));
        Arbitrary<Stmt> jump = Combinators.combine(Arbitraries.of(false, true), Arbitraries.integers().between(0, 2))
                .as((c, t) -> (Stmt) new Ast.Jump(c, t));
        Arbitrary<Stmt> switchExpr = Combinators.combine(Arbitraries.integers().between(0, 3), expr(1),
                Arbitraries.frequencyOf(Tuple.of(1, expr(0).map(x -> (Expr) new Ast.Sent(x))), Tuple.of(1, expr(1))).list().ofMinSize(2).ofMaxSize(3))
                .as((t, x, arms) -> (Stmt) new Ast.SwitchExpr(t, x, arms));
        choices.add(Tuple.of(1, compound));
        choices.add(Tuple.of(1, rethrow));
        choices.add(Tuple.of(2, jump));
        choices.add(Tuple.of(1, switchExpr));
        if (depth == 0) {
            return Arbitraries.frequencyOf(choices);
        }
        Arbitrary<List<Stmt>> inner = Arbitraries.lazy(() -> block(depth - 1, subs));
        Arbitrary<Stmt> ifs = Combinators.combine(cond(), inner, inner).as((c, a, b) -> (Stmt) new If(c, a, b));
        Arbitrary<Stmt> loop = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 3), inner)
                .as((k, n, b) -> (Stmt) new Loop(k, n, b));
        Arbitrary<Catch> aCatch = Combinators.combine(Arbitraries.integers().between(0, 2), inner).as(Catch::new);
        Arbitrary<Stmt> tries = Combinators.combine(inner, aCatch.list().ofMaxSize(2), inner.injectNull(0.4))
                .as((b, c, f) -> (Stmt) new Try(b, c, f));
        Arbitrary<Stmt> tryRes = inner.map(b -> (Stmt) new TryRes(b));
        choices.add(Tuple.of(4, ifs));
        choices.add(Tuple.of(4, loop));
        choices.add(Tuple.of(6, tries));
        choices.add(Tuple.of(1, tryRes));
        Arbitrary<Stmt> sw = Combinators.combine(expr(1), inner.list().ofMinSize(1).ofMaxSize(2)).as((x, cs) -> (Stmt) new Ast.Switch(x, cs));
        choices.add(Tuple.of(2, sw));
        choices.addAll(newNested(depth, subs, inner, aCatch));
        return Arbitraries.frequencyOf(choices);
    }

    /** The statements with nested blocks added for the full statement set (see {@link Ast.Labelled} and after). */
    private static List<Tuple.Tuple2<Integer, Arbitrary<Stmt>>> newNested(int depth, boolean subs, Arbitrary<List<Stmt>> inner,
            Arbitrary<Catch> aCatch) {
        Arbitrary<Stmt> labelled = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3), inner)
                .as((k, n, b) -> (Stmt) new Ast.Labelled(k, n, b));
        Arbitrary<Stmt> forEach = Combinators.combine(Arbitraries.integers().between(0, 4), expr(1).list().ofMaxSize(3), inner)
                .as((k, xs, b) -> (Stmt) new Ast.ForEach(k, xs, b));
        Arbitrary<Stmt> keySwitch = Combinators.combine(Arbitraries.of(false, true), expr(1), inner.list().ofMinSize(1).ofMaxSize(3))
                .as((en, x, cs) -> (Stmt) new Ast.KeySwitch(en, x, cs));
        Arbitrary<Cond> maybeSuspending = Arbitraries.oneOf(cond(), suspendingCond());
        Arbitrary<Stmt> ifLogic = Combinators.combine(Arbitraries.of('&', '|'), maybeSuspending, maybeSuspending, inner, inner)
                .as((op, a, b, t, f) -> (Stmt) new Ast.IfLogic(op, a, b, t, f));
        Arbitrary<Stmt> multiCatch = Combinators.combine(inner, inner).as((b, h) -> (Stmt) new Ast.MultiCatch(b, h));
        Arbitrary<Stmt> local = Combinators.combine(Arbitraries.integers().between(0, 8), maybeSuspending, expr(1), inner)
                .as((k, c, x, b) -> (Stmt) new Ast.Local(k, c, x, b));
        return List.of(Tuple.of(1, labelled), Tuple.of(1, forEach), Tuple.of(1, keySwitch), Tuple.of(1, ifLogic),
                Tuple.of(1, multiCatch), Tuple.of(1, local), Tuple.of(1, finallyJumps(inner, aCatch)));
    }

    /**
     * A try whose finally block suspends, then returns, breaks or continues (to a loop or a
     * label), maybe only under a condition; or whose finally block holds another try.
     */
    private static Arbitrary<Stmt> finallyJumps(Arbitrary<List<Stmt>> inner, Arbitrary<Catch> aCatch) {
        Arbitrary<Stmt> marker = Combinators.combine(Arbitraries.integers().between(0, 3), expr(1)).as((k, x) -> (Stmt) new Yield(k, x));
        Arbitrary<Stmt> leave = Arbitraries.oneOf(
                expr(1).injectNull(0.3).map(x -> (Stmt) new Return(x)),
                Arbitraries.just(new Break()),
                Arbitraries.just(new Continue()),
                Combinators.combine(Arbitraries.of(false, true), Arbitraries.integers().between(0, 2)).as((c, t) -> (Stmt) new Ast.Jump(c, t)));
        Arbitrary<List<Stmt>> fin = Combinators.combine(marker, leave, cond(), Arbitraries.integers().between(0, 2), inner)
                .as((m, l, c, shape, nested) -> {
                    switch (shape) {
                        case 0: return List.of(m, l);
                        case 1: return List.of(m, (Stmt) new If(c, List.of(l), List.of()), m);
                        default: return List.of(m, (Stmt) new Try(nested, List.of(new Catch(0, List.of(m))), List.of(m)));
                    }
                });
        return Combinators.combine(inner, marker, aCatch.list().ofMaxSize(1), fin)
                .as((b, m, cs, f) -> {
                    List<Stmt> body = new ArrayList<>(b);
                    body.add(0, m);
                    return (Stmt) new Try(body, cs, f);
                });
    }
}
