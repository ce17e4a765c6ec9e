package dev.weft;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NotRewrittenErrorTest {

    static Generator<Integer, Void, Void> forgotTheRewrite() {
        Generator.yield(1);
        return Generator.done();
    }

    @Test
    void a_marker_in_code_that_was_not_rewritten_names_the_method_and_the_fix() {
        assertThatThrownBy(NotRewrittenErrorTest::forgotTheRewrite)
                .isInstanceOf(NotRewrittenError.class)
                .hasMessageContaining("Generator.yield was called in dev.weft.NotRewrittenErrorTest.forgotTheRewrite")
                .hasMessageContaining("NotRewrittenErrorTest.java:")
                .hasMessageContaining("@dev.weft.Async")
                .hasMessageContaining("weft-maven-plugin")
                .hasMessageContaining("`mvn compile exec:java`")
                .hasMessageContaining("its class was loaded from file:")
                .hasMessageContaining("-javaagent:weft-transformer.jar");
    }

    @Test
    void every_marker_refuses_to_run_unrewritten() {
        assertThatThrownBy(() -> Generator.yieldFrom(List.of(1))).isInstanceOf(NotRewrittenError.class)
                .hasMessageStartingWith("Generator.yieldFrom was called in");
        assertThatThrownBy(() -> Generator.returning(1)).isInstanceOf(NotRewrittenError.class)
                .hasMessageStartingWith("Generator.returning was called in");
        assertThatThrownBy(Generator::done).isInstanceOf(NotRewrittenError.class)
                .hasMessageStartingWith("Generator.done was called in");
    }
}
