package dev.weft;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the threads greenlets run on: virtual threads where the JDK has them (21 and later),
 * daemon platform threads before, named {@code weft-greenlet-N} either way. The runtime is
 * compiled for Java 11, so the virtual-thread builder is found by reflection, once.
 * {@code -Dweft.greenlet.threads=platform} forces platform threads.
 */
final class GreenletThreads {
    private static final String PREFIX = "weft-greenlet-";
    private static final ThreadFactory FACTORY = factory();

    private GreenletThreads() {
    }

    /** A new, unstarted thread for a greenlet. */
    static Thread unstarted(Runnable body) {
        return FACTORY.newThread(body);
    }

    /** True when greenlets run on virtual threads. */
    static boolean virtual() {
        return !(FACTORY instanceof Platform);
    }

    private static ThreadFactory factory() {
        String wanted = System.getProperty("weft.greenlet.threads", "").toLowerCase(Locale.ROOT);
        if (!wanted.equals("platform")) {
            try {
                // Thread.ofVirtual().name(PREFIX, 0).factory(), without compiling against Java 21
                Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
                Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
                Method name = ofVirtual.getMethod("name", String.class, long.class);
                builder = name.invoke(builder, PREFIX, 0L);
                return (ThreadFactory) ofVirtual.getMethod("factory").invoke(builder);
            } catch (ReflectiveOperationException | RuntimeException before21) {
                // no virtual threads on this JDK: platform threads
            }
        }
        return new Platform();
    }

    /** Daemon platform threads, so that a suspended greenlet never keeps the JVM from exiting. */
    private static final class Platform implements ThreadFactory {
        private final AtomicLong count = new AtomicLong();

        @Override
        public Thread newThread(Runnable body) {
            Thread t = new Thread(body, PREFIX + count.getAndIncrement());
            t.setDaemon(true);
            return t;
        }
    }
}
