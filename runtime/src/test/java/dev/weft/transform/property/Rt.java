package dev.weft.transform.property;

import java.util.List;

/** Helpers the random programs call, in both their Weft and their reference form. */
public final class Rt {
    private Rt() {
    }

    /** The subgenerators two mains share in the current run (see {@code Program.shared}), by index. */
    private static final java.util.Map<Integer, dev.weft.Generator<Object, Object, Object>> SHARED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The run's shared subgenerator {@code k}: the first one made, {@code made} if it is that one. */
    public static dev.weft.Generator<Object, Object, Object> share(int k, dev.weft.Generator<Object, Object, Object> made) {
        return SHARED.computeIfAbsent(k, key -> made);
    }

    /** Starts a run: no subgenerator shared yet. */
    static void unshare() {
        SHARED.clear();
    }

    /** An int from a value sent in or returned by a subgenerator: {@code -1} for {@code null}. */
    public static int val(Object o) {
        return o == null ? -1 : (Integer) o;
    }

    /** Five arguments of five types, so a marker as the fifth argument leaves four values (two wide) on the stack. */
    public static int mix(int a, long b, double c, String d, Object e) {
        return (int) (a + b % 1000 * 3 + (long) c * 5 + d.length() * 7 + val(e) * 11L);
    }

    /** Keeps strings short: the last 6 characters. */
    public static String cut(String s) {
        return s.length() <= 6 ? s : s.substring(s.length() - 6);
    }

    /** A resource for try-with-resources that records its closing in the trace. */
    public static final class Res implements AutoCloseable {
        private final List<String> trace;
        private final String name;

        public Res(List<String> trace, String name) {
            this.trace = trace;
            this.name = name;
        }

        @Override
        public void close() {
            trace.add(name);
        }
    }
    /** Switch keys: "Aa" and "BB" share a hash code, as do "AaAa" and "BBBB". */
    private static final String[] KEYS = {"Aa", "BB", "AaAa", "BBBB", "C"};

    /** The switch key for {@code v}. */
    public static String key(int v) {
        return KEYS[Math.floorMod(v, KEYS.length)];
    }

    /** The colour for {@code v}. */
    public static Color color(int v) {
        return Color.values()[Math.floorMod(v, Color.values().length)];
    }

    /** An int summary of a local of any type the programs use, so it can be read after a suspension. */
    public static int num(Object o) {
        if (o == null) {
            return -7;
        }
        if (o instanceof Number) {
            return ((Number) o).intValue() + (o instanceof Long ? 1000 : o instanceof Double ? 2000 : 0);
        }
        if (o instanceof String) {
            return ((String) o).length() * 10 + ((String) o).hashCode() % 7;
        }
        if (o instanceof int[]) {
            int s = 3;
            for (int v : (int[]) o) {
                s = s * 31 + v;
            }
            return s;
        }
        if (o instanceof long[]) {
            long s = 5;
            for (long v : (long[]) o) {
                s = s * 31 + v;
            }
            return (int) s;
        }
        return -9;
    }

    /** The enum the programs switch on. */
    public enum Color {
        RED, GREEN, BLUE
    }

    /** An object built from arguments of which one may be a suspension's result. */
    public static final class Box {
        private final int a;
        private final long b;
        private final int c;

        public Box(int a, long b, int c) {
            this.a = a;
            this.b = b;
            this.c = c;
        }

        /** The three arguments, weighted so their order matters. */
        public int sum() {
            return (int) (a + b * 3 + c * 5L);
        }
    }
}
