package dev.weft.examples;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Python's {@code print}, {@code str} and {@code repr} for the values the seed programs print, so
 * that a port prints what its original prints: {@code null} is {@code None}, a {@code Boolean}
 * {@code True}/{@code False}, a list {@code ['a', 1]}, a map {@code {'k': 'v'}}, a {@code byte[]}
 * {@code b'\x00...'}. Everything else prints as Java's {@code toString()}.
 */
public final class Py {
    private Py() {}

    /** Python's {@code print(*args)}: {@code str} of each, separated by a space, then a newline. */
    public static void print(Object... args) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                line.append(' ');
            }
            line.append(str(args[i]));
        }
        System.out.println(line);
    }

    /** Python's {@code str(x)}: a string as it is, anything else as {@link #repr}. */
    public static String str(Object x) {
        return x instanceof String ? (String) x : repr(x);
    }

    /** Python's {@code repr(x)}. */
    public static String repr(Object x) {
        if (x == null) {
            return "None";
        }
        if (x instanceof Boolean) {
            return (Boolean) x ? "True" : "False";
        }
        if (x instanceof String) {
            return quote((String) x);
        }
        if (x instanceof byte[]) {
            return bytes((byte[]) x);
        }
        if (x instanceof Map) {
            StringBuilder s = new StringBuilder("{");
            Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) x).entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                s.append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
                if (it.hasNext()) {
                    s.append(", ");
                }
            }
            return s.append('}').toString();
        }
        if (x instanceof Collection) {
            boolean set = x instanceof Set;
            if (set && ((Collection<?>) x).isEmpty()) {
                return "set()";
            }
            StringBuilder s = new StringBuilder(set ? "{" : "[");
            Iterator<?> it = ((Collection<?>) x).iterator();
            while (it.hasNext()) {
                s.append(repr(it.next()));
                if (it.hasNext()) {
                    s.append(", ");
                }
            }
            return s.append(set ? '}' : ']').toString();
        }
        return String.valueOf(x);
    }

    private static String quote(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == q || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(q).toString();
    }

    private static String bytes(byte[] b) {
        boolean single = false;
        boolean dbl = false;
        for (byte v : b) {
            single |= v == '\'';
            dbl |= v == '"';
        }
        char q = single && !dbl ? '"' : '\'';
        StringBuilder out = new StringBuilder("b").append(q);
        for (byte v : b) {
            int c = v & 0xff;
            if (c == q || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c >= 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.append((char) c);
            }
        }
        return out.append(q).toString();
    }
}
