package dev.weft.transform.property;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;

/**
 * The programs one try of a differential property runs: a list of {@code size} random programs.
 *
 * <p>jqwik's list arbitrary asks its element for an exhaustive generator up to the list's size;
 * on the recursive program grammar that search overflows the stack once the size passes a few
 * hundred (the nightly runs' thousands per try). So a large batch is a list of lists, none longer
 * than {@link #CHUNK}, flattened.
 */
final class Batches {
    /** The longest list jqwik is asked for: the suites' default batches (50 to 100) are this size or less. */
    static final int CHUNK = 100;

    private Batches() {
    }

    static <T> Arbitrary<List<T>> of(Arbitrary<T> element, int size) {
        if (size <= CHUNK) {
            return element.list().ofSize(size);
        }
        int chunks = (size + CHUNK - 1) / CHUNK;
        return of(element.list().ofSize(CHUNK), chunks).map(lists -> flatten(lists, size));
    }

    private static <T> List<T> flatten(List<List<T>> lists, int size) {
        List<T> all = new ArrayList<>(lists.size() * CHUNK);
        for (List<T> list : lists) {
            all.addAll(list);
        }
        return all.subList(0, size);
    }
}
