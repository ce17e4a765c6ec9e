package dev.weft.junit;

import dev.weft.Coroutine;
import dev.weft.EventLoop;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Runs an {@link AsyncTest}: JUnit's call of the test method is replaced by running the method's
 * coroutine (made by the rewrite) to completion on a fresh loop, then checking the loop was left
 * clean ({@link TestRun}). Resolves an {@code EventLoop} parameter to that loop.
 *
 * <p>Registered by {@code @AsyncTest} itself; there is no need to name it.
 */
public final class AsyncTestExtension implements InvocationInterceptor, ParameterResolver {
    /** What the rewrite names the coroutine of a test (its {@code AsyncTests.BODY_PREFIX}). */
    static final String BODY_PREFIX = "asyncTest$";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AsyncTestExtension.class);

    /** Made by JUnit, from {@code @AsyncTest}'s {@code @ExtendWith}. */
    public AsyncTestExtension() {
    }

    /**
     * Runs the test's coroutine on its loop instead of the test method.
     *
     * @param invocation JUnit's call of the test method, skipped
     * @param invocationContext the test method, its instance and its arguments
     * @param extensionContext the test's context, which holds its loop if a parameter asked for it
     * @throws Throwable the test body's exception, or an {@code AssertionError} for a task left
     *     pending or failed unseen
     */
    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext extensionContext) throws Throwable {
        Method test = invocationContext.getExecutable();
        invocation.skip();
        Method body = bodyOf(test);
        Coroutine<Void> coroutine = start(body, invocationContext.getTarget().orElse(null), invocationContext.getArguments());
        new TestRun(loopOf(test, extensionContext)).run(coroutine);
    }

    /**
     * Whether the parameter is an {@code EventLoop} of an {@code @AsyncTest} method.
     *
     * @param parameterContext the parameter
     * @param extensionContext the test's context
     * @return whether this resolves the parameter
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EventLoop.class
                && parameterContext.getDeclaringExecutable() instanceof Method
                && asyncTest((Method) parameterContext.getDeclaringExecutable()) != null;
    }

    /**
     * The loop the test will run on, made now.
     *
     * @param parameterContext the parameter
     * @param extensionContext the test's context, which keeps the loop for {@link #interceptTestMethod}
     * @return the test's loop, not running yet
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return loopOf((Method) parameterContext.getDeclaringExecutable(), extensionContext);
    }

    /** The test's loop: one a test, made at the first ask, on the clock its annotation asks for. */
    private static EventLoop loopOf(Method test, ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(EventLoop.class, k -> {
            AsyncTest config = asyncTest(test);
            return config != null && config.virtualTime() ? EventLoop.withVirtualClock() : EventLoop.create();
        }, EventLoop.class);
    }

    private static AsyncTest asyncTest(Method m) {
        AsyncTest direct = m.getAnnotation(AsyncTest.class);
        if (direct != null) {
            return direct;
        }
        for (java.lang.annotation.Annotation a : m.getAnnotations()) { // @AsyncTest on a composed annotation
            AsyncTest meta = a.annotationType().getAnnotation(AsyncTest.class);
            if (meta != null) {
                return meta;
            }
        }
        return null;
    }

    /** The coroutine method the rewrite made of {@code test}'s body, or an error saying the rewrite did not run. */
    private static Method bodyOf(Method test) {
        try {
            Method body = test.getDeclaringClass().getDeclaredMethod(BODY_PREFIX + test.getName(), test.getParameterTypes());
            if (body.getReturnType() == Coroutine.class) {
                body.setAccessible(true);
                return body;
            }
        } catch (NoSuchMethodException notRewritten) {
            // fall through
        }
        throw new IllegalStateException("@AsyncTest " + test.getDeclaringClass().getName() + "." + test.getName()
                + " was not rewritten, so its awaits cannot run: rewrite the test classes with the weft-maven-plugin's"
                + " instrument-test goal (see the README, \"Testing async code\"), or run the tests with the Weft agent");
    }

    @SuppressWarnings("unchecked")
    private static Coroutine<Void> start(Method body, Object target, List<Object> arguments) throws Throwable {
        try {
            return (Coroutine<Void>) body.invoke(target, arguments.toArray());
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
