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
import java.util.stream.Collectors;

/**
 * Prints a {@link Program} as Java, twice: as a Weft {@code @Async} generator (class
 * {@code W<k>}) and as the reference on a thread (class {@code R<k>}, a {@link ThreadGen} whose
 * body is the same statements, with {@code g.yield} for {@code Generator.yield}).
 *
 * <p>Every tree prints to code javac accepts: statements after one that cannot complete normally
 * are dropped, {@code break}/{@code continue} outside loops are dropped, catch clauses are
 * ordered and deduplicated, a method that can fall off its end gets a final return.
 */
final class Printer {
    static final String HEADER = "import dev.weft.*;\nimport dev.weft.transform.property.*;\nimport java.util.*;\n\n";
    private static final String INIT = "int x0 = p0; int x1 = p1; int x2 = 0; int x3 = 1; long l0 = 7L; double d0 = 0.5; String s0 = \"s\";";

    private final boolean weft;
    private final String refClass;
    private final String tagPrefix;
    /** The subgenerators this method may delegate to: {@code sub<subBase>} to {@code sub<subBase + subCount - 1>}. */
    private final int subBase;
    private final int subCount;
    private final StringBuilder out = new StringBuilder();
    private final List<String> loops = new ArrayList<>();
    /**
     * What a {@code break} would leave, innermost last: a loop ({@code null}) or a switch (the
     * breaks printed that exit it, by number).
     */
    private final List<java.util.Set<Integer>> breakTargets = new ArrayList<>();
    /**
     * For each try statement being printed, the breaks printed in its try block and catch
     * blocks, with their switch. Such a break does not exit its switch when the finally block
     * cannot complete normally (javac's Flow drops those pending exits).
     */
    private final List<List<Object[]>> openTryBlocks = new ArrayList<>();
    private int breaks;
    /** Whether this is main of an instance program: {@code this} and the field {@code f} exist. */
    private boolean instance;
    /** Whether this is main of a shared program: its subgenerators are the run's shared ones (see {@link Program#shared}). */
    private boolean shared;
    /** Coroutine mode (see {@link #coroutineClasses}): a yield is an await of a pending future. */
    private boolean coroutine;
    /** Async generator mode (see {@link #asyncGeneratorClasses}): yields stay yields, awaits come between them. */
    private boolean asyncGen;
    private int awaitsAfterYields;
    private int indent;
    private int fresh;
    /** The javac {@code --release} the code is for: switch expressions need 14. */
    private int release = 8;
    /** The labelled statements around, innermost last. */
    private final List<Label> labels = new ArrayList<>();
    /** The exception variables of the catch blocks around, innermost last. */
    private final List<String> caught = new ArrayList<>();

    /** A label in scope: its name, whether it is a loop's, and the breaks printed that leave it (for a block). */
    private static final class Label {
        final String name;
        final boolean loop;
        final java.util.Set<Integer> broke = new java.util.HashSet<>();

        Label(String name, boolean loop) {
            this.name = name;
            this.loop = loop;
        }
    }

    private Printer(boolean weft, String refClass, String tagPrefix, int subBase, int subCount, int indent) {
        this.weft = weft;
        this.subBase = subBase;
        this.refClass = refClass;
        this.tagPrefix = tagPrefix;
        this.subCount = subCount;
        this.indent = indent;
    }

    /** The Weft class {@code W<k>} and the reference class {@code R<k>} of program {@code k}, for javac {@code --release}. */
    static String classes(int k, Program p, int release) {
        return weftClass("W" + k, p, release) + "\n" + refClass("R" + k, p, release);
    }

    static String weftClass(String name, Program p, int release) {
        StringBuilder s = new StringBuilder("final class " + name + " {\n");
        int n = p.subs.size();
        if (p.instance) {
            s.append("    int f = 3;\n");
        }
        s.append(weftMethod("main", "m", p.body, 0, n, p.instance, p.shared, release));
        for (int j = 0; j < n; j++) {
            s.append(weftMethod("sub" + j, "s" + j, p.subs.get(j), j + 1, n - j - 1, false, false, release));
        }
        return s.append("}\n").toString();
    }

    static String refClass(String name, Program p, int release) {
        StringBuilder s = new StringBuilder("final class " + name + " {\n");
        int n = p.subs.size();
        if (p.instance) {
            s.append("    int f = 3;\n");
        }
        s.append(refMethod(name, "main", "m", p.body, 0, n, p.instance, p.shared, release));
        for (int j = 0; j < n; j++) {
            s.append(refMethod(name, "sub" + j, "s" + j, p.subs.get(j), j + 1, n - j - 1, false, false, release));
        }
        return s.append("}\n").toString();
    }

    private static String weftMethod(String name, String tag, List<Stmt> body, int subBase, int subs, boolean instance, boolean shared,
            int release) {
        Printer pr = new Printer(true, null, tag, subBase, subs, 2);
        pr.instance = instance;
        pr.shared = shared;
        pr.release = release;
        pr.line(INIT);
        if (pr.block(body)) {
            pr.line("return Generator.done();");
        }
        return "    @Async\n    " + (instance ? "" : "static ") + "Generator<Object, Object, Object> " + name + "(List<String> t, int p0, int p1) {\n"
                + pr.out + "    }\n";
    }

    private static String refMethod(String cls, String name, String tag, List<Stmt> body, int subBase, int subs, boolean instance,
            boolean shared, int release) {
        Printer pr = new Printer(false, cls, tag, subBase, subs, 3);
        pr.instance = instance;
        pr.shared = shared;
        pr.release = release;
        pr.line(INIT);
        if (pr.block(body)) {
            pr.line("return null;");
        }
        return "    " + (instance ? "" : "static ") + "Generator<Object, Object, Object> " + name + "(List<String> t, int p0, int p1) {\n"
                + "        return new ThreadGen(g -> {\n" + pr.out + "        });\n    }\n";
    }

    /** The program as a reader wants it in a failure report: the Weft source, the arguments and the script. */
    static String describe(Program p) {
        return describe(p, 17);
    }

    /** The same, as printed for javac {@code --release}. */
    static String describe(Program p, int release) {
        return weftClass("Repro", p, release) + "// " + (p.instance ? "new Repro()." : "") + "main(t, " + p.p0 + ", " + p.p1 + ")"
                + (p.shared ? " twice, sharing their subgenerators, the ops alternating between the two" : "") + ", then: "
                + p.script.stream().map(Object::toString).collect(Collectors.joining(", ")) + "\n";
    }

    // ---- coroutine mode ----
    // The same trees as coroutines: a yield awaits a pending future the driver settles (see
    // CoroutineRunner), subgenerators are sub-coroutines awaited inline, GeneratorExit is the
    // CancellationException of task.cancel(). The reference R<k> has plain methods taking the
    // ThreadCoroutine as c, which stand for the awaits.

    /** The Weft coroutine class {@code W<k>} and the reference class {@code R<k>} of program {@code k}. */
    static String coroutineClasses(int k, Program p, int release) {
        return coroutineClass(true, "W" + k, p, release) + "\n" + coroutineClass(false, "R" + k, p, release);
    }

    static String coroutineClass(boolean weft, String name, Program p, int release) {
        StringBuilder s = new StringBuilder("final class " + name + " {\n");
        int n = p.subs.size();
        if (p.instance) {
            s.append("    int f = 3;\n");
        }
        s.append(coroutineMethod(weft, name, "main", "m", p.body, 0, n, p.instance, release));
        for (int j = 0; j < n; j++) {
            s.append(coroutineMethod(weft, name, "sub" + j, "s" + j, p.subs.get(j), j + 1, n - j - 1, false, release));
        }
        return s.append("}\n").toString();
    }

    private static String coroutineMethod(boolean weft, String cls, String name, String tag, List<Stmt> body, int subBase, int subs,
            boolean instance, int release) {
        Printer pr = new Printer(weft, cls, tag, subBase, subs, 2);
        pr.coroutine = true;
        pr.release = release;
        pr.instance = instance;
        pr.line(INIT);
        if (pr.block(body)) {
            pr.line(weft ? "return Coroutine.done();" : "return null;");
        }
        String mods = instance ? "" : "static ";
        String head = weft ? "    @Async\n    " + mods + "Coroutine<Object> " + name + "(List<String> t, int p0, int p1) {\n"
                : "    " + mods + "Object " + name + "(ThreadCoroutine c, List<String> t, int p0, int p1) {\n";
        return head + pr.out + "    }\n";
    }

    /** A coroutine program for a failure report: the Weft source, the arguments, and the driver's script. */
    static String describeCoroutine(Program p, int release) {
        return coroutineClass(true, "Repro", p, release) + "// task of " + (p.instance ? "new Repro()." : "") + "main(t, " + p.p0 + ", " + p.p1
                + "), then: " + p.script.stream().map(Object::toString).collect(Collectors.joining(", ")) + "\n"
                + "// next(): the awaited future gets null, send(a): a, throwIn(b): fails with b, close(): task.cancel(),"
                + " hasNext(): task.cancel() twice\n";
    }

    // ---- async generator mode ----
    // The same trees as async generators without subgenerators (yield from is not allowed in
    // one; delegation prints as a yield): yields stay yields, and the awaits of coroutine mode come
    // between them, a yield of kind 4 awaiting a future the loop completes soon. The reference R<k>
    // is the ThreadGen of generator mode, the awaits printed as their outcomes.

    /** The Weft async generator class {@code W<k>} and the reference class {@code R<k>} of program {@code k}. */
    static String asyncGeneratorClasses(int k, Program p, int release) {
        return asyncGeneratorClass(true, "W" + k, p, release) + "\n" + asyncGeneratorClass(false, "R" + k, p, release);
    }

    static String asyncGeneratorClass(boolean weft, String name, Program p, int release) {
        StringBuilder s = new StringBuilder("final class " + name + " {\n");
        if (p.instance) {
            s.append("    int f = 3;\n");
        }
        Printer pr = new Printer(weft, name, "m", 0, 0, weft ? 2 : 3);
        pr.asyncGen = true;
        pr.instance = p.instance;
        pr.release = release;
        pr.line(INIT);
        if (pr.block(p.body)) {
            pr.line(weft ? "return AsyncGenerator.done();" : "return null;");
        }
        String mods = p.instance ? "" : "static ";
        if (weft) {
            s.append("    @Async\n    ").append(mods).append("AsyncGenerator<Object, Object> main(List<String> t, int p0, int p1) {\n")
                    .append(pr.out).append("    }\n");
        } else {
            s.append("    ").append(mods).append("Generator<Object, Object, Object> main(List<String> t, int p0, int p1) {\n")
                    .append("        return new ThreadGen(g -> {\n").append(pr.out).append("        });\n    }\n");
        }
        return s.append("}\n").toString();
    }

    /** An async generator program for a failure report: the Weft source, the arguments, and the consumer's script. */
    static String describeAsyncGenerator(Program p, int release) {
        return asyncGeneratorClass(true, "Repro", p, release) + "// " + (p.instance ? "new Repro()." : "") + "main(t, " + p.p0 + ", " + p.p1
                + ") on an event loop, then: " + p.script.stream().map(Object::toString).collect(Collectors.joining(", "))
                + ", then aclose()\n// next(): anext(), send(a): asend(a), throwIn(b): athrow(b), close(): aclose(), hasNext(): hasNext()\n";
    }

    /**
     * A coroutine's other awaits, for two kinds of yields: of a pending {@code CompletableFuture}
     * (kind 4; the driver settles it like a pending Weft future), of a Weft future done already
     * (kind 5, must not suspend); {@code null} for other kinds (they await a pending Weft future).
     */
    private String awaitOther(Yield y) {
        int kind = Math.floorMod(y.kind, 6);
        if (!(coroutine || asyncGen) || kind < 4) {
            return null;
        }
        String v = yieldValue(y.kind, y.e);
        if (kind == 4 && asyncGen) {
            return weft ? "Weft.await(Awaits.soon(" + v + "))" : "Awaits.same(" + v + ")";
        }
        if (kind == 4) {
            return weft ? "Weft.await(Awaits.pendingStage(" + v + "))" : "c.suspend(" + v + ")";
        }
        return weft ? "Weft.await(Awaits.done(" + v + "))" : "Awaits.same(" + v + ")";
    }

    /**
     * A coroutine's awaits of done and failed futures, for {@code yieldFrom(list)} by the list's
     * size: {@code sleep(0)}; a done {@code CompletableFuture}; a done Weft future then a done
     * {@code CompletableFuture}; a failed Weft future (third element a literal) or a failed
     * {@code CompletableFuture}. Done values go into {@code s0}.
     */
    private void awaitsNow(List<Expr> elems) {
        switch (Math.min(elems.size(), 3)) {
            case 0:
                line(weft ? "Weft.await(Weft.sleep(0));" : "// await(sleep(0)): nothing to see");
                break;
            case 1:
                line("s0 = Rt.cut(s0 + " + (weft ? "Weft.await(Awaits.doneStage(" : "Awaits.same((") + expr(elems.get(0)) + ")));");
                break;
            case 2:
                line("s0 = Rt.cut(s0 + " + (weft ? "Weft.await(Awaits.done(" : "Awaits.same((") + expr(elems.get(0)) + ")));");
                line("s0 = Rt.cut(s0 + " + (weft ? "Weft.await(Awaits.doneStage(" : "Awaits.same((") + expr(elems.get(1)) + ")));");
                break;
            default:
                String failed = elems.get(2) instanceof Lit ? "failed(" : "failedStage(";
                line((weft ? "Weft.await(Awaits." + failed : "Awaits.raise(") + expr(elems.get(0)) + (weft ? "));" : ");"));
        }
    }

    /** A coroutine's {@code x = val(await(sub(...)))}: the reference calls the sub-coroutine's method. */
    private String awaitSub(int sub, String arg, String x) {
        return weft ? "Weft.await(sub" + sub + "(t, " + arg + ", " + x + "))" : refClass + ".sub" + sub + "(c, t, " + arg + ", " + x + ")";
    }

    // ---- statements ----

    /** Prints the statements that are reachable; returns whether the block can complete normally. */
    private boolean block(List<Stmt> stmts) {
        for (Stmt s : stmts) {
            if (!stmt(s)) {
                return false;
            }
        }
        return true;
    }

    private boolean braced(String head, List<Stmt> body, String tail) {
        line(head + " {");
        indent++;
        boolean completes = block(body);
        indent--;
        line("}" + tail);
        return completes;
    }

    private boolean stmt(Stmt s) {
        if (s instanceof Yield) {
            Yield y = (Yield) s;
            String other = awaitOther(y);
            line((other != null ? other : yield(yieldValue(y.kind, y.e))) + ";");
            if (asyncGen && other == null) {
                // an await after each yield statement: a suspension between two yields, in turn a future the loop completes and sleep(0)
                line(!weft ? "// await" : awaitsAfterYields++ % 2 == 0 ? "Weft.await(Awaits.soon(null));" : "Weft.await(Weft.sleep(0));");
            }
            return true;
        }
        if (s instanceof YieldAssign) {
            YieldAssign y = (YieldAssign) s;
            line(yieldAssign(y) + ";");
            return true;
        }
        if (s instanceof YieldFromSub) {
            YieldFromSub y = (YieldFromSub) s;
            if (subCount == 0) {
                line(yield(expr(y.arg)) + ";");
                return true;
            }
            String x = "x" + (y.target & 3);
            int sub = subBase + Math.floorMod(y.sub, subCount);
            String made = (weft ? "sub" : refClass + ".sub") + sub + "(t, " + expr(y.arg) + ", " + x + ")";
            if (shared) {
                made = "Rt.share(" + sub + ", " + made + ")";
            }
            String call = coroutine ? awaitSub(sub, expr(y.arg), x) : weft ? "Generator.yieldFrom(" + made + ")" : "g.yieldFrom(" + made + ")";
            line(x + " = Rt.val(" + call + ");");
            return true;
        }
        if (s instanceof YieldFromList && (coroutine || asyncGen)) {
            awaitsNow(((YieldFromList) s).elems);
            return true;
        }
        if (s instanceof YieldFromList) {
            String list = "Arrays.asList(new Object[] {"
                    + ((YieldFromList) s).elems.stream().map(this::expr).collect(Collectors.joining(", ")) + "})";
            line((weft ? "Generator.yieldFrom(" : "g.yieldFromIterable(") + list + ");");
            return true;
        }
        if (s instanceof Assign) {
            Assign a = (Assign) s;
            String e = expr(a.e);
            switch (Math.floorMod(a.target, 7)) {
                case 4: line("l0 = l0 * 31 + " + e + ";"); break;
                case 5: line("d0 = d0 * 0.5 + " + e + ";"); break;
                case 6: line("s0 = Rt.cut(s0 + " + e + ");"); break;
                default: line("x" + (a.target & 3) + " = " + e + ";");
            }
            return true;
        }
        if (s instanceof If) {
            If i = (If) s;
            if (i.otherwise.isEmpty()) {
                braced("if (" + cond(i.c) + ")", i.then, "");
                return true;
            }
            boolean a = braced("if (" + cond(i.c) + ")", i.then, "");
            // "} else {" on its own line keeps the printer simple
            boolean b = braced("else", i.otherwise, "");
            return a || b;
        }
        if (s instanceof Loop) {
            return loop((Loop) s);
        }
        if (s instanceof Break) {
            if (breakTargets.isEmpty()) {
                return true; // dropped: nothing to leave
            }
            java.util.Set<Integer> target = breakTargets.get(breakTargets.size() - 1);
            if (target != null) {
                int id = breaks++;
                target.add(id); // the switch can complete normally
                for (List<Object[]> open : openTryBlocks) {
                    open.add(new Object[] {target, id});
                }
            }
            line("break;");
            return false;
        }
        if (s instanceof Continue) {
            if (loops.isEmpty()) {
                return true; // dropped: no loop to go on with
            }
            line("continue;");
            return false;
        }
        if (s instanceof Ast.FieldAdd) {
            String marker = yield(expr(((Ast.FieldAdd) s).e));
            line((instance ? "this.f += " : "x0 += ") + "Rt.val(" + marker + ");");
            return true;
        }
        if (s instanceof Ast.Switch) {
            Ast.Switch w = (Ast.Switch) s;
            int n = w.cases.size();
            java.util.Set<Integer> broke = new java.util.HashSet<>();
            boolean completes = false;
            line("switch (Math.floorMod(" + expr(w.e) + ", " + n + ")) {");
            indent++;
            breakTargets.add(broke);
            for (int k = 0; k < n; k++) {
                line(k == n - 1 ? "default: {" : "case " + k + ": {");
                indent++;
                boolean c = block(w.cases.get(k));
                if (c) {
                    line("break;");
                    completes = true;
                }
                indent--;
                line("}");
            }
            breakTargets.remove(breakTargets.size() - 1);
            indent--;
            line("}");
            return completes || !broke.isEmpty();
        }
        if (s instanceof Throw) {
            line("throw new Boom(" + expr(((Throw) s).e) + ");");
            return false;
        }
        if (s instanceof Return) {
            Return r = (Return) s;
            if (weft && asyncGen) {
                line("return AsyncGenerator.done();"); // an async generator returns no value
            } else if (asyncGen) {
                line("return null;");
            } else if (weft) {
                String api = coroutine ? "Coroutine" : "Generator";
                line(r.e == null ? "return " + api + ".done();" : "return " + api + ".returning(" + expr(r.e) + ");");
            } else {
                line(r.e == null ? "return null;" : "return " + expr(r.e) + ";");
            }
            return false;
        }
        if (s instanceof Try) {
            return tryStmt((Try) s);
        }
        if (s instanceof TryRes) {
            int n = fresh++;
            return braced("try (Rt.Res r" + n + " = new Rt.Res(t, \"" + tagPrefix + "r" + n + "\"))", ((TryRes) s).body, "");
        }
        if (s instanceof Ast.Labelled) {
            return labelled((Ast.Labelled) s);
        }
        if (s instanceof Ast.Jump) {
            return jump((Ast.Jump) s);
        }
        if (s instanceof Ast.ForEach) {
            return forEach((Ast.ForEach) s);
        }
        if (s instanceof Ast.Compound) {
            compound((Ast.Compound) s);
            return true;
        }
        if (s instanceof Ast.KeySwitch) {
            Ast.KeySwitch w = (Ast.KeySwitch) s;
            List<String> names = new ArrayList<>();
            for (int k = 0; k < w.cases.size() - 1; k++) {
                names.add(w.onEnum ? Rt.Color.values()[k % 3].name() : "\"" + Rt.key(k) + "\"");
            }
            return cases((w.onEnum ? "switch (Rt.color(" : "switch (Rt.key(") + expr(w.e) + "))", names, w.cases);
        }
        if (s instanceof Ast.SwitchExpr) {
            switchExpr((Ast.SwitchExpr) s);
            return true;
        }
        if (s instanceof Ast.IfLogic) {
            Ast.IfLogic i = (Ast.IfLogic) s;
            String head = "if ((" + cond(i.a) + ") " + (i.op == '&' ? "&&" : "||") + " (" + cond(i.b) + "))";
            boolean a = braced(head, i.then, "");
            boolean b = braced("else", i.otherwise, "");
            return a || b;
        }
        if (s instanceof Ast.Rethrow) {
            Ast.Rethrow r = (Ast.Rethrow) s;
            int kind = Math.floorMod(r.kind, 3);
            if (caught.isEmpty() || kind == 2) {
                line(kind == 2 ? "throw new Boom(" + expr(r.e) + ");" : "throw new IllegalArgumentException(String.valueOf(" + expr(r.e) + "));");
            } else {
                String e = caught.get(caught.size() - 1);
                line(kind == 0 ? "throw new IllegalArgumentException(" + e + ");" : "throw " + e + ";");
            }
            return false;
        }
        if (s instanceof Ast.MultiCatch) {
            Ast.MultiCatch m = (Ast.MultiCatch) s;
            int n = fresh++;
            String e = "e" + n;
            boolean completes = braced("try", m.body, "");
            line("catch (Boom | IllegalArgumentException " + e + ") {");
            indent++;
            line("t.add(\"" + tagPrefix + "c" + n + ":\" + " + e + ".getClass().getSimpleName());");
            caught.add(e);
            completes |= block(m.handler);
            caught.remove(caught.size() - 1);
            indent--;
            line("}");
            return completes;
        }
        if (s instanceof Ast.Local) {
            return local((Ast.Local) s);
        }
        throw new IllegalArgumentException("unknown statement " + s);
    }

    private boolean labelled(Ast.Labelled l) {
        int n = fresh++;
        String i = "i" + n;
        int bound = Math.floorMod(l.bound, 4);
        int kind = Math.floorMod(l.kind, 4);
        Label label = new Label("lb" + n, kind != 3);
        labels.add(label);
        boolean completes = true; // a loop's condition is never constant, and for (;;) starts with a break
        if (kind == 3) {
            completes = braced(label.name + ":", l.body, "") || !label.broke.isEmpty();
        } else {
            loops.add(i);
            breakTargets.add(null);
            if (kind == 0) {
                braced(label.name + ": for (int " + i + " = 0; " + i + " < " + bound + "; " + i + "++)", l.body, "");
            } else if (kind == 1) {
                line(label.name + ": for (int " + i + " = 0;; " + i + "++) {");
                indent++;
                line("if (" + i + " >= " + bound + ") break;");
                block(l.body);
                indent--;
                line("}");
            } else {
                line("int " + i + " = 0;");
                line(label.name + ": while (" + i + " < " + bound + ") {");
                indent++;
                line(i + "++;");
                block(l.body);
                indent--;
                line("}");
            }
            loops.remove(loops.size() - 1);
            breakTargets.remove(breakTargets.size() - 1);
        }
        labels.remove(labels.size() - 1);
        return completes;
    }

    private boolean jump(Ast.Jump j) {
        List<Label> targets = new ArrayList<>();
        for (Label l : labels) {
            if (l.loop || !j.isContinue) {
                targets.add(l);
            }
        }
        if (targets.isEmpty()) {
            return true; // dropped: no label to go to
        }
        Label target = targets.get(targets.size() - 1 - Math.floorMod(j.target, targets.size()));
        if (!target.loop) {
            int id = breaks++;
            target.broke.add(id); // the labelled block can complete normally
            for (List<Object[]> open : openTryBlocks) {
                open.add(new Object[] {target.broke, id});
            }
        }
        line((j.isContinue ? "continue " : "break ") + target.name + ";");
        return false;
    }

    private boolean forEach(Ast.ForEach f) {
        int n = fresh++;
        String v = "e" + n;
        List<String> elems = new ArrayList<>();
        for (Expr e : f.elems) {
            elems.add(expr(e));
        }
        String head;
        String counter;
        switch (Math.floorMod(f.kind, 5)) {
            case 1:
                head = "String " + v + " : new String[] {" + elems.stream().map(e -> "\"e\" + " + e).collect(Collectors.joining(", ")) + "}";
                counter = v + ".length()";
                break;
            case 2:
                List<String> mixed = new ArrayList<>();
                for (int k = 0; k < elems.size(); k++) {
                    mixed.add(k % 3 == 0 ? elems.get(k) : k % 3 == 1 ? "\"o\" + " + elems.get(k) : "null");
                }
                head = "Object " + v + " : new Object[] {" + String.join(", ", mixed) + "}";
                counter = "Rt.num(" + v + ")";
                break;
            case 3:
                head = "Integer " + v + " : Arrays.asList(new Integer[] {" + String.join(", ", elems) + "})";
                counter = v;
                break;
            case 4:
                head = "long " + v + " : new long[] {" + String.join(", ", elems) + "}";
                counter = "(int) " + v;
                break;
            default:
                head = "int " + v + " : new int[] {" + String.join(", ", elems) + "}";
                counter = v;
        }
        loops.add(counter);
        breakTargets.add(null);
        braced("for (" + head + ")", f.body, "");
        loops.remove(loops.size() - 1);
        breakTargets.remove(breakTargets.size() - 1);
        return true;
    }

    private void compound(Ast.Compound c) {
        String x = "x" + (c.target & 3);
        String e = expr(c.e);
        int n = fresh++;
        String a = "a" + n;
        switch (Math.floorMod(c.kind, 7)) {
            case 1: line("l0 -= " + e + ";"); break;
            case 2: line("d0 += " + e + ";"); break;
            case 3:
                line("s0 += " + e + ";");
                line("s0 = Rt.cut(s0);");
                break;
            case 4:
                line("int[] " + a + " = {x0, x1, x2};");
                line(a + "[Math.floorMod(" + x + ", 3)] += " + e + ";");
                line(x + " = " + a + "[0] + " + a + "[1] * 3 + " + a + "[2] * 5;");
                break;
            case 5:
                line("int[] " + a + " = {x0, x1, x2};");
                line(a + "[Math.floorMod(" + e + ", 3)]++;");
                line(x + " = " + a + "[0] + " + a + "[1] * 3 + " + a + "[2] * 5;");
                break;
            case 6: line(x + " = " + x + "++ + " + e + ";"); break;
            default: line(x + " += " + e + ";");
        }
    }

    /** A switch with the case labels given and a {@code default} last; like {@link Ast.Switch}'s. */
    private boolean cases(String head, List<String> labels, List<List<Stmt>> cases) {
        int n = cases.size();
        java.util.Set<Integer> broke = new java.util.HashSet<>();
        boolean completes = false;
        line(head + " {");
        indent++;
        breakTargets.add(broke);
        for (int k = 0; k < n; k++) {
            line(k == n - 1 ? "default: {" : "case " + labels.get(k) + ": {");
            indent++;
            if (block(cases.get(k))) {
                line("break;");
                completes = true;
            }
            indent--;
            line("}");
        }
        breakTargets.remove(breakTargets.size() - 1);
        indent--;
        line("}");
        return completes || !broke.isEmpty();
    }

    private void switchExpr(Ast.SwitchExpr w) {
        int n = w.arms.size();
        String x = "x" + (w.target & 3);
        String tag = tagPrefix + "w" + fresh++;
        boolean modern = release >= 14;
        line((modern ? x + " += switch" : "switch") + " (Math.floorMod(" + expr(w.e) + ", " + n + ")) {");
        indent++;
        for (int k = 0; k < n; k++) {
            String label = k == n - 1 ? "default" : "case " + k;
            String arm = expr(w.arms.get(k));
            boolean block = k % 2 == 1;
            if (modern) {
                line(label + " -> " + (block ? "{ t.add(\"" + tag + "\"); yield " + arm + "; }" : arm + ";"));
            } else {
                line(label + ": " + (block ? "t.add(\"" + tag + "\"); " : "") + x + " += " + arm + "; break;");
            }
        }
        indent--;
        line(modern ? "};" : "}");
    }

    /** See {@link Ast.Local}: a block with a local of one of nine types, read after the body. */
    private boolean local(Ast.Local l) {
        String v = "v" + fresh++;
        String c = cond(l.c);
        String e = expr(l.e);
        line("{");
        indent++;
        switch (Math.floorMod(l.type, 9)) {
            case 0: line("long " + v + " = l0 + " + e + ";"); break;
            case 1: line("double " + v + " = d0 + " + e + ";"); break;
            case 2: line("String " + v + " = \"v\" + " + e + ";"); break;
            case 3: line("String " + v + " = null;"); break;
            case 4: line("Number " + v + " = " + c + " ? (Number) Integer.valueOf(" + e + ") : Long.valueOf(l0);"); break;
            case 5:
                line("Number " + v + ";");
                line("if (" + c + ") " + v + " = " + e + "; else " + v + " = l0;");
                break;
            case 6: line("Object " + v + " = " + c + " ? \"s\" + " + e + " : new int[] {" + e + ", x1};"); break;
            case 7: line("int[] " + v + " = {" + e + ", x1};"); break;
            default:
                line("Object " + v + ";");
                line("if (" + c + ") " + v + " = s0; else " + v + " = new long[] {l0, " + e + "};");
        }
        boolean completes = block(l.body);
        if (completes) {
            line("x2 = x2 * 3 + Rt.num(" + v + ");");
        }
        indent--;
        line("}");
        return completes;
    }

    private boolean loop(Loop l) {
        int n = fresh++;
        String i = "i" + n;
        int bound = Math.floorMod(l.bound, 4);
        boolean completes = true; // the conditions are never constant, and do-while gets an exit first
        loops.add(i);
        breakTargets.add(null);
        switch (Math.floorMod(l.kind, 3)) {
            case 0:
                line("int " + i + " = 0;");
                line("while (" + i + " < " + bound + ") {");
                indent++;
                line(i + "++;");
                block(l.body);
                indent--;
                line("}");
                break;
            case 1:
                braced("for (int " + i + " = 0; " + i + " < " + bound + "; " + i + "++)", l.body, "");
                break;
            default:
                line("int " + i + " = 0;");
                line("do {");
                indent++;
                line(i + "++;");
                line("if (" + i + " > 3) break;");
                block(l.body);
                indent--;
                line("} while (" + i + " < " + bound + ");");
        }
        loops.remove(loops.size() - 1);
        breakTargets.remove(breakTargets.size() - 1);
        return completes;
    }

    private boolean tryStmt(Try t) {
        int n = fresh++;
        List<Object[]> inTryBlock = new ArrayList<>();
        openTryBlocks.add(inTryBlock);
        boolean completes = braced("try", t.body, "");
        boolean[] seen = new boolean[3];
        int[] order = {0, 2, 1}; // Boom and GeneratorExit before RuntimeException, which would hide Boom
        boolean anyCatch = false;
        for (int kind : order) {
            for (Catch c : t.catches) {
                int k = Math.floorMod(c.kind, 3);
                if (k != kind || seen[k]) {
                    continue;
                }
                seen[k] = true;
                anyCatch = true;
                String e = "e" + n + "_" + k;
                String tag = tagPrefix + "c" + n;
                switch (k) {
                    case 0:
                        line("catch (Boom " + e + ") {");
                        indent++;
                        line("t.add(\"" + tag + ":\" + " + e + ".v);");
                        line("x3 = " + e + ".v;");
                        break;
                    case 2:
                        line("catch (" + (coroutine ? "java.util.concurrent.CancellationException " : "GeneratorExit ") + e + ") {");
                        indent++;
                        line("t.add(\"" + tag + ":exit\");");
                        break;
                    default:
                        line("catch (RuntimeException " + e + ") {");
                        indent++;
                        line("t.add(\"" + tag + ":\" + " + e + ".getClass().getSimpleName());");
                }
                caught.add(e);
                completes |= block(c.body);
                caught.remove(caught.size() - 1);
                indent--;
                line("}");
            }
        }
        openTryBlocks.remove(openTryBlocks.size() - 1);
        List<Stmt> fin = t.fin;
        if (fin == null && !anyCatch) {
            fin = List.of();
        }
        if (fin != null) {
            line("finally {");
            indent++;
            line("t.add(\"" + tagPrefix + "f" + n + "\");");
            boolean finCompletes = block(fin);
            indent--;
            line("}");
            completes &= finCompletes;
            if (!finCompletes) {
                for (Object[] b : inTryBlock) {
                    @SuppressWarnings("unchecked")
                    java.util.Set<Integer> target = (java.util.Set<Integer>) b[0];
                    target.remove((Integer) b[1]);
                }
            }
        }
        return completes;
    }

    // ---- expressions ----

    private String yield(String value) {
        if (coroutine) {
            return weft ? "Weft.await(Awaits.pending(" + value + "))" : "c.suspend(" + value + ")";
        }
        return (weft ? "Generator.yield(" : "g.yield(") + value + ")";
    }

    private String yieldValue(int kind, Expr e) {
        switch (Math.floorMod(kind, 4)) {
            case 1: return "l0";
            case 2: return "d0";
            case 3: return "s0";
            default: return expr(e);
        }
    }

    private String yieldAssign(YieldAssign y) {
        String marker = yield(expr(y.e));
        String mix = "Rt.mix(x0, l0, d0, s0, " + marker + ")";
        int shape = Math.floorMod(y.shape, 3);
        switch (Math.floorMod(y.target, 7)) {
            case 4:
                return "l0 = " + (shape == 0 ? "Rt.val(" + marker + ")" : shape == 1 ? "l0 * 3 + Rt.val(" + marker + ")" : mix);
            case 5:
                return "d0 = " + (shape == 0 ? "Rt.val(" + marker + ") * 0.25" : shape == 1 ? "d0 * 0.5 + Rt.val(" + marker + ")" : mix);
            case 6:
                return "s0 = " + (shape == 0 ? "String.valueOf((Object) " + marker + ")" : shape == 1 ? "Rt.cut(s0 + " + marker + ")" : "Rt.cut(s0 + " + mix + ")");
            default:
                String x = "x" + (y.target & 3);
                return x + " = " + (shape == 0 ? "Rt.val(" + marker + ")" : shape == 1 ? x + " + Rt.val(" + marker + ")" : mix);
        }
    }

    private String expr(Expr e) {
        if (e instanceof Lit) {
            return Integer.toString(((Lit) e).v);
        }
        if (e instanceof Var) {
            return "x" + (((Var) e).i & 3);
        }
        if (e instanceof Ctr) {
            return loops.isEmpty() ? "1" : loops.get(loops.size() - 1 - Math.floorMod(((Ctr) e).i, loops.size()));
        }
        if (e instanceof Other) {
            switch (Math.floorMod(((Other) e).kind, 5)) {
                case 0: return "(int) (l0 % 1000)";
                case 1: return "(int) d0";
                case 2: return "s0.length()";
                case 4: return instance ? "f" : "p1";
                default: return "p1";
            }
        }
        if (e instanceof Bin) {
            Bin b = (Bin) e;
            return "(" + expr(b.a) + " " + b.op + " " + expr(b.b) + ")";
        }
        if (e instanceof Ast.Sent) {
            return "Rt.val(" + yield(expr(((Ast.Sent) e).e)) + ")";
        }
        if (e instanceof Ast.Pick) {
            Ast.Pick p = (Ast.Pick) e;
            return "(" + cond(p.c) + " ? " + expr(p.a) + " : " + expr(p.b) + ")";
        }
        if (e instanceof Ast.Make) {
            Ast.Make m = (Ast.Make) e;
            return "new Rt.Box(" + expr(m.a) + ", " + expr(m.b) + ", " + expr(m.c) + ").sum()";
        }
        throw new IllegalArgumentException("unknown expression " + e);
    }

    private String cond(Cond c) {
        switch (c.op) {
            case '<': return expr(c.a) + " < " + expr(c.b);
            case '=': return expr(c.a) + " == " + expr(c.b);
            case '!': return expr(c.a) + " != " + expr(c.b);
            default: return expr(c.a) + " % 2 == 0";
        }
    }

    private void line(String s) {
        for (int i = 0; i < indent; i++) {
            out.append("    ");
        }
        out.append(s).append('\n');
    }
}
