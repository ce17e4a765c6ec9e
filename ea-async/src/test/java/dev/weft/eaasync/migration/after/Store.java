package dev.weft.eaasync.migration.after;

import static dev.weft.Weft.await;
import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.weft.Async;
import dev.weft.eaasync.migration.Bank;
import dev.weft.eaasync.migration.Inventory;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

public class Store {
    private final Bank bank = new Bank(100);
    private final Inventory inventory = new Inventory("sword");

    @Async
    public CompletableFuture<Boolean> buyItem(String itemTypeId, int cost) {
        if (!await(bank.decrement(cost))) {
            return completedFuture(false);
        }
        try {
            await(inventory.giveItem(itemTypeId));
            return completedFuture(true);
        } catch (NoSuchElementException ex) { // await raised the failure itself
            await(bank.refund(cost));
            throw new IllegalStateException(itemTypeId + ": " + ex.getMessage());
        }
    }

    public static void main(String[] args) {
        Store store = new Store();
        System.out.println("sword: " + store.buyItem("sword", 30).join());
        System.out.println("castle: " + store.buyItem("castle", 500).join());
        System.out.println("shield: " + store.buyItem("shield", 30)
                .exceptionally(e -> { System.out.println("failed, " + e.getMessage()); return false; }).join());
        System.out.println("balance: " + store.bank.balance());
    }
}
