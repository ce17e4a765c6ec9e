package dev.weft.eaasync.migration;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** A remote account: each call answers later, on another thread. */
public class Bank {
    private static final Executor LATER = CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS);
    private int balance;

    public Bank(int balance) {
        this.balance = balance;
    }

    public CompletableFuture<Boolean> decrement(int amount) {
        return CompletableFuture.supplyAsync(() -> {
            synchronized (this) {
                if (balance < amount) {
                    return false;
                }
                balance -= amount;
                return true;
            }
        }, LATER);
    }

    public CompletableFuture<Void> refund(int amount) {
        return CompletableFuture.runAsync(() -> {
            synchronized (this) {
                balance += amount;
            }
        }, LATER);
    }

    public synchronized int balance() {
        return balance;
    }
}
