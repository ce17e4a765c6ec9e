package dev.weft;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * A loop's ledger of failed futures and tasks whose exception nobody retrieved yet: Python's
 * "Task exception was never retrieved", which asyncio reports when such a future is collected
 * ({@code Future.__del__}). Each failure is held by a weak reference, so the ledger never keeps a
 * future alive: once the garbage collector finds the future unreachable, the loop reports its
 * exception in its next iteration; what is still registered when the loop closes is reported then.
 * Retrieving the exception takes the entry out at once, so retrieved failures cost one small
 * object and nothing later. Used on the loop's thread only.
 */
final class UnretrievedFailures {
    /** Where the collector puts the entries of collected futures. */
    private final ReferenceQueue<Future<?>> collected = new ReferenceQueue<>();
    /** The entries registered, a doubly-linked list: the references must stay reachable to be enqueued. */
    private Entry head;
    /** The last one registered: entries are reported at close in the order the futures failed. */
    private Entry tail;
    private int count;

    /** Registers {@code f}, just failed with {@code exception}; the entry goes when it is retrieved. */
    Entry note(Future<?> f, Throwable exception) {
        Entry e = new Entry(f, exception, collected);
        Entry t = tail;
        e.prev = t;
        if (t != null) {
            t.next = e;
        } else {
            head = e;
        }
        tail = e;
        count++;
        return e;
    }

    /** The exception of {@code e}'s future was retrieved: nothing to report. */
    void retrieved(Entry e) {
        if (e.registered) {
            unlink(e);
        }
        e.clear();
    }

    /** How many failures are registered and not reported yet. */
    int size() {
        return count;
    }

    /** Reports the failed futures the collector found unreachable; nothing to do when none is registered. */
    void reportCollected(EventLoop loop) {
        if (count == 0) {
            return;
        }
        Object r;
        while ((r = collected.poll()) != null) {
            Entry e = (Entry) r;
            if (e.registered) {
                unlink(e);
                report(loop, e, null);
            }
        }
    }

    /** At close: the collected ones, then each failure still registered, marked retrieved. */
    void reportTo(EventLoop loop) {
        reportCollected(loop);
        while (head != null) {
            Entry e = head;
            unlink(e);
            Future<?> f = e.get();
            if (f != null) {
                f.markRetrieved();
            }
            report(loop, e, f);
        }
    }

    private void unlink(Entry e) {
        Entry p = e.prev;
        Entry n = e.next;
        if (p != null) {
            p.next = n;
        } else {
            head = n;
        }
        if (n != null) {
            n.prev = p;
        } else {
            tail = p;
        }
        e.prev = null;
        e.next = null;
        e.registered = false;
        count--;
    }

    /** To the handler: the future itself if it is still there, else what it printed as. */
    private static void report(EventLoop loop, Entry e, Future<?> f) {
        loop.callExceptionHandler(EventLoop.context((e.task ? "Task" : "Future") + " exception was never retrieved",
                e.exception, e.task ? "task" : "future", f != null ? f : e.describe()));
    }

    /** One failure: a weak reference to the future, and what is needed to report it once the future is gone. */
    static final class Entry extends WeakReference<Future<?>> {
        final Throwable exception;
        final boolean task;
        /** The future's class name, or the task's name. */
        private final String label;
        Entry prev;
        Entry next;
        boolean registered = true;

        Entry(Future<?> f, Throwable exception, ReferenceQueue<Future<?>> queue) {
            super(f, queue);
            this.exception = exception;
            this.task = f instanceof Task;
            this.label = task ? ((Task<?>) f).name() : f.getClass().getSimpleName();
        }

        /** What the future's {@code toString()} gave. */
        String describe() {
            return task ? "<Task finished exception=" + exception + " name='" + label + "'>"
                    : "<" + label + " finished exception=" + exception + ">";
        }
    }
}
