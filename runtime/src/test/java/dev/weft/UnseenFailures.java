package dev.weft;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The leak check over the runtime's own tests, registered for every Jupiter test by
 * {@code META-INF/services}: whatever reaches a loop's default exception handler during a test (a
 * task or future whose exception nobody retrieved, a callback that threw) fails the test, as
 * weft-junit's {@code @AsyncTest} fails on it. A test that means to leave such a failure says so
 * with {@link Expected}, and why.
 */
public final class UnseenFailures implements BeforeEachCallback, AfterEachCallback {
    private final List<Map<String, Object>> reports = new ArrayList<>();

    /** The test leaves a failure to the default exception handler on purpose. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Expected {
        /** Why the test leaves it. */
        String value();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (reports) {
            reports.clear();
        }
        EventLoop.unhandledWatch = (loop, report) -> {
            synchronized (reports) {
                reports.add(report);
            }
        };
    }

    @Override
    public void afterEach(ExtensionContext context) {
        EventLoop.unhandledWatch = null;
        List<Map<String, Object>> seen;
        synchronized (reports) {
            seen = new ArrayList<>(reports);
            reports.clear();
        }
        if (seen.isEmpty() || expected(context)) {
            return;
        }
        StringBuilder message = new StringBuilder("the test left failures nobody saw (retrieve them, or mark the test"
                + " @UnseenFailures.Expected with the reason):");
        for (Map<String, Object> report : seen) {
            message.append("\n  ").append(report.get("message"));
            Object e = report.get("exception");
            if (e instanceof Throwable) {
                message.append(": ").append(e);
            }
        }
        AssertionError failure = new AssertionError(message.toString());
        for (Map<String, Object> report : seen) {
            if (report.get("exception") instanceof Throwable) {
                failure.addSuppressed((Throwable) report.get("exception"));
            }
        }
        throw failure;
    }

    private static boolean expected(ExtensionContext context) {
        return context.getRequiredTestMethod().isAnnotationPresent(Expected.class)
                || context.getRequiredTestClass().isAnnotationPresent(Expected.class);
    }
}
