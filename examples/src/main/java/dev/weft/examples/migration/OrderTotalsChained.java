package dev.weft.examples.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Before: each customer's order total as a chain of {@link CompletableFuture} stages (the
 * "before" program of {@code docs/migrating-from-completablefuture.md}; {@link OrderTotalsAwaited}
 * is the same program after the migration, and prints the same lines).
 */
public class OrderTotalsChained {

    static CompletableFuture<String> total(String name) {
        return Shop.customer(name)
                .thenCompose(customer -> Shop.orders(customer)
                        .thenCompose(orders -> {
                            List<CompletableFuture<Double>> prices = new ArrayList<>();
                            for (String order : orders) {
                                prices.add(Shop.price(order));
                            }
                            return CompletableFuture.allOf(prices.toArray(CompletableFuture[]::new))
                                    .thenApply(allDone -> prices.stream().mapToDouble(CompletableFuture::join).sum());
                        })
                        .thenApply(sum -> customer + ": " + Shop.money(sum)))
                .orTimeout(300, TimeUnit.MILLISECONDS)
                .exceptionally(e -> name + ": no total (" + why(e) + ")");
    }

    /** A stage's failure reaches {@code exceptionally} wrapped in a CompletionException, or not. */
    static String why(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof TimeoutException ? "timed out" : cause.getMessage();
    }

    public static void main(String[] args) {
        List<CompletableFuture<String>> totals = new ArrayList<>();
        for (String name : Shop.CUSTOMERS) {
            totals.add(total(name));
        }
        CompletableFuture.allOf(totals.toArray(CompletableFuture[]::new)).join();
        for (CompletableFuture<String> total : totals) {
            System.out.println(total.join());
        }
    }
}
