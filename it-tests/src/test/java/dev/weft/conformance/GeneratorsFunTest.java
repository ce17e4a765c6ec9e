package dev.weft.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Async;
import dev.weft.Generator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The doctests {@code fun_tests} ("for sufficiently warped notions of fun": sieve, Hamming
 * numbers, Fibonacci, with lazy lists and {@code itertools.tee}) and {@code conjoin_tests}
 * (backtracking with {@code conjoin}: the 8-queens and a Knight's Tour) of CPython's
 * {@code Lib/test/test_generators.py}, one test per example, named {@code <doctest>_<example>}.
 * Infinite generators are written as in Python, {@code while (true)} without a return.
 */
class GeneratorsFunTest {

    /** What the doctest prints, one element per line. */
    final List<String> out = new ArrayList<>();

    void print(Object line) {
        out.add(String.valueOf(line));
    }

    static String py(boolean b) {
        return b ? "True" : "False";
    }

    // ======== fun_tests ========

    static List<Integer> firstn(Iterator<Integer> g, int n) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(g.next());
        }
        return values;
    }

    @Async
    static Generator<Integer, Object, Void> intsfrom(int i) {
        while (true) {
            Generator.yield(i);
            i += 1;
        }
    }

    @Async
    static Generator<Integer, Object, Void> excludeMultiples(int n, Iterable<Integer> ints) {
        for (int i : ints) {
            if (i % n != 0) {
                Generator.yield(i);
            }
        }
        return Generator.done();
    }

    @Async
    static Generator<Integer, Object, Void> sieve(Generator<Integer, ?, ?> ints) {
        int prime = ints.next();
        Generator.yield(prime);
        Generator<Integer, Object, Void> notDivisibleByPrime = excludeMultiples(prime, ints);
        for (int p : sieve(notDivisibleByPrime)) {
            Generator.yield(p);
        }
        return Generator.done();
    }

    // ---- Build up to a recursive Sieve of Eratosthenes generator ----

    @Test
    void fun_sieve() {
        assertThat(firstn(intsfrom(5), 7)).containsExactly(5, 6, 7, 8, 9, 10, 11);
        assertThat(firstn(excludeMultiples(3, intsfrom(1)), 6)).containsExactly(1, 2, 4, 5, 7, 8);
        Generator<Integer, Object, Void> primes = sieve(intsfrom(2));
        assertThat(firstn(primes, 20))
                .containsExactly(2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71);
    }

    // ---- Another famous problem: generate all integers of the form 2**i * 3**j * 5**k ----

    @Async
    static Generator<Integer, Object, Void> times(int n, Iterable<Integer> g) {
        for (int i : g) {
            Generator.yield(n * i);
        }
        return Generator.done();
    }

    @Async
    static Generator<Integer, Object, Void> merge(Iterator<Integer> g, Iterator<Integer> h) {
        int ng = g.next();
        int nh = h.next();
        while (true) {
            if (ng < nh) {
                Generator.yield(ng);
                ng = g.next();
            } else if (ng > nh) {
                Generator.yield(nh);
                nh = h.next();
            } else {
                Generator.yield(ng);
                ng = g.next();
                nh = h.next();
            }
        }
    }

    @Test
    void fun_times() {
        assertThat(firstn(times(10, intsfrom(1)), 10)).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
    }

    /** The inefficient m235: each call leads to 3 recursive calls. */
    @Async
    static Generator<Integer, Object, Void> m235() {
        Generator.yield(1);
        Generator<Integer, Object, Void> meTimes2 = times(2, m235());
        Generator<Integer, Object, Void> meTimes3 = times(3, m235());
        Generator<Integer, Object, Void> meTimes5 = times(5, m235());
        for (int i : merge(merge(meTimes2, meTimes3), meTimes5)) {
            Generator.yield(i);
        }
        return Generator.done();
    }

    @Test
    void fun_m235_recursive() {
        Generator<Integer, Object, Void> result = m235();
        for (int i = 0; i < 3; i++) {
            print(firstn(result, 15));
        }
        assertThat(out).containsExactly(
                "[1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 18, 20, 24]",
                "[25, 27, 30, 32, 36, 40, 45, 48, 50, 54, 60, 64, 72, 75, 80]",
                "[81, 90, 96, 100, 108, 120, 125, 128, 135, 144, 150, 160, 162, 180, 192]");
    }

    // ---- Here's one way to get a shared list: LazyList ----

    /** Python's LazyList: an indexable, memoizing view of an iterator, iterable by index. */
    static final class LazyList implements Iterable<Integer> {
        final List<Integer> sofar = new ArrayList<>();
        final Iterator<Integer> fetch;

        LazyList(Iterator<Integer> g) {
            this.fetch = g;
        }

        int get(int i) {
            while (i >= sofar.size()) {
                sofar.add(fetch.next());
            }
            return sofar.get(i);
        }

        /** Python iterates an object with __getitem__ by index, from 0. */
        @Override
        public Iterator<Integer> iterator() {
            return new Iterator<Integer>() {
                int i;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Integer next() {
                    return get(i++);
                }
            };
        }
    }

    LazyList m235List;

    @Async
    Generator<Integer, Object, Void> m235Lazy() {
        Generator.yield(1);
        // Gack: m235 below actually refers to a LazyList.
        Generator<Integer, Object, Void> meTimes2 = times(2, m235List);
        Generator<Integer, Object, Void> meTimes3 = times(3, m235List);
        Generator<Integer, Object, Void> meTimes5 = times(5, m235List);
        for (int i : merge(merge(meTimes2, meTimes3), meTimes5)) {
            Generator.yield(i);
        }
        return Generator.done();
    }

    @Test
    void fun_m235_lazylist() {
        m235List = new LazyList(m235Lazy());
        for (int i = 0; i < 5; i++) {
            List<Integer> line = new ArrayList<>();
            for (int j = 15 * i; j < 15 * (i + 1); j++) {
                line.add(m235List.get(j));
            }
            print(line);
        }
        assertThat(out).containsExactly(
            "[1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 18, 20, 24]",
            "[25, 27, 30, 32, 36, 40, 45, 48, 50, 54, 60, 64, 72, 75, 80]",
            "[81, 90, 96, 100, 108, 120, 125, 128, 135, 144, 150, 160, 162, 180, 192]",
            "[200, 216, 225, 240, 243, 250, 256, 270, 288, 300, 320, 324, 360, 375, 384]",
            "[400, 405, 432, 450, 480, 486, 500, 512, 540, 576, 600, 625, 640, 648, 675]");
    }

    // ---- Ye olde Fibonacci generator, LazyList style ----

    LazyList fib;

    @Async
    static Generator<Integer, Object, Void> fibSum(Iterator<Integer> g, Iterator<Integer> h) {
        while (true) {
            Generator.yield(g.next() + h.next());
        }
    }

    @Async
    static Generator<Integer, Object, Void> fibTail(Iterator<Integer> g) {
        g.next(); // throw first away
        while (g.hasNext()) {
            Generator.yield(g.next());
        }
        return Generator.done();
    }

    @Async
    Generator<Integer, Object, Void> fibgen(int a, int b) {
        Generator.yield(a);
        Generator.yield(b);
        for (int s : fibSum(fib.iterator(), fibTail(fib.iterator()))) {
            Generator.yield(s);
        }
        return Generator.done();
    }

    @Test
    void fun_fib_lazylist() {
        fib = new LazyList(fibgen(1, 2));
        assertThat(firstn(fib.iterator(), 17))
                .containsExactly(1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584);
    }

    // ---- Running after your tail with itertools.tee (new in version 2.4) ----

    /** Python's {@code itertools.tee}: n iterators sharing one source through a linked buffer. */
    static <T> List<TeeIterator<T>> tee(Iterator<T> source, int n) {
        Link<T> start = new Link<>(null);
        List<TeeIterator<T>> its = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            its.add(new TeeIterator<>(source, start));
        }
        return its;
    }

    static final class Link<T> {
        final T value;
        Link<T> next;

        Link(T value) {
            this.value = value;
        }
    }

    static final class TeeIterator<T> implements Iterator<T>, Iterable<T> {
        private final Iterator<T> source;
        private Link<T> at;

        TeeIterator(Iterator<T> source, Link<T> at) {
            this.source = source;
            this.at = at;
        }

        @Override
        public boolean hasNext() {
            return at.next != null || source.hasNext();
        }

        @Override
        public T next() {
            if (at.next == null) {
                at.next = new Link<>(source.next());
            }
            at = at.next;
            return at.value;
        }

        @Override
        public Iterator<T> iterator() {
            return this;
        }
    }

    /** The closure of Python's m235(): _m235 reads m2, m3, m5, set after it is created. */
    static final class M235Tee {
        TeeIterator<Integer> m2;
        TeeIterator<Integer> m3;
        TeeIterator<Integer> m5;

        @Async
        Generator<Integer, Object, Void> m235() {
            Generator.yield(1);
            for (int n : merge(times(2, m2), merge(times(3, m3), times(5, m5)))) {
                Generator.yield(n);
            }
            return Generator.done();
        }
    }

    static Iterator<Integer> m235Tee() {
        M235Tee closure = new M235Tee();
        Generator<Integer, Object, Void> m1 = closure.m235();
        List<TeeIterator<Integer>> its = tee(m1, 4);
        closure.m2 = its.get(0);
        closure.m3 = its.get(1);
        closure.m5 = its.get(2);
        return its.get(3);
    }

    @Test
    void fun_m235_tee() {
        Iterator<Integer> it = m235Tee();
        for (int i = 0; i < 5; i++) {
            print(firstn(it, 15));
        }
        assertThat(out).containsExactly(
            "[1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 18, 20, 24]",
            "[25, 27, 30, 32, 36, 40, 45, 48, 50, 54, 60, 64, 72, 75, 80]",
            "[81, 90, 96, 100, 108, 120, 125, 128, 135, 144, 150, 160, 162, 180, 192]",
            "[200, 216, 225, 240, 243, 250, 256, 270, 288, 300, 320, 324, 360, 375, 384]",
            "[400, 405, 432, 450, 480, 486, 500, 512, 540, 576, 600, 625, 640, 648, 675]");
    }

    // ---- Ye olde Fibonacci generator, tee style ----

    /** The closure of Python's fib(): _fib reads fibHead and fibTail, set after it is created. */
    static final class FibTee {
        TeeIterator<Integer> fibHead;
        TeeIterator<Integer> fibTail;

        @Async
        static Generator<Integer, Object, Void> isum(Iterator<Integer> g, Iterator<Integer> h) {
            while (true) {
                Generator.yield(g.next() + h.next());
            }
        }

        @Async
        Generator<Integer, Object, Void> fib() {
            Generator.yield(1);
            Generator.yield(2);
            fibTail.next(); // throw first away
            for (int res : isum(fibHead, fibTail)) {
                Generator.yield(res);
            }
            return Generator.done();
        }
    }

    static Iterator<Integer> fibTee() {
        FibTee closure = new FibTee();
        Generator<Integer, Object, Void> realfib = closure.fib();
        List<TeeIterator<Integer>> its = tee(realfib, 3);
        closure.fibHead = its.get(0);
        closure.fibTail = its.get(1);
        return its.get(2);
    }

    @Test
    void fun_fib_tee() {
        assertThat(firstn(fibTee(), 17))
                .containsExactly(1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584);
    }

    // ======== conjoin_tests ========

    /**
     * Python's conjoin(gs): a backtracking generator over the iterables the functions gs produce,
     * unrolled three loop nests at a time. It yields the same list object each time.
     */
    static final class Conjoin {
        final List<Supplier<Iterable<?>>> gs;
        final int n;
        final List<Object> values;

        Conjoin(List<Supplier<Iterable<?>>> gs) {
            this.gs = gs;
            this.n = gs.size();
            this.values = Arrays.asList(new Object[n]);
        }

        // Do one loop nest at time recursively, until the # of loop nests
        // remaining is divisible by 3.
        @Async
        Generator<List<Object>, Object, Void> gen(int i) {
            if (i >= n) {
                Generator.yield(values);
            } else if ((n - i) % 3 != 0) {
                int ip1 = i + 1;
                for (Object v : gs.get(i).get()) {
                    values.set(i, v);
                    for (List<Object> x : gen(ip1)) {
                        Generator.yield(x);
                    }
                }
            } else {
                for (List<Object> x : gen3(i)) {
                    Generator.yield(x);
                }
            }
            return Generator.done();
        }

        // Do three loop nests at a time, recursing only if at least three more
        // remain.  Don't call directly:  this is an internal optimization for
        // gen's use.
        @Async
        Generator<List<Object>, Object, Void> gen3(int i) {
            assert i < n && (n - i) % 3 == 0;
            int ip1 = i + 1;
            int ip2 = i + 2;
            int ip3 = i + 3;
            Supplier<Iterable<?>> g = gs.get(i);
            Supplier<Iterable<?>> g1 = gs.get(ip1);
            Supplier<Iterable<?>> g2 = gs.get(ip2);

            if (ip3 >= n) {
                // These are the last three, so we can yield values directly.
                for (Object v : g.get()) {
                    values.set(i, v);
                    for (Object v1 : g1.get()) {
                        values.set(ip1, v1);
                        for (Object v2 : g2.get()) {
                            values.set(ip2, v2);
                            Generator.yield(values);
                        }
                    }
                }
            } else {
                // At least 6 loop nests remain; peel off 3 and recurse for the rest.
                for (Object v : g.get()) {
                    values.set(i, v);
                    for (Object v1 : g1.get()) {
                        values.set(ip1, v1);
                        for (Object v2 : g2.get()) {
                            values.set(ip2, v2);
                            for (List<Object> x : gen3(ip3)) {
                                Generator.yield(x);
                            }
                        }
                    }
                }
            }
            return Generator.done();
        }

        @Async
        Generator<List<Object>, Object, Void> conjoin() {
            for (List<Object> x : gen(0)) {
                Generator.yield(x);
            }
            return Generator.done();
        }
    }

    static Generator<List<Object>, Object, Void> conjoin(List<Supplier<Iterable<?>>> gs) {
        return new Conjoin(gs).conjoin();
    }

    static List<Supplier<Iterable<?>>> bits(int n) {
        Supplier<Iterable<?>> bit = () -> List.of(0, 1);
        return Collections.nCopies(n, bit);
    }

    // ---- Generate the 3-bit binary numbers in order ----

    @Test
    void conjoin_3bit_binary_numbers() {
        for (List<Object> c : conjoin(bits(3))) {
            print(c);
        }
        assertThat(out).containsExactly(
            "[0, 0, 0]",
            "[0, 0, 1]",
            "[0, 1, 0]",
            "[0, 1, 1]",
            "[1, 0, 0]",
            "[1, 0, 1]",
            "[1, 1, 0]",
            "[1, 1, 1]");
    }

    // ---- conjoin() yields the same list object each time: copy its results ----

    @Async
    static Generator<List<Object>, Object, Void> gencopy(Iterable<List<Object>> iterator) {
        for (List<Object> x : iterator) {
            Generator.yield(new ArrayList<>(x));
        }
        return Generator.done();
    }

    @Test
    void conjoin_gencopy() {
        for (int n = 0; n < 10; n++) {
            List<List<Object>> all = Py.list(gencopy(conjoin(bits(n))));
            print(n + " " + all.size() + " " + py(all.get(0).equals(Collections.nCopies(n, 0)))
                    + " " + py(all.get(all.size() - 1).equals(Collections.nCopies(n, 1))));
        }
        assertThat(out).containsExactly(
            "0 1 True True",
            "1 2 True True",
            "2 4 True True",
            "3 8 True True",
            "4 16 True True",
            "5 32 True True",
            "6 64 True True",
            "7 128 True True",
            "8 256 True True",
            "9 512 True True");
    }

    // ---- And run an 8-queens solver ----

    /** A conjoin-based N-Queens solver. */
    static final class Queens {
        final int n;
        final List<Supplier<Iterable<?>>> rowgenerators = new ArrayList<>();
        long used;

        Queens(int n) {
            this.n = n;
            // Assign a unique int to each column and diagonal; for each square, a bit vector
            // of the columns and diagonals it covers; for each row, a function that generates
            // the possibilities for the columns in that row.
            for (int i = 0; i < n; i++) {
                long[] rowuses = new long[n];
                for (int j = 0; j < n; j++) {
                    rowuses[j] = (1L << j) // column ordinal
                            | (1L << (n + i - j + n - 1)) // NW-SE ordinal
                            | (1L << (n + 2 * n - 1 + i + j)); // NE-SW ordinal
                }
                rowgenerators.add(() -> rowgen(rowuses));
            }
        }

        @Async
        Generator<Integer, Object, Void> rowgen(long[] rowuses) {
            for (int j = 0; j < n; j++) {
                long uses = rowuses[j];
                if ((uses & used) == 0) {
                    used |= uses;
                    Generator.yield(j);
                    used &= ~uses;
                }
            }
            return Generator.done();
        }

        // Generate solutions.
        @Async
        Generator<List<Object>, Object, Void> solve() {
            used = 0;
            for (List<Object> row2col : conjoin(rowgenerators)) {
                Generator.yield(row2col);
            }
            return Generator.done();
        }

        void printsolution(List<Object> row2col, List<String> out) {
            assert n == row2col.size();
            StringBuilder sep = new StringBuilder("+");
            for (int i = 0; i < n; i++) {
                sep.append("-+");
            }
            out.add(sep.toString());
            for (int i = 0; i < n; i++) {
                String[] squares = new String[n];
                Arrays.fill(squares, " ");
                squares[(Integer) row2col.get(i)] = "Q";
                out.add("|" + String.join("|", squares) + "|");
                out.add(sep.toString());
            }
        }
    }

    @Test
    void conjoin_8_queens() {
        Queens q = new Queens(8);
        int limit = 2;
        int count = 0;
        for (List<Object> row2col : q.solve()) {
            count += 1;
            if (count <= limit) {
                print("Solution " + count);
                q.printsolution(row2col, out);
            }
        }
        assertThat(out).containsExactly(
            "Solution 1",
            "+-+-+-+-+-+-+-+-+",
            "|Q| | | | | | | |",
            "+-+-+-+-+-+-+-+-+",
            "| | | | |Q| | | |",
            "+-+-+-+-+-+-+-+-+",
            "| | | | | | | |Q|",
            "+-+-+-+-+-+-+-+-+",
            "| | | | | |Q| | |",
            "+-+-+-+-+-+-+-+-+",
            "| | |Q| | | | | |",
            "+-+-+-+-+-+-+-+-+",
            "| | | | | | |Q| |",
            "+-+-+-+-+-+-+-+-+",
            "| |Q| | | | | | |",
            "+-+-+-+-+-+-+-+-+",
            "| | | |Q| | | | |",
            "+-+-+-+-+-+-+-+-+",
            "Solution 2",
            "+-+-+-+-+-+-+-+-+",
            "|Q| | | | | | | |",
            "+-+-+-+-+-+-+-+-+",
            "| | | | | |Q| | |",
            "+-+-+-+-+-+-+-+-+",
            "| | | | | | | |Q|",
            "+-+-+-+-+-+-+-+-+",
            "| | |Q| | | | | |",
            "+-+-+-+-+-+-+-+-+",
            "| | | | | | |Q| |",
            "+-+-+-+-+-+-+-+-+",
            "| | | |Q| | | | |",
            "+-+-+-+-+-+-+-+-+",
            "| |Q| | | | | | |",
            "+-+-+-+-+-+-+-+-+",
            "| | | | |Q| | | |",
            "+-+-+-+-+-+-+-+-+");
        assertThat(count + " solutions in all.").isEqualTo("92 solutions in all.");
    }

    // ---- And run a Knight's Tour on a 10x10 board ----

    /** A conjoin-based Knight's Tour solver (Python's hard=0 heuristic). */
    static final class Knights {
        final int m;
        final int n;
        final List<List<Integer>> succs = new ArrayList<>();
        final List<Supplier<Iterable<?>>> squaregenerators = new ArrayList<>();
        int lastij;
        int fin;

        Knights(int m, int n) {
            this.m = m;
            this.n = n;
            if (m * n < 4) {
                squaregenerators.add(this::first);
            } else {
                squaregenerators.add(this::first);
                squaregenerators.add(this::second);
                for (int k = 0; k < m * n - 3; k++) {
                    squaregenerators.add(this::advance);
                }
                squaregenerators.add(this::last);
            }
        }

        // Remove i0 from each of its successor's successor lists, i.e.
        // successors can't go back to i0 again.  Return false if we can
        // detect this makes a solution impossible, else true.
        boolean removeFromSuccessors(int i0) {
            int ne0 = 0;
            int ne1 = 0;
            for (int i : succs.get(i0)) {
                List<Integer> s = succs.get(i);
                s.remove(Integer.valueOf(i0));
                int e = s.size();
                if (e == 0) {
                    ne0 += 1;
                } else if (e == 1) {
                    ne1 += 1;
                }
            }
            return ne0 == 0 && ne1 < 2;
        }

        // Put i0 back in each of its successor's successor lists.
        void addToSuccessors(int i0) {
            for (int i : succs.get(i0)) {
                succs.get(i).add(i0);
            }
        }

        // Generate the first move.
        @Async
        Generator<Integer, Object, Void> first() {
            if (m < 1 || n < 1) {
                return Generator.done();
            }
            // Since we're looking for a cycle, it doesn't matter where we
            // start.  Starting in a corner makes the 2nd move easy.
            int corner = coords2index(0, 0);
            removeFromSuccessors(corner);
            lastij = corner;
            Generator.yield(corner);
            addToSuccessors(corner);
            return Generator.done();
        }

        // Generate the second moves.
        @Async
        Generator<Integer, Object, Void> second() {
            int corner = coords2index(0, 0);
            assert lastij == corner; // i.e., we started in the corner
            if (m < 3 || n < 3) {
                return Generator.done();
            }
            assert succs.get(corner).size() == 2;
            assert succs.get(corner).contains(coords2index(1, 2));
            assert succs.get(corner).contains(coords2index(2, 1));
            // Only two choices.  Whichever we pick, the other must be the
            // square picked on move m*n, as it's the only way to get back
            // to (0, 0).  Save its index in fin so that moves before
            // the last know it must be kept free.
            for (int[] ij : new int[][] {{1, 2}, {2, 1}}) {
                int i = ij[0];
                int j = ij[1];
                int thisSquare = coords2index(i, j);
                int finalSquare = coords2index(3 - i, 3 - j);
                fin = finalSquare;

                removeFromSuccessors(thisSquare);
                succs.get(finalSquare).add(corner);
                lastij = thisSquare;
                Generator.yield(thisSquare);
                succs.get(finalSquare).remove(Integer.valueOf(corner));
                addToSuccessors(thisSquare);
            }
            return Generator.done();
        }

        // Generate moves 3 through m*n-1.
        @Async
        Generator<Integer, Object, Void> advance() {
            // If some successor has only one exit, must take it.
            // Else favor successors with fewer exits.
            List<int[]> candidates = new ArrayList<>();
            boolean forced = false;
            for (int i : succs.get(lastij)) {
                int e = succs.get(i).size();
                assert e > 0 : "else remove_from_successors() pruning flawed";
                if (e == 1) {
                    candidates = new ArrayList<>();
                    candidates.add(new int[] {e, i});
                    forced = true;
                    break;
                }
                candidates.add(new int[] {e, i});
            }
            if (!forced) {
                candidates.sort(Comparator.<int[]>comparingInt(c -> c[0]).thenComparingInt(c -> c[1]));
            }

            for (int[] c : candidates) {
                int i = c[1];
                if (i != fin) {
                    if (removeFromSuccessors(i)) {
                        lastij = i;
                        Generator.yield(i);
                    }
                    addToSuccessors(i);
                }
            }
            return Generator.done();
        }

        // Generate the last move.
        @Async
        Generator<Integer, Object, Void> last() {
            assert succs.get(lastij).contains(fin);
            Generator.yield(fin);
            return Generator.done();
        }

        int coords2index(int i, int j) {
            assert 0 <= i && i < m;
            assert 0 <= j && j < n;
            return i * n + j;
        }

        int[] index2coords(int index) {
            assert 0 <= index && index < m * n;
            return new int[] {index / n, index % n};
        }

        void initBoard() {
            succs.clear();
            int[][] offsets = {{1, 2}, {2, 1}, {2, -1}, {1, -2}, {-1, -2}, {-2, -1}, {-2, 1}, {-1, 2}};
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    List<Integer> s = new ArrayList<>();
                    for (int[] o : offsets) {
                        if (0 <= i + o[0] && i + o[0] < m && 0 <= j + o[1] && j + o[1] < n) {
                            s.add(coords2index(i + o[0], j + o[1]));
                        }
                    }
                    succs.add(s);
                }
            }
        }

        // Generate solutions.
        @Async
        Generator<List<Object>, Object, Void> solve() {
            initBoard();
            for (List<Object> x : conjoin(squaregenerators)) {
                Generator.yield(x);
            }
            return Generator.done();
        }

        void printsolution(List<Object> x, List<String> out) {
            assert x.size() == m * n;
            int w = String.valueOf(m * n).length();
            String format = "%" + w + "d";

            String[][] squares = new String[m][n];
            int k = 1;
            for (Object i : x) {
                int[] ij = index2coords((Integer) i);
                squares[ij[0]][ij[1]] = String.format(format, k);
                k += 1;
            }

            StringBuilder sep = new StringBuilder("+");
            for (int j = 0; j < n; j++) {
                sep.append("-".repeat(w)).append("+");
            }
            out.add(sep.toString());
            for (int i = 0; i < m; i++) {
                out.add("|" + String.join("|", squares[i]) + "|");
                out.add(sep.toString());
            }
        }
    }

    @Test
    void conjoin_knights_tour() {
        Knights k = new Knights(10, 10);
        int limit = 2;
        int count = 0;
        for (List<Object> x : k.solve()) {
            count += 1;
            if (count <= limit) {
                print("Solution " + count);
                k.printsolution(x, out);
            } else {
                break;
            }
        }
        assertThat(out).containsExactly(
            "Solution 1",
            "+---+---+---+---+---+---+---+---+---+---+",
            "|  1| 58| 27| 34|  3| 40| 29| 10|  5|  8|",
            "+---+---+---+---+---+---+---+---+---+---+",
            "| 26| 35|  2| 57| 28| 33|  4|  7| 30| 11|",
            "+---+---+---+---+---+---+---+---+---+---+",
            "| 59|100| 73| 36| 41| 56| 39| 32|  9|  6|",
            "+---+---+---+---+---+---+---+---+---+---+",
            "| 74| 25| 60| 55| 72| 37| 42| 49| 12| 31|",
            "+---+---+---+---+---+---+---+---+---+---+",
            "| 61| 86| 99| 76| 63| 52| 47| 38| 43| 50|",
            "+---+---+---+---+---+---+---+---+---+---+",
            "| 24| 75| 62| 85| 54| 71| 64| 51| 48| 13|",
            "+---+---+---+---+---+---+---+---+---+---+",
            "| 87| 98| 91| 80| 77| 84| 53| 46| 65| 44|",
            "+---+---+---+---+---+---+---+---+---+---+",
            "| 90| 23| 88| 95| 70| 79| 68| 83| 14| 17|",
            "+---+---+---+---+---+---+---+---+---+---+",
            "| 97| 92| 21| 78| 81| 94| 19| 16| 45| 66|",
            "+---+---+---+---+---+---+---+---+---+---+",
            "| 22| 89| 96| 93| 20| 69| 82| 67| 18| 15|",
            "+---+---+---+---+---+---+---+---+---+---+",
            "Solution 2",
            "+---+---+---+---+---+---+---+---+---+---+",
            "|  1| 58| 27| 34|  3| 40| 29| 10|  5|  8|",
            "+---+---+---+---+---+---+---+---+---+---+",
            "| 26| 35|  2| 57| 28| 33|  4|  7| 30| 11|",
            "+---+---+---+---+---+---+---+---+---+---+",
            "| 59|100| 73| 36| 41| 56| 39| 32|  9|  6|",
            "+---+---+---+---+---+---+---+---+---+---+",
            "| 74| 25| 60| 55| 72| 37| 42| 49| 12| 31|",
            "+---+---+---+---+---+---+---+---+---+---+",
            "| 61| 86| 99| 76| 63| 52| 47| 38| 43| 50|",
            "+---+---+---+---+---+---+---+---+---+---+",
            "| 24| 75| 62| 85| 54| 71| 64| 51| 48| 13|",
            "+---+---+---+---+---+---+---+---+---+---+",
            "| 87| 98| 89| 80| 77| 84| 53| 46| 65| 44|",
            "+---+---+---+---+---+---+---+---+---+---+",
            "| 90| 23| 92| 95| 70| 79| 68| 83| 14| 17|",
            "+---+---+---+---+---+---+---+---+---+---+",
            "| 97| 88| 21| 78| 81| 94| 19| 16| 45| 66|",
            "+---+---+---+---+---+---+---+---+---+---+",
            "| 22| 91| 96| 93| 20| 69| 82| 67| 18| 15|",
            "+---+---+---+---+---+---+---+---+---+---+");
    }
}
