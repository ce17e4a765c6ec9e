package dev.weft.examples.migration;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The asynchronous service both versions of the order totals call, as a typical client library
 * offers it: every call answers a {@link CompletableFuture}, completed later on another thread.
 * ({@code docs/migrating-from-completablefuture.md})
 */
final class Shop {
    /** The customers whose totals both versions print, in order. */
    static final List<String> CUSTOMERS = List.of("ada", "grace", "nobody", "slowpoke");

    private static final Map<String, List<String>> ORDERS = Map.of(
            "Ada", List.of("book", "lamp"),
            "Grace", List.of("compiler"),
            "Slowpoke", List.of("book"));
    private static final Map<String, Double> PRICES = Map.of("book", 12.5, "lamp", 30.25, "compiler", 99.0);

    private Shop() {
    }

    /** The customer's display name; fails with {@link NoSuchElementException} for an unknown one. */
    static CompletableFuture<String> customer(String name) {
        return later(10, () -> {
            String known = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
            if (!ORDERS.containsKey(known)) {
                throw new NoSuchElementException("no customer " + name);
            }
            return known;
        });
    }

    /** The customer's orders; Slowpoke's take five seconds, longer than either version waits. */
    static CompletableFuture<List<String>> orders(String customer) {
        return later(customer.equals("Slowpoke") ? 5000 : 10, () -> ORDERS.get(customer));
    }

    /** The price of one item. */
    static CompletableFuture<Double> price(String item) {
        return later(10, () -> PRICES.get(item));
    }

    /** Money as both versions print it. */
    static String money(double amount) {
        return String.format(Locale.ROOT, "%.2f", amount);
    }

    private static <T> CompletableFuture<T> later(long millis, Supplier<T> answer) {
        return CompletableFuture.supplyAsync(answer, CompletableFuture.delayedExecutor(millis, MILLISECONDS));
    }
}
