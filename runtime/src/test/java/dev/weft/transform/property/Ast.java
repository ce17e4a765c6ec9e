package dev.weft.transform.property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Random generator programs: a small statement language over int, long, double and String
 * locals, covering what javac emits around suspension points (labels, for-each, switches on
 * ints, Strings and enums, switch expressions, markers inside ternaries, conditions, compound
 * assignments and {@code new}, jumps out of finally blocks, locals whose type changes across
 * branches or scopes). Nodes are context-free (a {@code break} outside a loop, a counter of a
 * loop that is not there): {@link Printer} gives every tree a valid Java meaning, so generated
 * and shrunk trees always compile.
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

    /** {@code Rt.val(yield(e))}: the value sent in, as an int, inside any expression. */
    static final class Sent implements Expr {
        final Expr e;

        Sent(Expr e) {
            this.e = e;
        }
    }

    /** {@code (c ? a : b)}. */
    static final class Pick implements Expr {
        final Cond c;
        final Expr a;
        final Expr b;

        Pick(Cond c, Expr a, Expr b) {
            this.c = c;
            this.a = a;
            this.b = b;
        }
    }

    /** {@code new Rt.Box(a, b, c).sum()}: an object made from arguments that may suspend (the second is a long). */
    static final class Make implements Expr {
        final Expr a;
        final Expr b;
        final Expr c;

        Make(Expr a, Expr b, Expr c) {
            this.a = a;
            this.b = b;
            this.c = c;
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

    /**
     * A labelled statement: {@code for} (kind 0), {@code for (;;)} left by a {@code break} at
     * its top (1), {@code while} (2), or a plain block (3) that only {@link Jump} leaves early.
     */
    static final class Labelled implements Stmt {
        final int kind;
        final int bound;
        final List<Stmt> body;

        Labelled(int kind, int bound, List<Stmt> body) {
            this.kind = kind;
            this.bound = bound;
            this.body = body;
        }
    }

    /** {@code break label} or {@code continue label} to an enclosing {@link Labelled} ({@code target} counts outwards). */
    static final class Jump implements Stmt {
        final boolean isContinue;
        final int target;

        Jump(boolean isContinue, int target) {
            this.isContinue = isContinue;
            this.target = target;
        }
    }

    /** For-each over an {@code int[]} (kind 0), {@code String[]} (1), {@code Object[]} (2), a {@code List<Integer>} (3), a {@code long[]} (4). */
    static final class ForEach implements Stmt {
        final int kind;
        final List<Expr> elems;
        final List<Stmt> body;

        ForEach(int kind, List<Expr> elems, List<Stmt> body) {
            this.kind = kind;
            this.elems = elems;
            this.body = body;
        }
    }

    /**
     * A compound assignment or increment whose operand may suspend: {@code x += e} (kind 0),
     * {@code l0 -= e} (1), {@code d0 += e} (2), {@code s0 += e} (3), {@code a[i] += e} (4),
     * {@code a[e]++} (5), {@code x = x++ + e} (6).
     */
    static final class Compound implements Stmt {
        final int kind;
        final int target;
        final Expr e;

        Compound(int kind, int target, Expr e) {
            this.kind = kind;
            this.target = target;
            this.e = e;
        }
    }

    /** A switch on {@code Rt.key(e)} (a String; "Aa" and "BB" share a hash code) or, if {@code onEnum}, on {@code Rt.color(e)}. */
    static final class KeySwitch implements Stmt {
        final boolean onEnum;
        final Expr e;
        final List<List<Stmt>> cases;

        KeySwitch(boolean onEnum, Expr e, List<List<Stmt>> cases) {
            this.onEnum = onEnum;
            this.e = e;
            this.cases = cases;
        }
    }

    /**
     * {@code x += switch (floorMod(e, n)) { case k -> arm; ... }} from Java 14 on (odd arms are
     * blocks that trace and {@code yield}); the same as a classic switch statement before.
     */
    static final class SwitchExpr implements Stmt {
        final int target;
        final Expr e;
        final List<Expr> arms;

        SwitchExpr(int target, Expr e, List<Expr> arms) {
            this.target = target;
            this.e = e;
            this.arms = arms;
        }
    }

    /** {@code if (a && b)} ({@code op '&'}) or {@code if (a || b)}: either side may suspend. */
    static final class IfLogic implements Stmt {
        final char op;
        final Cond a;
        final Cond b;
        final List<Stmt> then;
        final List<Stmt> otherwise;

        IfLogic(char op, Cond a, Cond b, List<Stmt> then, List<Stmt> otherwise) {
            this.op = op;
            this.a = a;
            this.b = b;
            this.then = then;
            this.otherwise = otherwise;
        }
    }

    /**
     * In a catch block, throws something else: {@code new IllegalArgumentException(caught)}
     * (kind 0), the caught exception itself (1), or {@code new Boom(e)} (2); outside one, an
     * {@code IllegalArgumentException}.
     */
    static final class Rethrow implements Stmt {
        final int kind;
        final Expr e;

        Rethrow(int kind, Expr e) {
            this.kind = kind;
            this.e = e;
        }
    }

    /** {@code try { body } catch (Boom | IllegalArgumentException e) { handler }}. */
    static final class MultiCatch implements Stmt {
        final List<Stmt> body;
        final List<Stmt> handler;

        MultiCatch(List<Stmt> body, List<Stmt> handler) {
            this.body = body;
            this.handler = handler;
        }
    }

    /**
     * A block with one local of a type the other locals lack, read after {@code body} so it is
     * live across its suspensions: long, double, String, a null String, a Number that is an
     * Integer or a Long, an Object that is a String or an int[], an int[], ... (see {@link Printer}).
     * Sibling blocks reuse the slot for other types.
     */
    static final class Local implements Stmt {
        final int type;
        final Cond c;
        final Expr e;
        final List<Stmt> body;

        Local(int type, Cond c, Expr e, List<Stmt> body) {
            this.type = type;
            this.c = c;
            this.e = e;
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
        /**
         * Whether two mains run side by side and share their subgenerators (main's {@code yieldFrom}
         * of sub j delegates to the first sub j made in the run): the script's ops go to one main, then the other.
         */
        final boolean shared;

        Program(List<Stmt> body, List<List<Stmt>> subs, int p0, int p1, List<Op> script) {
            this(body, subs, p0, p1, script, false);
        }

        Program(List<Stmt> body, List<List<Stmt>> subs, int p0, int p1, List<Op> script, boolean instance) {
            this(body, subs, p0, p1, script, instance, false);
        }

        Program(List<Stmt> body, List<List<Stmt>> subs, int p0, int p1, List<Op> script, boolean instance, boolean shared) {
            this.instance = instance;
            this.shared = shared;
            this.body = Collections.unmodifiableList(new ArrayList<>(body));
            this.subs = Collections.unmodifiableList(new ArrayList<>(subs));
            this.p0 = p0;
            this.p1 = p1;
            this.script = Collections.unmodifiableList(new ArrayList<>(script));
        }

        Program withBody(List<Stmt> b) {
            return new Program(b, subs, p0, p1, script, instance, shared);
        }

        Program withSubs(List<List<Stmt>> s) {
            return new Program(body, s, p0, p1, script, instance, shared);
        }

        Program withScript(List<Op> s) {
            return new Program(body, subs, p0, p1, s, instance, shared);
        }

        Program withParams(int a, int b, boolean inst) {
            return new Program(body, subs, a, b, script, inst, shared);
        }

        @Override
        public String toString() {
            return Printer.describe(this);
        }
    }
}
