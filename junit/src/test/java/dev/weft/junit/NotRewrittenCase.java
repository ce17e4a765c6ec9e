package dev.weft.junit;

import static dev.weft.Weft.await;
import static dev.weft.Weft.sleep;

/** An {@code @AsyncTest} the build leaves unrewritten (excluded in the pom), for {@link FailingCasesTest}. */
final class NotRewrittenCase {
    @AsyncTest
    void awaits() {
        await(sleep(0));
    }
}
