package dev.weft.transform.property;

import dev.weft.transform.property.Ast.Catch;
import dev.weft.transform.property.Ast.Expr;
import dev.weft.transform.property.Ast.If;
import dev.weft.transform.property.Ast.Loop;
import dev.weft.transform.property.Ast.Program;
import dev.weft.transform.property.Ast.Stmt;
import dev.weft.transform.property.Ast.Try;
import dev.weft.transform.property.Ast.TryRes;
import java.util.ArrayList;
import java.util.List;

/**
 * Greedy minimisation of a failing program: drop consumer calls, statements, subgenerators,
 * catch and finally clauses, inline nested blocks, zero the parameters, for as long as the
 * program still fails. Candidates are tried in batches, so one javac call tests many.
 */
final class Shrinker {
    private static final int CHUNK = 40;

    private Shrinker() {
    }

    /**
     * Shrinks {@code failing} while it fails the same way (the same first difference, numbers and
     * traces aside), trying at most {@code maxCandidates} candidates.
     */
    static Program shrink(Program failing, int release, int maxCandidates) {
        return shrink(Runner.GENERATORS, failing, release, maxCandidates);
    }

    /** {@link #shrink(Program, int, int)} for programs in {@code form}. */
    static Program shrink(Runner.Form form, Program failing, int release, int maxCandidates) {
        List<Runner.Outcome> first = Runner.run(form, List.of(failing), release);
        String kind = first.get(0).kind();
        Program cur = failing;
        int tried = 0;
        int start = 0;
        boolean progress = true;
        while (progress && tried < maxCandidates) {
            progress = false;
            List<Program> all = candidates(cur);
            // resume near where the last success was: earlier candidates mostly failed already
            for (int n = 0; n < all.size() && tried < maxCandidates; n += CHUNK) {
                int from = (start + n) % all.size();
                List<Program> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
                tried += chunk.size();
                int found = firstFailing(form, chunk, release, kind);
                if (found >= 0) {
                    cur = chunk.get(found);
                    start = from + found;
                    progress = true;
                    break;
                }
            }
        }
        return cur;
    }

    private static int firstFailing(Runner.Form form, List<Program> chunk, int release, String kind) {
        try {
            List<Runner.Outcome> outcomes = Runner.run(form, chunk, release);
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i).failed() && outcomes.get(i).kind().equals(kind)) {
                    return i;
                }
            }
        } catch (AssertionError | RuntimeException e) {
            return -1; // a candidate the reference cannot run is no evidence
        }
        return -1;
    }

    static List<Program> candidates(Program p) {
        List<Program> out = new ArrayList<>();
        for (int n = 1; n < p.script.size(); n++) {
            out.add(p.withScript(p.script.subList(0, n)));
        }
        for (int i = 0; i < p.body.size(); i++) {
            List<Stmt> b = new ArrayList<>(p.body);
            b.remove(i);
            out.add(p.withBody(b));
        }
        for (int i = p.script.size() - 1; i >= 0 && p.script.size() > 1; i--) {
            List<Ast.Op> s = new ArrayList<>(p.script);
            s.remove(i);
            out.add(p.withScript(s));
        }
        for (int j = p.subs.size() - 1; j >= 0; j--) {
            List<List<Stmt>> subs = new ArrayList<>(p.subs);
            subs.remove(j);
            out.add(p.withSubs(subs));
        }
        for (List<Stmt> b : blocks(p.body)) {
            out.add(p.withBody(b));
        }
        for (int j = 0; j < p.subs.size(); j++) {
            for (List<Stmt> b : blocks(p.subs.get(j))) {
                List<List<Stmt>> subs = new ArrayList<>(p.subs);
                subs.set(j, b);
                out.add(p.withSubs(subs));
            }
        }
        if (p.p0 != 0 || p.p1 != 0) {
            out.add(p.withParams(0, 0, p.instance));
        }
        if (p.instance) {
            out.add(p.withParams(p.p0, p.p1, false));
        }
        return out;
    }

    /** Smaller variants of a block: a statement removed, a nested block inlined, a nested block shrunk. */
    static List<List<Stmt>> blocks(List<Stmt> b) {
        List<List<Stmt>> out = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            out.add(without(b, i));
        }
        for (int i = 0; i < b.size(); i++) {
            for (List<Stmt> child : children(b.get(i))) {
                out.add(splice(b, i, child));
            }
        }
        for (int i = 0; i < b.size(); i++) {
            for (Stmt smaller : smaller(b.get(i))) {
                List<Stmt> c = new ArrayList<>(b);
                c.set(i, smaller);
                out.add(c);
            }
        }
        return out;
    }

    private static List<Stmt> without(List<Stmt> b, int i) {
        List<Stmt> c = new ArrayList<>(b);
        c.remove(i);
        return c;
    }

    private static List<Stmt> splice(List<Stmt> b, int i, List<Stmt> in) {
        List<Stmt> c = new ArrayList<>(b.subList(0, i));
        c.addAll(in);
        c.addAll(b.subList(i + 1, b.size()));
        return c;
    }

    private static List<List<Stmt>> children(Stmt s) {
        List<List<Stmt>> out = new ArrayList<>();
        if (s instanceof If) {
            out.add(((If) s).then);
            out.add(((If) s).otherwise);
        } else if (s instanceof Loop) {
            out.add(((Loop) s).body);
        } else if (s instanceof TryRes) {
            out.add(((TryRes) s).body);
        } else if (s instanceof Ast.Switch) {
            out.addAll(((Ast.Switch) s).cases);
        } else if (s instanceof Try) {
            Try t = (Try) s;
            out.add(t.body);
            for (Catch c : t.catches) {
                out.add(c.body);
            }
            if (t.fin != null) {
                out.add(t.fin);
            }
        } else if (s instanceof Ast.Labelled) {
            out.add(((Ast.Labelled) s).body);
        } else if (s instanceof Ast.ForEach) {
            out.add(((Ast.ForEach) s).body);
        } else if (s instanceof Ast.KeySwitch) {
            out.addAll(((Ast.KeySwitch) s).cases);
        } else if (s instanceof Ast.IfLogic) {
            out.add(((Ast.IfLogic) s).then);
            out.add(((Ast.IfLogic) s).otherwise);
        } else if (s instanceof Ast.MultiCatch) {
            out.add(((Ast.MultiCatch) s).body);
            out.add(((Ast.MultiCatch) s).handler);
        } else if (s instanceof Ast.Local) {
            out.add(((Ast.Local) s).body);
        }
        return out;
    }

    private static List<Stmt> smaller(Stmt s) {
        List<Stmt> out = new ArrayList<>();
        if (s instanceof If) {
            If f = (If) s;
            if (!f.otherwise.isEmpty()) {
                out.add(new If(f.c, f.then, List.of()));
            }
            for (List<Stmt> b : blocks(f.then)) {
                out.add(new If(f.c, b, f.otherwise));
            }
            for (List<Stmt> b : blocks(f.otherwise)) {
                out.add(new If(f.c, f.then, b));
            }
        } else if (s instanceof Loop) {
            Loop l = (Loop) s;
            if (Math.floorMod(l.bound, 4) > 1) {
                out.add(new Loop(l.kind, Math.floorMod(l.bound, 4) - 1, l.body));
            }
            for (List<Stmt> b : blocks(l.body)) {
                out.add(new Loop(l.kind, l.bound, b));
            }
        } else if (s instanceof TryRes) {
            for (List<Stmt> b : blocks(((TryRes) s).body)) {
                out.add(new TryRes(b));
            }
        } else if (s instanceof Ast.Switch) {
            Ast.Switch w = (Ast.Switch) s;
            for (int k = 0; k < w.cases.size() && w.cases.size() > 1; k++) {
                List<List<Stmt>> cs = new ArrayList<>(w.cases);
                cs.remove(k);
                out.add(new Ast.Switch(w.e, cs));
            }
            for (int k = 0; k < w.cases.size(); k++) {
                for (List<Stmt> b : blocks(w.cases.get(k))) {
                    List<List<Stmt>> cs = new ArrayList<>(w.cases);
                    cs.set(k, b);
                    out.add(new Ast.Switch(w.e, cs));
                }
            }
        } else if (s instanceof Try) {
            Try t = (Try) s;
            if (t.fin != null) {
                out.add(new Try(t.body, t.catches, null));
            }
            for (int k = 0; k < t.catches.size(); k++) {
                List<Catch> cs = new ArrayList<>(t.catches);
                cs.remove(k);
                out.add(new Try(t.body, cs, t.fin));
            }
            for (List<Stmt> b : blocks(t.body)) {
                out.add(new Try(b, t.catches, t.fin));
            }
            for (int k = 0; k < t.catches.size(); k++) {
                for (List<Stmt> b : blocks(t.catches.get(k).body)) {
                    List<Catch> cs = new ArrayList<>(t.catches);
                    cs.set(k, new Catch(t.catches.get(k).kind, b));
                    out.add(new Try(t.body, cs, t.fin));
                }
            }
            if (t.fin != null) {
                for (List<Stmt> b : blocks(t.fin)) {
                    out.add(new Try(t.body, t.catches, b));
                }
            }
        } else {
            out.addAll(smallerNew(s));
        }
        out.addAll(simplerExpressions(s));
        return out;
    }

    /** Smaller variants of the statements of the full statement set ({@link Ast.Labelled} and after). */
    private static List<Stmt> smallerNew(Stmt s) {
        List<Stmt> out = new ArrayList<>();
        if (s instanceof Ast.Labelled) {
            Ast.Labelled l = (Ast.Labelled) s;
            for (List<Stmt> b : blocks(l.body)) {
                out.add(new Ast.Labelled(l.kind, l.bound, b));
            }
        } else if (s instanceof Ast.ForEach) {
            Ast.ForEach f = (Ast.ForEach) s;
            for (int k = 0; k < f.elems.size(); k++) {
                List<Expr> es = new ArrayList<>(f.elems);
                es.remove(k);
                out.add(new Ast.ForEach(f.kind, es, f.body));
            }
            for (List<Stmt> b : blocks(f.body)) {
                out.add(new Ast.ForEach(f.kind, f.elems, b));
            }
        } else if (s instanceof Ast.KeySwitch) {
            Ast.KeySwitch w = (Ast.KeySwitch) s;
            for (int k = 0; k < w.cases.size() && w.cases.size() > 1; k++) {
                List<List<Stmt>> cs = new ArrayList<>(w.cases);
                cs.remove(k);
                out.add(new Ast.KeySwitch(w.onEnum, w.e, cs));
            }
            for (int k = 0; k < w.cases.size(); k++) {
                for (List<Stmt> b : blocks(w.cases.get(k))) {
                    List<List<Stmt>> cs = new ArrayList<>(w.cases);
                    cs.set(k, b);
                    out.add(new Ast.KeySwitch(w.onEnum, w.e, cs));
                }
            }
        } else if (s instanceof Ast.IfLogic) {
            Ast.IfLogic f = (Ast.IfLogic) s;
            out.add(new If(f.a, f.then, f.otherwise));
            out.add(new If(f.b, f.then, f.otherwise));
            if (!f.otherwise.isEmpty()) {
                out.add(new Ast.IfLogic(f.op, f.a, f.b, f.then, List.of()));
            }
            for (List<Stmt> b : blocks(f.then)) {
                out.add(new Ast.IfLogic(f.op, f.a, f.b, b, f.otherwise));
            }
            for (List<Stmt> b : blocks(f.otherwise)) {
                out.add(new Ast.IfLogic(f.op, f.a, f.b, f.then, b));
            }
        } else if (s instanceof Ast.MultiCatch) {
            Ast.MultiCatch m = (Ast.MultiCatch) s;
            for (List<Stmt> b : blocks(m.body)) {
                out.add(new Ast.MultiCatch(b, m.handler));
            }
            for (List<Stmt> b : blocks(m.handler)) {
                out.add(new Ast.MultiCatch(m.body, b));
            }
        } else if (s instanceof Ast.Local) {
            Ast.Local l = (Ast.Local) s;
            for (List<Stmt> b : blocks(l.body)) {
                out.add(new Ast.Local(l.type, l.c, l.e, b));
            }
        } else if (s instanceof Ast.SwitchExpr) {
            Ast.SwitchExpr w = (Ast.SwitchExpr) s;
            for (int k = 0; k < w.arms.size() && w.arms.size() > 1; k++) {
                List<Expr> arms = new ArrayList<>(w.arms);
                arms.remove(k);
                out.add(new Ast.SwitchExpr(w.target, w.e, arms));
            }
        }
        return out;
    }

    /** The statement with one of its expressions replaced by a part of it (a marker's operand, a branch, an argument). */
    private static List<Stmt> simplerExpressions(Stmt s) {
        List<Stmt> out = new ArrayList<>();
        if (s instanceof Ast.Yield) {
            Ast.Yield y = (Ast.Yield) s;
            for (Expr e : parts(y.e)) {
                out.add(new Ast.Yield(y.kind, e));
            }
        } else if (s instanceof Ast.YieldAssign) {
            Ast.YieldAssign y = (Ast.YieldAssign) s;
            for (Expr e : parts(y.e)) {
                out.add(new Ast.YieldAssign(y.target, y.shape, e));
            }
        } else if (s instanceof Ast.Assign) {
            Ast.Assign a = (Ast.Assign) s;
            for (Expr e : parts(a.e)) {
                out.add(new Ast.Assign(a.target, e));
            }
        } else if (s instanceof Ast.Compound) {
            Ast.Compound c = (Ast.Compound) s;
            for (Expr e : parts(c.e)) {
                out.add(new Ast.Compound(c.kind, c.target, e));
            }
        } else if (s instanceof Ast.Throw) {
            for (Expr e : parts(((Ast.Throw) s).e)) {
                out.add(new Ast.Throw(e));
            }
        } else if (s instanceof Ast.SwitchExpr) {
            Ast.SwitchExpr w = (Ast.SwitchExpr) s;
            for (Expr e : parts(w.e)) {
                out.add(new Ast.SwitchExpr(w.target, e, w.arms));
            }
            for (int k = 0; k < w.arms.size(); k++) {
                for (Expr e : parts(w.arms.get(k))) {
                    List<Expr> arms = new ArrayList<>(w.arms);
                    arms.set(k, e);
                    out.add(new Ast.SwitchExpr(w.target, w.e, arms));
                }
            }
        } else if (s instanceof Ast.Local) {
            Ast.Local l = (Ast.Local) s;
            for (Expr e : parts(l.e)) {
                out.add(new Ast.Local(l.type, l.c, e, l.body));
            }
        }
        return out;
    }

    /** The direct parts of an expression, each a simpler expression of the same type (int). */
    private static List<Expr> parts(Expr e) {
        if (e instanceof Ast.Sent) {
            return List.of(((Ast.Sent) e).e);
        }
        if (e instanceof Ast.Pick) {
            return List.of(((Ast.Pick) e).a, ((Ast.Pick) e).b);
        }
        if (e instanceof Ast.Make) {
            Ast.Make m = (Ast.Make) e;
            return List.of(m.a, m.b, m.c);
        }
        if (e instanceof Ast.Bin) {
            return List.of(((Ast.Bin) e).a, ((Ast.Bin) e).b);
        }
        return List.of();
    }
}
