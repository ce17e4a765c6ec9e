package dev.weft.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Python's built-in exceptions that the ported tests raise themselves, as plain Java exceptions
 * (so a test reads like its Python original), and a few helpers.
 *
 * <p>These are user exceptions only. The protocol errors Python answers with {@code ValueError},
 * {@code TypeError} or {@code RuntimeError} ("generator already executing", ...) are
 * {@link IllegalStateException} in Weft, and the tests assert that.
 */
final class Py {
    private Py() {
    }

    /** Python's {@code ValueError}, raised by the test code itself. */
    static class ValueError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ValueError() {
            super();
        }

        ValueError(String message) {
            super(message);
        }
    }

    /** Python's {@code TypeError}, raised by the test code itself. */
    static class TypeError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TypeError() {
            super();
        }

        TypeError(String message) {
            super(message);
        }
    }

    /** Python's {@code KeyError}, raised by the test code itself. */
    static class KeyError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KeyError() {
            super();
        }

        KeyError(String message) {
            super(message);
        }
    }

    /** Python's {@code range(n)}: a plain iterable, not a generator. */
    static List<Integer> range(int n) {
        List<Integer> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(i);
        }
        return Collections.unmodifiableList(values);
    }

    /** Throws {@code t} unchanged, checked or not ({@code throw Py.sneakyThrow(t)}). */
    @SuppressWarnings("unchecked")
    static <T extends Throwable> T sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    /** Python's {@code list(iterable)}. */
    static <T> List<T> list(Iterable<? extends T> values) {
        List<T> out = new ArrayList<>();
        for (T v : values) {
            out.add(v);
        }
        return out;
    }
}
