package dev.weft.transform.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The agent's first look at a class file finds {@code dev/weft/} and ea-async's
 * {@code com/ea/async/Async} anywhere in the bytes, in one pass, and nothing else.
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
}
