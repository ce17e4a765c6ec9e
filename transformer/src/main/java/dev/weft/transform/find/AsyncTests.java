package dev.weft.transform.find;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The {@code @AsyncTest} methods of weft-junit, known by the annotation's descriptor alone (the
 * rewrite does not depend on weft-junit). Such a method is a JUnit test, so it must stay
 * {@code void}: its body moves to a coroutine method named {@link #bodyName} beside it, which
 * weft-junit's extension finds by that name and runs on a fresh loop.
 */
public final class AsyncTests {
    /** The descriptor of {@code dev.weft.junit.AsyncTest}. */
    public static final String ASYNC_TEST_DESCRIPTOR = "Ldev/weft/junit/AsyncTest;";
    /** What the name of a test's coroutine method starts with; weft-junit's extension relies on it. */
    public static final String BODY_PREFIX = "asyncTest$";

    private AsyncTests() {
    }

    /** Whether {@code method} is annotated {@code @AsyncTest} (a bridge never is: it only calls the method that is). */
    public static boolean isAsyncTest(MethodNode method) {
        if ((method.access & Opcodes.ACC_BRIDGE) != 0) {
            return false;
        }
        return has(method.visibleAnnotations) || has(method.invisibleAnnotations);
    }

    /** The name of the coroutine method that holds the body of the test {@code testName}. */
    public static String bodyName(String testName) {
        return BODY_PREFIX + testName;
    }

    /** The test's own name if {@code methodName} names the coroutine of an {@code @AsyncTest}, else {@code methodName}. */
    public static String displayName(String methodName) {
        return methodName.startsWith(BODY_PREFIX) ? methodName.substring(BODY_PREFIX.length()) : methodName;
    }

    private static boolean has(List<AnnotationNode> annotations) {
        if (annotations == null) {
            return false;
        }
        for (AnnotationNode a : annotations) {
            if (a.desc.equals(ASYNC_TEST_DESCRIPTOR)) {
                return true;
            }
        }
        return false;
    }
}
