package dev.weft.transform.property;

import java.util.List;

/** Helpers the random programs call, in both their Weft and their reference form. */
public final class Rt {
    private Rt() {
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
}
