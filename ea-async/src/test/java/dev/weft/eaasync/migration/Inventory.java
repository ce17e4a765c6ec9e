package dev.weft.eaasync.migration;

import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** A remote store room: gives an item it has, fails with NoSuchElementException for one it has not. */
public class Inventory {
    private static final Executor LATER = CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS);
    private final Set<String> items;

    public Inventory(String... items) {
        this.items = Set.of(items);
    }

    public CompletableFuture<String> giveItem(String itemTypeId) {
        return CompletableFuture.supplyAsync(() -> {
            if (!items.contains(itemTypeId)) {
                throw new NoSuchElementException("out of stock");
            }
            return itemTypeId;
        }, LATER);
    }
}
