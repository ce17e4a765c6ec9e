package dev.weft.conformance;

import static dev.weft.conformance.Py.list;
import static dev.weft.conformance.Py.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Async;
import dev.weft.Generator;
import dev.weft.conformance.Py.ValueError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * The doctests {@code tutorial_tests}, {@code pep_tests} (PEP 255), {@code email_tests} and
 * {@code syntax_tests} of CPython's {@code Lib/test/test_generators.py}: one test per example
 * (a paragraph of the doctest), named {@code <doctest>_<what it shows>}. What the doctest prints
 * goes to {@link #out}, one string per printed line, and is compared with the doctest's expected
 * output.
 */
class GeneratorsTutorialTest {

    /** What the doctest prints, one element per line. */
    final List<String> out = new ArrayList<>();

    void print(Object line) {
        out.add(String.valueOf(line));
    }

    // ======== tutorial_tests ========

    // ---- Let's try a simple generator; "Falling off the end" stops the generator ----

    @Async
    static Generator<Integer, Object, Void> tutSimpleF() {
        Generator.yield(1);
        Generator.yield(2);
        return Generator.done();
    }

    @Test
    void tut_simple_generator() {
        for (int i : tutSimpleF()) {
            print(i);
        }
        assertThat(out).containsExactly("1", "2");
        Generator<Integer, Object, Void> g = tutSimpleF();
        assertThat(g.next()).isEqualTo(1);
        assertThat(g.next()).isEqualTo(2);
        // "Falling off the end" stops the generator:
        assertThatThrownBy(g::next).isInstanceOf(NoSuchElementException.class);
    }

    // ---- "return" also stops the generator ----

    @Async
    static Generator<Integer, Object, Void> tutReturnF() {
        Generator.yield(1);
        if (true) {
            return Generator.done();
        }
        Generator.yield(2); // never reached
        return Generator.done();
    }

    @Test
    void tut_return_stops_the_generator() {
        Generator<Integer, Object, Void> g = tutReturnF();
        assertThat(g.next()).isEqualTo(1);
        assertThatThrownBy(g::next).isInstanceOf(NoSuchElementException.class);
        // once stopped, can't be resumed
        assertThatThrownBy(g::next).isInstanceOf(NoSuchElementException.class);
    }

    // ---- However, "return" and StopIteration are not exactly equivalent ----
    // Python's bare "except:" is catch (Throwable).

    @Async
    static Generator<Integer, Object, Void> tutG1() {
        try {
            return Generator.done();
        } catch (Throwable e) {
            Generator.yield(1);
        }
        return Generator.done();
    }

    @Async
    static Generator<Integer, Object, Void> tutG2() {
        try {
            throw new NoSuchElementException();
        } catch (Throwable e) {
            Generator.yield(42);
        }
        return Generator.done();
    }

    @Test
    void tut_return_and_stopiteration_not_equivalent() {
        assertThat(list(tutG1())).isEmpty();
        assertThat(list(tutG2())).containsExactly(42);
    }

    // ---- This may be surprising at first: return in try, yield in finally ----

    @Async
    static Generator<Integer, Object, Void> tutG3() {
        try {
            return Generator.done();
        } finally {
            Generator.yield(1);
        }
    }

    @Test
    void tut_return_in_try_yield_in_finally() {
        assertThat(list(tutG3())).containsExactly(1);
    }

    // ---- Let's create an alternate range() function implemented as a generator ----

    @Async
    static Generator<Integer, Object, Void> yrange(int n) {
        for (int i : range(n)) {
            Generator.yield(i);
        }
        return Generator.done();
    }

    @Test
    void tut_yrange() {
        assertThat(list(yrange(5))).containsExactly(0, 1, 2, 3, 4);
    }

    // ---- Generators always return to the most recent caller ----

    Generator<Integer, Object, Void> creator() {
        Generator<Integer, Object, Void> r = yrange(5);
        print("creator " + r.next());
        return r;
    }

    void caller() {
        Generator<Integer, Object, Void> r = creator();
        for (int i : r) {
            print("caller " + i);
        }
    }

    @Test
    void tut_generators_return_to_most_recent_caller() {
        caller();
        assertThat(out).containsExactly(
                "creator 0",
                "caller 1",
                "caller 2",
                "caller 3",
                "caller 4");
    }

    // ---- Generators can call other generators ----

    @Async
    static Generator<Integer, Object, Void> zrange(int n) {
        for (int i : yrange(n)) {
            Generator.yield(i);
        }
        return Generator.done();
    }

    @Test
    void tut_generators_can_call_other_generators() {
        assertThat(list(zrange(5))).containsExactly(0, 1, 2, 3, 4);
    }

    // ======== pep_tests (the examples of PEP 255) ========

    // ---- Specification: Yield. A generator cannot be resumed while it is actively running ----

    Generator<Integer, Object, Void> me;

    @Async
    Generator<Integer, Object, Void> pepResumeG() {
        int i = me.next();
        Generator.yield(i);
        return Generator.done();
    }

    @Test
    void pep_cannot_resume_running_generator() {
        me = pepResumeG();
        assertThatThrownBy(me::next)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("generator already executing");
        assertThat(me.state()).isEqualTo(Generator.State.CLOSED);
    }

    // ---- Specification: Return. return isn't always equivalent to raising StopIteration ----

    @Async
    static Generator<Integer, Object, Void> pepF1() {
        try {
            return Generator.done();
        } catch (Throwable e) {
            Generator.yield(1);
        }
        return Generator.done();
    }

    @Async
    static Generator<Integer, Object, Void> pepF2() {
        try {
            throw new NoSuchElementException();
        } catch (Throwable e) {
            Generator.yield(42);
        }
        return Generator.done();
    }

    @Test
    void pep_return_is_not_raising_stopiteration() {
        print(list(pepF1()));
        print(list(pepF2()));
        assertThat(out).containsExactly("[]", "[42]");
    }

    // ---- Specification: Generators and Exception Propagation ----

    static int pepDivF() {
        int zero = 0;
        return 1 / zero;
    }

    @Async
    static Generator<Integer, Object, Void> pepPropagationG() {
        Generator.yield(pepDivF()); // the zero division exception propagates
        Generator.yield(42); // and we'll never get here
        return Generator.done();
    }

    @Test
    void pep_exception_propagation() {
        Generator<Integer, Object, Void> k = pepPropagationG();
        assertThatThrownBy(k::next).isInstanceOf(ArithmeticException.class).hasMessage("/ by zero");
        // and the generator cannot be resumed
        assertThatThrownBy(k::next).isInstanceOf(NoSuchElementException.class);
    }

    // ---- Specification: Try/Except/Finally ----

    @Async
    static Generator<Integer, Object, Void> pepTryF() {
        int zero = 0;
        try {
            Generator.yield(1);
            try {
                Generator.yield(2);
                int never = 1 / zero;
                Generator.yield(3); // never get here
            } catch (ArithmeticException e) {
                Generator.yield(4);
                Generator.yield(5);
                throw e;
            } catch (Throwable e) {
                Generator.yield(6);
            }
            Generator.yield(7); // the "raise" above stops this
        } catch (Throwable e) {
            Generator.yield(8);
        }
        Generator.yield(9);
        try {
            int x = 12;
        } finally {
            Generator.yield(10);
        }
        Generator.yield(11);
        return Generator.done();
    }

    @Test
    void pep_try_except_finally() {
        print(list(pepTryF()));
        assertThat(out).containsExactly("[1, 2, 4, 5, 8, 9, 10, 11]");
    }

    // ---- Guido's binary tree example ----

    /** A binary tree class. */
    static final class Tree implements Iterable<String> {
        final String label;
        final Tree left;
        final Tree right;

        Tree(String label, Tree left, Tree right) {
            this.label = label;
            this.left = left;
            this.right = right;
        }

        @Override
        public Iterator<String> iterator() {
            return inorder(this);
        }
    }

    /** Create a Tree from a list (Python's empty list, a false tree, is null). */
    static Tree tree(String list) {
        int n = list.length();
        if (n == 0) {
            return null;
        }
        int i = n / 2;
        return new Tree(list.substring(i, i + 1), tree(list.substring(0, i)), tree(list.substring(i + 1)));
    }

    /** A recursive generator that generates Tree labels in in-order. */
    @Async
    static Generator<String, Object, Void> inorder(Tree t) {
        if (t != null) {
            for (String x : inorder(t.left)) {
                Generator.yield(x);
            }
            Generator.yield(t.label);
            for (String x : inorder(t.right)) {
                Generator.yield(x);
            }
        }
        return Generator.done();
    }

    @Test
    void pep_binary_tree_recursive_inorder() {
        Tree t = tree("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        StringBuilder line = new StringBuilder();
        for (String x : t) {
            line.append(' ').append(x);
        }
        assertThat(line.toString()).isEqualTo(" A B C D E F G H I J K L M N O P Q R S T U V W X Y Z");
    }

    /** A non-recursive generator. */
    @Async
    static Generator<String, Object, Void> inorderNonRecursive(Tree node) {
        List<Tree> stack = new ArrayList<>();
        while (node != null) {
            while (node.left != null) {
                stack.add(node);
                node = node.left;
            }
            Generator.yield(node.label);
            while (node.right == null) {
                try {
                    node = stack.remove(stack.size() - 1);
                } catch (IndexOutOfBoundsException e) {
                    return Generator.done();
                }
                Generator.yield(node.label);
            }
            node = node.right;
        }
        return Generator.done();
    }

    @Test
    void pep_binary_tree_nonrecursive_inorder() {
        Tree t = tree("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        StringBuilder line = new StringBuilder();
        for (String x : inorderNonRecursive(t)) {
            line.append(' ').append(x);
        }
        assertThat(line.toString()).isEqualTo(" A B C D E F G H I J K L M N O P Q R S T U V W X Y Z");
    }

    // ======== email_tests (examples from Iterator-List, Python-Dev and c.l.py) ========

    // ---- The difference between yielding None and returning it ----

    @Async
    static Generator<Object, Object, Void> emailNoneG() {
        for (int i : range(3)) {
            Generator.yield(null);
        }
        Generator.yield(null);
        return Generator.done();
    }

    @Test
    void email_yield_none_vs_return() {
        assertThat(list(emailNoneG())).containsExactly(null, null, null, null);
    }

    // ---- Explicitly raising StopIteration acts like any other exception in try/except ----

    @Async
    static Generator<Integer, Object, Void> emailStopG() {
        Generator.yield(1);
        try {
            throw new NoSuchElementException();
        } catch (Throwable e) {
            Generator.yield(2);
        }
        Generator.yield(3);
        return Generator.done();
    }

    @Test
    void email_raise_stopiteration_in_try_except() {
        assertThat(list(emailStopG())).containsExactly(1, 2, 3);
    }

    // ---- Next one was posted to c.l.py: gcomb ----

    /** Generate all combinations of k elements from list x. */
    @Async
    static Generator<List<Integer>, Object, Void> gcomb(List<Integer> x, int k) {
        if (k > x.size()) {
            return Generator.done();
        }
        if (k == 0) {
            Generator.yield(new ArrayList<Integer>());
        } else {
            Integer first = x.get(0);
            List<Integer> rest = x.subList(1, x.size());
            // A combination does or doesn't contain first.
            // If it does, the remainder is a k-1 comb of rest.
            for (List<Integer> c : gcomb(rest, k - 1)) {
                c.add(0, first);
                Generator.yield(c);
            }
            // If it doesn't contain first, it's a k comb of rest.
            for (List<Integer> c : gcomb(rest, k)) {
                Generator.yield(c);
            }
        }
        return Generator.done();
    }

    @Test
    void email_gcomb() {
        List<Integer> seq = Arrays.asList(1, 2, 3, 4);
        for (int k = 0; k < seq.size() + 2; k++) {
            print(k + "-combs of " + seq + ":");
            for (List<Integer> c : gcomb(seq, k)) {
                print("    " + c);
            }
        }
        assertThat(out).containsExactly(
            "0-combs of [1, 2, 3, 4]:",
            "    []",
            "1-combs of [1, 2, 3, 4]:",
            "    [1]",
            "    [2]",
            "    [3]",
            "    [4]",
            "2-combs of [1, 2, 3, 4]:",
            "    [1, 2]",
            "    [1, 3]",
            "    [1, 4]",
            "    [2, 3]",
            "    [2, 4]",
            "    [3, 4]",
            "3-combs of [1, 2, 3, 4]:",
            "    [1, 2, 3]",
            "    [1, 2, 4]",
            "    [1, 3, 4]",
            "    [2, 3, 4]",
            "4-combs of [1, 2, 3, 4]:",
            "    [1, 2, 3, 4]",
            "5-combs of [1, 2, 3, 4]:");
    }

    // ---- From the Iterators list, about the types of these things ----
    // type(g), dir(i), __doc__, types.GeneratorType: no Java meaning; iter(i) is i is ported.

    @Async
    static Generator<Integer, Object, Void> emailTypesG() {
        Generator.yield(1);
        return Generator.done();
    }

    @Test
    void email_types_of_these_things() {
        Generator<Integer, Object, Void> i = emailTypesG();
        assertThat(i.iterator()).isSameAs(i);
        assertThat((Object) i).isInstanceOf(Iterator.class).isInstanceOf(Iterable.class);
        assertThat(i.state()).isEqualTo(Generator.State.CREATED);
    }

    // ---- And more, added later: gi_running ----

    Generator<Boolean, Object, Void> runningMe;

    @Async
    Generator<Boolean, Object, Void> emailRunningG() {
        Generator.yield(runningMe.state() == Generator.State.RUNNING);
        return Generator.done();
    }

    @Test
    void email_gi_running() {
        runningMe = emailRunningG();
        assertThat(runningMe.state()).isNotEqualTo(Generator.State.RUNNING);
        assertThat(runningMe.next()).isTrue();
        assertThat(runningMe.state()).isNotEqualTo(Generator.State.RUNNING);
    }

    // ---- A clever union-find implementation from c.l.py, due to David Eppstein ----

    static final class DisjointSet {
        final String name;
        DisjointSet parent;
        final Generator<DisjointSet, Object, Void> generator;

        DisjointSet(String name) {
            this.name = name;
            this.parent = null;
            this.generator = generate();
        }

        @Async
        Generator<DisjointSet, Object, Void> generate() {
            while (parent == null) {
                Generator.yield(this);
            }
            for (DisjointSet x : parent.generator) {
                Generator.yield(x);
            }
            return Generator.done();
        }

        DisjointSet find() {
            return generator.next();
        }

        void union(DisjointSet parent) {
            if (this.parent != null) {
                throw new ValueError("Sorry, I'm not a root!");
            }
            this.parent = parent;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Test
    void email_disjoint_set() {
        String names = "ABCDEFGHIJKLM";
        List<DisjointSet> sets = new ArrayList<>();
        for (char name : names.toCharArray()) {
            sets.add(new DisjointSet(String.valueOf(name)));
        }
        List<DisjointSet> roots = new ArrayList<>(sets);

        // Python draws the pairs with random.Random(42); these are its draws, in order.
        Iterator<String> choices = Arrays.asList(
                "K", "B", "A", "F", "E", "F", "D", "C", "M", "C", "J", "B",
                "B", "C", "F", "G", "L", "C", "G", "I", "I", "H", "C", "H").iterator();
        while (true) {
            StringBuilder line = new StringBuilder();
            for (DisjointSet s : sets) {
                line.append(" ").append(s).append("->").append(s.find());
            }
            print(line);
            if (roots.size() > 1) {
                DisjointSet s1 = byName(roots, choices.next());
                roots.remove(s1);
                DisjointSet s2 = byName(roots, choices.next());
                s1.union(s2);
                print("merged " + s1 + " into " + s2);
            } else {
                break;
            }
        }
        assertThat(out).containsExactly(
            " A->A B->B C->C D->D E->E F->F G->G H->H I->I J->J K->K L->L M->M",
            "merged K into B",
            " A->A B->B C->C D->D E->E F->F G->G H->H I->I J->J K->B L->L M->M",
            "merged A into F",
            " A->F B->B C->C D->D E->E F->F G->G H->H I->I J->J K->B L->L M->M",
            "merged E into F",
            " A->F B->B C->C D->D E->F F->F G->G H->H I->I J->J K->B L->L M->M",
            "merged D into C",
            " A->F B->B C->C D->C E->F F->F G->G H->H I->I J->J K->B L->L M->M",
            "merged M into C",
            " A->F B->B C->C D->C E->F F->F G->G H->H I->I J->J K->B L->L M->C",
            "merged J into B",
            " A->F B->B C->C D->C E->F F->F G->G H->H I->I J->B K->B L->L M->C",
            "merged B into C",
            " A->F B->C C->C D->C E->F F->F G->G H->H I->I J->C K->C L->L M->C",
            "merged F into G",
            " A->G B->C C->C D->C E->G F->G G->G H->H I->I J->C K->C L->L M->C",
            "merged L into C",
            " A->G B->C C->C D->C E->G F->G G->G H->H I->I J->C K->C L->C M->C",
            "merged G into I",
            " A->I B->C C->C D->C E->I F->I G->I H->H I->I J->C K->C L->C M->C",
            "merged I into H",
            " A->H B->C C->C D->C E->H F->H G->H H->H I->H J->C K->C L->C M->C",
            "merged C into H",
            " A->H B->H C->H D->H E->H F->H G->H H->H I->H J->H K->H L->H M->H");
    }

    private static DisjointSet byName(List<DisjointSet> roots, String name) {
        for (DisjointSet s : roots) {
            if (s.name.equals(name)) {
                return s;
            }
        }
        throw new AssertionError(name + " is not a root");
    }

    // ======== syntax_tests ========

    // ---- These are fine ----
    // Python only defines them; the twin also runs them.

    @Async
    static Generator<Integer, Object, Void> syntaxFineF1() {
        Generator.yield(1);
        return Generator.done();
    }

    @Async
    static Generator<Integer, Object, Void> syntaxFineF2() {
        try {
            Generator.yield(1);
        } finally {
            // pass
        }
        return Generator.done();
    }

    @Async
    static Generator<Integer, Object, Void> syntaxFineF3() {
        int zero = 0;
        try {
            try {
                int q = 1 / zero;
            } catch (ArithmeticException e) {
                Generator.yield(666);
            } catch (Throwable e) {
                // pass
            }
        } finally {
            // pass
        }
        return Generator.done();
    }

    @Async
    static Generator<Integer, Object, Void> syntaxFineF4() {
        int zero = 0;
        try {
            try {
                Generator.yield(12);
                int q = 1 / zero;
            } catch (ArithmeticException e) {
                Generator.yield(666);
            } catch (Throwable e) {
                try {
                    int x = 12;
                } finally {
                    Generator.yield(12);
                }
            }
        } catch (Throwable e) {
            return Generator.done();
        }
        return Generator.done();
    }

    @Test
    void syntax_these_are_fine() {
        assertThat(list(syntaxFineF1())).containsExactly(1);
        assertThat(list(syntaxFineF2())).containsExactly(1);
        assertThat(list(syntaxFineF3())).containsExactly(666);
        assertThat(list(syntaxFineF4())).containsExactly(12, 666);
    }

    // ---- A yield that is never reached still makes a generator (type(f()) is generator) ----
    // In Java it is @Async and the Generator return type that make a generator; javac even
    // drops the body of an if (false).

    @Async
    static Generator<Object, Object, Void> syntaxIfZeroYield() {
        if (false) {
            Generator.yield(null);
        }
        return Generator.done();
    }

    @Async
    static Generator<Object, Object, Void> syntaxIfEmptyStringYield() {
        if (!"".isEmpty()) {
            Generator.yield(null);
        }
        return Generator.done();
    }

    @Async
    static Generator<Object, Object, Void> syntaxReturnFirst(int x) {
        if (true) {
            return Generator.done();
        }
        try {
            if (x == 4) {
                // pass
            } else if (x == 0) {
                try {
                    int q = 1 / x;
                } catch (ArithmeticException e) {
                    // pass
                }
                if (x == 0) {
                    while (x != 12) {
                        x += 1;
                        Generator.yield(2); // don't blink
                    }
                }
            }
        } catch (Throwable e) {
            x = 1;
        }
        return Generator.done();
    }

    @Async
    static Generator<Object, Object, Void> syntaxIfZeroReturnIfZeroYield() {
        if (false) {
            return Generator.done();
        }
        if (false) {
            Generator.yield(2);
        }
        return Generator.done();
    }

    @Test
    void syntax_unreachable_yield_still_makes_a_generator() {
        List<Generator<Object, Object, Void>> gens = List.of(
                syntaxIfZeroYield(), syntaxIfEmptyStringYield(), syntaxReturnFirst(4), syntaxIfZeroReturnIfZeroYield());
        for (Generator<Object, Object, Void> g : gens) {
            assertThat(g.state()).isEqualTo(Generator.State.CREATED);
            assertThat(list(g)).isEmpty();
            assertThat(g.state()).isEqualTo(Generator.State.CLOSED);
        }
    }

    // ---- This one caused a crash (see SF bug 567538): continue in try, yield in finally ----

    @Async
    static Generator<Integer, Object, Void> syntaxContinueF() {
        for (int i : range(3)) {
            try {
                continue;
            } finally {
                Generator.yield(i);
            }
        }
        return Generator.done();
    }

    @Test
    void syntax_continue_in_try_yield_in_finally() {
        Generator<Integer, Object, Void> g = syntaxContinueF();
        print(g.next());
        print(g.next());
        print(g.next());
        assertThat(out).containsExactly("0", "1", "2");
        assertThatThrownBy(g::next).isInstanceOf(NoSuchElementException.class);
    }
}
