package dev.weft.transform.property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Random generator programs: a small statement language over int, long, double and String
 * locals. Nodes are context-free (a {@code break} outside a loop, a counter of a loop that is not
 * there): {@link Printer} gives every tree a valid Java meaning, so generated and shrunk trees
 * always compile.
 */
final class Ast {
    private Ast() {
    }

    // ---- int expressions ----

    interface Expr {
    }

    static final class Lit implements Expr {
        final int v;

        Lit(int v) {
            this.v = v;
        }
    }

    /** The int local {@code x(i % 4)}. */
    static final class Var implements Expr {
        final int i;

        Var(int i) {
            this.i = i;
        }
    }

    /** The counter of an enclosing loop ({@code i} modulo the depth), or 1 outside loops. */
    static final class Ctr implements Expr {
        final int i;

        Ctr(int i) {
            this.i = i;
        }
    }

    /**
     * An int read from another local: {@code (int) (l0 % 1000)}, {@code (int) d0},
     * {@code s0.length()}, {@code p1}, or the field {@code f} (in an instance method; else {@code p1}).
     */
    static final class Other implements Expr {
        final int kind;

        Other(int kind) {
            this.kind = kind;
        }
    }

    static final class Bin implements Expr {
        final char op;
        final Expr a;
        final Expr b;

        Bin(char op, Expr a, Expr b) {
            this.op = op;
            this.a = a;
            this.b = b;
        }
    }

    /** {@code a < b}, {@code a == b}, {@code a != b} or {@code a % 2 == 0} (op {@code '%'}). */
    static final class Cond {
        final char op;
        final Expr a;
        final Expr b;

        Cond(char op, Expr a, Expr b) {
            this.op = op;
            this.a = a;
            this.b = b;
        }
    }

    // ---- statements ----

    interface Stmt {
    }

    /** {@code Generator.yield(...)} of an int expression (kind 0), of {@code l0} (1), {@code d0} (2) or {@code s0} (3). */
    static final class Yield implements Stmt {
        final int kind;
        final Expr e;

        Yield(int kind, Expr e) {
            this.kind = kind;
            this.e = e;
        }
    }

    /**
     * A local assigned from the value sent in, in one of several shapes that leave values on
     * the operand stack (see {@link Printer}).
     */
    static final class YieldAssign implements Stmt {
        final int target;
        final int shape;
        final Expr e;

        YieldAssign(int target, int shape, Expr e) {
            this.target = target;
            this.shape = shape;
            this.e = e;
        }
    }

    /** {@code x = val(Generator.yieldFrom(sub(arg)))}: delegation to one of the program's subgenerators. */
    static final class YieldFromSub implements Stmt {
        final int sub;
        final Expr arg;
        final int target;

        YieldFromSub(int sub, Expr arg, int target) {
            this.sub = sub;
            this.arg = arg;
            this.target = target;
        }
    }

    /** {@code Generator.yieldFrom(Arrays.asList(...))}. */
    static final class YieldFromList implements Stmt {
        final List<Expr> elems;

        YieldFromList(List<Expr> elems) {
            this.elems = elems;
        }
    }

    /** A local assigned from an expression: {@code x0..x3} (0-3), {@code l0} (4), {@code d0} (5), {@code s0} (6). */
    static final class Assign implements Stmt {
        final int target;
        final Expr e;

        Assign(int target, Expr e) {
            this.target = target;
            this.e = e;
        }
    }

    static final class If implements Stmt {
        final Cond c;
        final List<Stmt> then;
        final List<Stmt> otherwise;

        If(Cond c, List<Stmt> then, List<Stmt> otherwise) {
            this.c = c;
            this.then = then;
            this.otherwise = otherwise;
        }
    }

    /** A loop of at most {@code bound} turns: {@code while} (kind 0), {@code for} (1) or {@code do-while} (2). */
    static final class Loop implements Stmt {
        final int kind;
        final int bound;
        final List<Stmt> body;

        Loop(int kind, int bound, List<Stmt> body) {
            this.kind = kind;
            this.bound = bound;
            this.body = body;
        }
    }

    static final class Break implements Stmt {
    }

    static final class Continue implements Stmt {
    }

    static final class Throw implements Stmt {
        final Expr e;

        Throw(Expr e) {
            this.e = e;
        }
    }

    /** {@code return Generator.returning(e)}, or {@code return Generator.done()} when {@code e} is null. */
    static final class Return implements Stmt {
        final Expr e;

        Return(Expr e) {
            this.e = e;
        }
    }

    /** Catch kinds: {@code Boom} (0), {@code RuntimeException} (1), {@code GeneratorExit} (2). */
    static final class Catch {
        final int kind;
        final List<Stmt> body;

        Catch(int kind, List<Stmt> body) {
            this.kind = kind;
            this.body = body;
        }
    }

    /** {@code try}/{@code catch}/{@code finally}; {@code fin} null means no finally. */
    static final class Try implements Stmt {
        final List<Stmt> body;
        final List<Catch> catches;
        final List<Stmt> fin;

        Try(List<Stmt> body, List<Catch> catches, List<Stmt> fin) {
            this.body = body;
            this.catches = catches;
            this.fin = fin;
        }
    }

    /** {@code switch (floorMod(e, n))} over {@code n} case blocks, the last one {@code default}. */
    static final class Switch implements Stmt {
        final Expr e;
        final List<List<Stmt>> cases;

        Switch(Expr e, List<List<Stmt>> cases) {
            this.e = e;
            this.cases = cases;
        }
    }

    /** {@code this.f = this.f + e} (in an instance method; {@code x0 = x0 + e} in a static one). */
    static final class FieldAdd implements Stmt {
        final Expr e;

        FieldAdd(Expr e) {
            this.e = e;
        }
    }

    /** {@code try (Rt.Res r = ...) { body }}: the resource's closing is traced. */
    static final class TryRes implements Stmt {
        final List<Stmt> body;

        TryRes(List<Stmt> body) {
            this.body = body;
        }
    }

    // ---- the consumer ----

    /** One call of the consumer: next (0), send(arg) (1), throwIn(new Boom(arg)) (2), close (3), hasNext (4). */
    static final class Op {
        final int kind;
        final int arg;

        Op(int kind, int arg) {
            this.kind = kind;
            this.arg = arg;
        }

        @Override
        public String toString() {
            switch (kind) {
                case 0: return "next()";
                case 1: return "send(" + arg + ")";
                case 2: return "throwIn(new Boom(" + arg + "))";
                case 4: return "hasNext()";
                default: return "close()";
            }
        }
    }

    /**
     * A generator program: its body, its subgenerators' bodies (subgenerator j may delegate to
     * those after it, so chains are up to three deep), its two int parameters, and the consumer's script. */
    static final class Program {
        final List<Stmt> body;
        final List<List<Stmt>> subs;
        final int p0;
        final int p1;
        final List<Op> script;
        /** Whether main is an instance method (with {@code this} and the field {@code f} live across yields). */
        final boolean instance;

        Program(List<Stmt> body, List<List<Stmt>> subs, int p0, int p1, List<Op> script) {
            this(body, subs, p0, p1, script, false);
        }

        Program(List<Stmt> body, List<List<Stmt>> subs, int p0, int p1, List<Op> script, boolean instance) {
            this.instance = instance;
            this.body = Collections.unmodifiableList(new ArrayList<>(body));
            this.subs = Collections.unmodifiableList(new ArrayList<>(subs));
            this.p0 = p0;
            this.p1 = p1;
            this.script = Collections.unmodifiableList(new ArrayList<>(script));
        }

        Program withBody(List<Stmt> b) {
            return new Program(b, subs, p0, p1, script, instance);
        }

        Program withSubs(List<List<Stmt>> s) {
            return new Program(body, s, p0, p1, script, instance);
        }

        Program withScript(List<Op> s) {
            return new Program(body, subs, p0, p1, s, instance);
        }

        Program withParams(int a, int b, boolean inst) {
            return new Program(body, subs, a, b, script, inst);
        }

        @Override
        public String toString() {
            return Printer.describe(this);
        }
    }
}
