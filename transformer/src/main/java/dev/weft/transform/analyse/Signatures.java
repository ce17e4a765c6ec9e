package dev.weft.transform.analyse;

import java.util.Map;
import org.objectweb.asm.Type;

/** Just enough of the JVM's generic signature grammar (JVMS 4.7.9.1) to erase one type. */
final class Signatures {
    private Signatures() {
    }

    /** The index just after the type signature (or type argument) that starts at {@code i}. */
    static int skip(String s, int i) {
        char c = s.charAt(i);
        switch (c) {
            case '*':
                return i + 1;
            case '+':
            case '-':
            case '[':
                return skip(s, i + 1);
            case 'T':
                return s.indexOf(';', i) + 1;
            case 'L':
                int depth = 0;
                for (int j = i + 1; ; j++) {
                    char d = s.charAt(j);
                    if (d == '<') {
                        depth++;
                    } else if (d == '>') {
                        depth--;
                    } else if (d == ';' && depth == 0) {
                        return j + 1;
                    }
                }
            default:
                return i + 1; // a base type
        }
    }

    /**
     * The erasure of the type signature {@code t}, with type variables erased to their bounds in
     * {@code bounds} (itself a signature); {@code null} for a wildcard, an unknown variable or an
     * inner class of a generic class (not worth the trouble: no check).
     */
    static Type erasure(String t, Map<String, String> bounds) {
        return erasure(t, bounds, 0);
    }

    private static Type erasure(String t, Map<String, String> bounds, int depth) {
        if (depth > 20 || t.isEmpty()) {
            return null;
        }
        switch (t.charAt(0)) {
            case '[':
                Type element = erasure(t.substring(1), bounds, depth + 1);
                return element == null ? null : Type.getType("[" + element.getDescriptor());
            case 'T':
                String bound = bounds.get(t.substring(1, t.length() - 1));
                return bound == null ? null : erasure(bound, bounds, depth + 1);
            case 'L':
                int open = t.indexOf('<');
                String name = open < 0 ? t.substring(1, t.length() - 1) : t.substring(1, open);
                if (open >= 0 && t.indexOf('.', open) >= 0) {
                    return null;
                }
                return Type.getObjectType(name);
            case '*':
            case '+':
            case '-':
                return null;
            default:
                return Type.getType(t);
        }
    }
}
