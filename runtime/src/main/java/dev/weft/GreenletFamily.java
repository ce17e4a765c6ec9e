package dev.weft;

import java.lang.ref.Cleaner;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The greenlets of one thread: its main greenlet and every greenlet created while one of them
 * ran. Exactly one of them runs at a time; they switch only among themselves.
 *
 * <p>It also ends the greenlets its program threw away: a started, unfinished greenlet that
 * becomes unreachable is found by a {@link Cleaner} and queued here; the family's running greenlet
 * raises {@link GreenletExit} in it at its next greenlet call (as greenlet does for greenlets
 * freed by another thread), or, if the family's thread has ended, a reaper thread standing in for
 * it does so at once. Either way the greenlet's thread finishes.
 */
final class GreenletFamily {
    private static final Cleaner CLEANER = Cleaner.create(body -> {
        Thread t = new Thread(body, "weft-greenlet-cleaner");
        t.setDaemon(true);
        return t;
    });

    /** The thread whose family this is. */
    final Thread home;
    final GreenletStack mainStack;
    final Greenlet main;
    private final ConcurrentLinkedQueue<GreenletStack> abandoned = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean reaping = new AtomicBoolean();

    GreenletFamily(Thread thread) {
        home = thread;
        mainStack = new GreenletStack(this, thread);
        main = new Greenlet(mainStack);
        mainStack.running = main;
    }

    /** Kills {@code stack} once {@code handle}, its greenlet, is unreachable (the action holds the stack only). */
    void watch(Greenlet handle, GreenletStack stack) {
        CLEANER.register(handle, () -> abandon(stack));
    }

    private void abandon(GreenletStack stack) {
        if (stack.finished()) {
            return;
        }
        abandoned.add(stack);
        if (!home.isAlive()) {
            startReaper();
        }
    }

    /** Raises {@link GreenletExit} in each abandoned greenlet, from {@code current}, the running stack. */
    void reapAbandoned(GreenletStack current) {
        GreenletStack stack;
        while (!abandoned.isEmpty() && (stack = abandoned.poll()) != null) {
            kill(current, stack);
        }
    }

    private void kill(GreenletStack current, GreenletStack stack) {
        if (stack.finished()) {
            return;
        }
        // greenlet's rule: during the kill the parent is the killer; a survivor gets its own back
        Greenlet parent = stack.parent;
        stack.parent = current.running;
        Greenlet revived = new Greenlet(stack);
        watch(revived, stack);
        try {
            current.switchTo(revived, null, new GreenletExit());
        } catch (Throwable t) {
            // nobody to raise it to (greenlet prints "Exception ignored" too)
            System.err.println("Exception ignored in " + revived + ", killed with GreenletExit:");
            t.printStackTrace();
        } finally {
            if (!stack.finished()) {
                stack.parent = parent;
            }
        }
    }

    private void startReaper() {
        if (reaping.compareAndSet(false, true)) {
            GreenletThreads.unstarted(this::reapAsMain).start();
        }
    }

    /** Runs on a reaper thread: takes the place of the family's ended thread, and kills. */
    private void reapAsMain() {
        do {
            GreenletStack.adopt(mainStack);
            reapAbandoned(mainStack);
            reaping.set(false);
        } while (!abandoned.isEmpty() && reaping.compareAndSet(false, true));
    }
}
