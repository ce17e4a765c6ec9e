package dev.weft;

import dev.weft.internal.CoroutineFrame;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * {@link Task#getStack()} and {@link Task#printStack()}: walks the await chain from the task's
 * innermost suspended frame up through {@link CoroutineFrame#parent()}, asking each frame where it
 * is ({@link dev.weft.internal.Frame#location()}). Nothing is recorded while tasks run: the chain
 * links are the ones the driver keeps anyway.
 */
final class TaskStack {
    private TaskStack() {
    }

    static List<StackTraceElement> of(Task<?> task, CoroutineFrame<?> leaf, int limit) {
        task.loop.checkThread("Task.getStack"); // the frames are the loop thread's to look at
        if (task.done() || limit <= 0) {
            return Collections.emptyList();
        }
        if (task.loop.currentTask == task && task.loop.isRunning()) {
            return running(limit);
        }
        List<StackTraceElement> frames = new ArrayList<>();
        for (CoroutineFrame<?> f = leaf; f != null && frames.size() < limit; f = f.parent()) {
            StackTraceElement e = f.location();
            if (e != null && !isWefts(e)) {
                frames.add(e);
            }
        }
        Collections.reverse(frames);
        return frames;
    }

    /** Whether {@code e} is in one of Weft's own coroutines ({@code sleep}, {@code waitFor}, ...): one of this runtime's classes. */
    private static boolean isWefts(StackTraceElement e) {
        if (!e.getClassName().startsWith("dev.weft.")) {
            return false;
        }
        try {
            Class<?> c = Class.forName(e.getClassName(), false, TaskStack.class.getClassLoader());
            return Objects.equals(c.getProtectionDomain().getCodeSource(), TaskStack.class.getProtectionDomain().getCodeSource());
        } catch (ClassNotFoundException | SecurityException notOurs) {
            return false;
        }
    }

    /** The running task: the Java stack from the innermost running coroutine's body to here, outermost first. */
    private static List<StackTraceElement> running(int limit) {
        StackTraceElement[] trace = new Throwable().getStackTrace();
        int from = 0;
        while (from < trace.length && trace[from].getClassName().startsWith("dev.weft.Task")) {
            from++;
        }
        int to = from;
        while (to < trace.length && !trace[to].getClassName().startsWith("dev.weft.internal.")) {
            to++;
        }
        List<StackTraceElement> frames = new ArrayList<>();
        for (int i = (to - from > limit ? from + limit : to) - 1; i >= from; i--) {
            frames.add(trace[i]);
        }
        return frames;
    }

    static void print(Task<?> task, List<StackTraceElement> frames, PrintStream out) {
        StringBuilder sb = new StringBuilder();
        Throwable exc = task.peekException();
        if (frames.isEmpty()) {
            sb.append("No stack for ").append(task).append('\n');
        } else {
            sb.append("Stack for ").append(task).append(" (most recent call last):\n");
        }
        for (StackTraceElement e : frames) {
            sb.append("  File \"").append(e.getFileName() == null ? e.getClassName() : e.getFileName())
                    .append("\", line ").append(e.getLineNumber()).append(", in ").append(e.getMethodName()).append('\n');
        }
        if (exc != null) {
            sb.append(exc).append('\n');
        }
        out.print(sb);
        out.flush();
    }
}
