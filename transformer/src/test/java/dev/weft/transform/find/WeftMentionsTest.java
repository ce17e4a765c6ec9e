package dev.weft.transform.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The agent's first look at a class file finds {@code dev/weft/} and ea-async's
 * {@code com/ea/async/Async} in its UTF8 constants, and nothing else; in bytes that are not a class
 * file, or whose constant pool is cut short, anywhere.
 */
class WeftMentionsTest {
    private static final String[] NEEDLES = {"dev/weft/", "com/ea/async/Async"};

    @Provide
    Arbitrary<byte[]> bytes() {
        // a small alphabet, so that near misses ("dev/wef", "com/ea/async/Asy") are common
        return Arbitraries.of((byte) 'd', (byte) 'e', (byte) 'v', (byte) '/', (byte) 'w', (byte) 'f', (byte) 't',
                (byte) 'c', (byte) 'o', (byte) 'm', (byte) 'a', (byte) 's', (byte) 'y', (byte) 'n', (byte) 'A', (byte) 0)
                .array(byte[].class).ofMaxSize(64);
    }

    @Property
    void answers_as_a_search_for_either_name_does(@ForAll("bytes") byte[] classFile) {
        String text = new String(classFile, StandardCharsets.ISO_8859_1);
        assertThat(WeftMentions.in(classFile)).isEqualTo(text.contains(NEEDLES[0]) || text.contains(NEEDLES[1]));
    }

    @Property
    void finds_either_name_wherever_it_is(@ForAll("bytes") byte[] before, @ForAll("bytes") byte[] after,
                                          @ForAll boolean ea) {
        byte[] needle = NEEDLES[ea ? 1 : 0].getBytes(StandardCharsets.ISO_8859_1);
        byte[] classFile = new byte[before.length + needle.length + after.length];
        System.arraycopy(before, 0, classFile, 0, before.length);
        System.arraycopy(needle, 0, classFile, before.length, needle.length);
        System.arraycopy(after, 0, classFile, before.length + needle.length, after.length);
        assertThat(WeftMentions.in(classFile)).isTrue();
    }

    /** A constant: its tag and the bytes after it (a UTF8's text, or a fixed-size constant's operands). */
    @Provide
    Arbitrary<List<byte[]>> constants() {
        Arbitrary<byte[]> utf8 = bytes().map(text -> concat(new byte[] {1, (byte) (text.length >> 8), (byte) text.length}, text));
        Arbitrary<byte[]> needle = Arbitraries.of(NEEDLES).map(n -> n.getBytes(StandardCharsets.ISO_8859_1))
                .map(text -> concat(new byte[] {1, 0, (byte) text.length}, text));
        // every other kind of constant, its operands drawn from the same alphabet so that they too hold near misses
        Arbitrary<byte[]> other = Arbitraries.of(7, 8, 16, 19, 20, 15, 3, 4, 9, 10, 11, 12, 17, 18, 5, 6).flatMap(tag -> bytes()
                .filter(b -> b.length >= operands(tag)).map(b -> concat(new byte[] {(byte) (int) tag}, java.util.Arrays.copyOf(b, operands(tag)))));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, utf8), net.jqwik.api.Tuple.of(1, needle),
                net.jqwik.api.Tuple.of(4, other)).list().ofMaxSize(12);
    }

    @Property
    void in_a_class_file_searches_the_utf8_constants_only(@ForAll("constants") List<byte[]> pool, @ForAll("bytes") byte[] rest) {
        boolean inUtf8 = false;
        for (byte[] c : pool) {
            String text = new String(c, StandardCharsets.ISO_8859_1);
            inUtf8 |= c[0] == 1 && (text.contains(NEEDLES[0]) || text.contains(NEEDLES[1]));
        }
        assertThat(WeftMentions.in(classFile(pool, rest))).isEqualTo(inUtf8);
    }

    @Property
    void a_class_file_cut_short_in_its_constants_is_searched_whole(@ForAll("constants") List<byte[]> pool,
                                                                   @ForAll @IntRange(min = 1, max = 1000) int cut) {
        byte[] whole = classFile(pool, new byte[0]);
        byte[] cutShort = java.util.Arrays.copyOf(whole, Math.max(10, whole.length - cut));
        if (cutShort.length == whole.length) {
            return; // an empty pool cannot be cut short
        }
        String text = new String(cutShort, StandardCharsets.ISO_8859_1);
        assertThat(WeftMentions.in(cutShort)).isEqualTo(text.contains(NEEDLES[0]) || text.contains(NEEDLES[1]));
    }

    private static int operands(int tag) {
        switch (tag) {
            case 15:
                return 3;
            case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                return 4;
            case 5: case 6:
                return 8;
            default:
                return 2;
        }
    }

    /** A class file's head and constant pool, then {@code rest} (where a name outside the constants is no mention). */
    private static byte[] classFile(List<byte[]> pool, byte[] rest) {
        int count = 1;
        for (byte[] c : pool) {
            count += c[0] == 5 || c[0] == 6 ? 2 : 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, (byte) (count >> 8), (byte) count});
        pool.forEach(out::writeBytes);
        out.writeBytes(rest);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
