package dev.weft.transform.property;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Weft;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * What the random coroutines await, in their Weft form and in their reference form. A pending
 * future (a Weft one or a {@code CompletableFuture}) stands for a yield: the driver sees its value and settles it as its script says. Done and
 * failed futures are the awaits that must not suspend.
 */
public final class Awaits {
    /**
     * Told of each pending future a Weft coroutine is about to await, with the value it carries.
     * Set by the driver before it runs a program; programs run one at a time.
     */
    static volatile BiConsumer<Object, Object> driver;

    private Awaits() {
    }

    /** A pending future on the running loop, carrying {@code value} for the driver, which settles it later. */
    public static Future<Object> pending(Object value) {
        Future<Object> f = Weft.getRunningLoop().createFuture();
        driver.accept(value, f);
        return f;
    }

    /** A pending {@link CompletableFuture} carrying {@code value} for the driver, which settles it later (on the loop's thread). */
    public static CompletableFuture<Object> pendingStage(Object value) {
        CompletableFuture<Object> f = new CompletableFuture<>();
        driver.accept(value, f);
        return f;
    }

    /** A pending Weft future the running loop completes with {@code value} on its next turn: an await that suspends with no driver. */
    public static Future<Object> soon(Object value) {
        EventLoop loop = loop();
        Future<Object> f = loop.createFuture();
        loop.callSoon(() -> f.setResult(value));
        return f;
    }

    /** A Weft future already done with {@code value}: awaiting it takes the value without suspending. */
    public static Future<Object> done(Object value) {
        Future<Object> f = loop().createFuture();
        f.setResult(value);
        return f;
    }

    /** A {@link CompletableFuture} already done with {@code value}. */
    public static CompletableFuture<Object> doneStage(Object value) {
        return CompletableFuture.completedFuture(value);
    }

    /** A Weft future already failed with {@code Boom(v)}: awaiting it throws that Boom. */
    public static Future<Object> failed(int v) {
        Future<Object> f = loop().createFuture();
        f.setException(new Boom(v));
        return f;
    }

    /** A {@link CompletableFuture} already failed with {@code Boom(v)}. */
    public static CompletableFuture<Object> failedStage(int v) {
        CompletableFuture<Object> f = new CompletableFuture<>();
        f.completeExceptionally(new Boom(v));
        return f;
    }

    // ---- the reference's side: what awaiting a done or failed future does, with no loop ----

    /** The reference's await of a done future: its value. */
    public static Object same(Object value) {
        return value;
    }

    /** The reference's await of a failed future: the exception, thrown. */
    public static Object raise(int v) {
        throw new Boom(v);
    }

    private static EventLoop loop() {
        return Weft.getRunningLoop();
    }
}
