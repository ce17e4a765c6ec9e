package dev.weft;

import dev.weft.internal.NeverAwaited;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers "coroutine ... was never awaited" reports (debug mode, see {@link EventLoop#setDebug})
 * to the loop that was running where the coroutine was created: its exception handler gets
 * {@code "message"}, {@code "coroutine"} (the method's name) and {@code "source_traceback"} (where it
 * was created, innermost call first).
 */
final class NeverAwaitedReports implements NeverAwaited.Reporter {
    static final NeverAwaitedReports INSTANCE = new NeverAwaitedReports();

    @Override
    public Object currentLoop() {
        return EventLoop.runningOrNull();
    }

    @Override
    public boolean report(Object where, String message, String coroutine, List<StackTraceElement> createdAt) {
        EventLoop loop = (EventLoop) where;
        if (!loop.isRunning() || loop.isClosed()) {
            return false;
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("message", message);
        c.put("coroutine", coroutine);
        c.put("source_traceback", createdAt);
        loop.callSoonThreadsafe(() -> loop.callExceptionHandler(java.util.Collections.unmodifiableMap(c)));
        return true;
    }
}
