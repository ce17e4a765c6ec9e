package dev.weft.transform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassFilterTest {
    private static boolean accepts(List<String> includes, List<String> excludes, String path) {
        return new ClassFilter(includes, excludes).accepts(path);
    }

    @Test
    void noPatternsAcceptEverything() {
        assertThat(accepts(List.of(), List.of(), "a/b/C.class")).isTrue();
    }

    @Test
    void doubleStarMatchesAnyNumberOfFolders() {
        List<String> inc = List.of("**/*Test.class");
        assertThat(accepts(inc, List.of(), "FooTest.class")).isTrue();
        assertThat(accepts(inc, List.of(), "a/b/FooTest.class")).isTrue();
        assertThat(accepts(inc, List.of(), "a/b/Foo.class")).isFalse();
    }

    @Test
    void folderPatternsStopAtTheFolderName() {
        for (String glob : List.of("com/x/**", "com/x/", "/com/x/**")) {
            assertThat(accepts(List.of(glob), List.of(), "com/x/A.class")).as(glob).isTrue();
            assertThat(accepts(List.of(glob), List.of(), "com/x/y/B.class")).as(glob).isTrue();
            assertThat(accepts(List.of(glob), List.of(), "com/xy/A.class")).as(glob).isFalse();
        }
    }

    @Test
    void singleStarAndQuestionMarkStayInOneFolder() {
        assertThat(accepts(List.of("com/*/A.class"), List.of(), "com/x/A.class")).isTrue();
        assertThat(accepts(List.of("com/*/A.class"), List.of(), "com/x/y/A.class")).isFalse();
        assertThat(accepts(List.of("*.class"), List.of(), "A.class")).isTrue();
        assertThat(accepts(List.of("*.class"), List.of(), "com/A.class")).isFalse();
        assertThat(accepts(List.of("com/A?.class"), List.of(), "com/AB.class")).isTrue();
        assertThat(accepts(List.of("com/A?.class"), List.of(), "com/A/.class")).isFalse();
    }

    @Test
    void dotsAndDollarsAreLiteral() {
        assertThat(accepts(List.of("com/A$1.class"), List.of(), "com/A$1.class")).isTrue();
        assertThat(accepts(List.of("com/A.class"), List.of(), "com/AXclass")).isFalse();
    }

    @Test
    void anExcludeWinsOverAnInclude() {
        assertThat(accepts(List.of("com/**"), List.of("com/legacy/**"), "com/legacy/Old.class")).isFalse();
        assertThat(accepts(List.of("com/**"), List.of("com/legacy/**"), "com/New.class")).isTrue();
    }

    @Test
    void anEmptyPatternIsRefused() {
        assertThatThrownBy(() -> new ClassFilter(List.of(" "), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }
}
