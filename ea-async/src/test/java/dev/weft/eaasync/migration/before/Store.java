package dev.weft.eaasync.migration.before;

import static com.ea.async.Async.await;
import static java.util.concurrent.CompletableFuture.completedFuture;

import com.ea.async.Async;
import dev.weft.eaasync.migration.Bank;
import dev.weft.eaasync.migration.Inventory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

public class Store {
    static {
        Async.init();
    }

    private final Bank bank = new Bank(100);
    private final Inventory inventory = new Inventory("sword");

    public CompletableFuture<Boolean> buyItem(String itemTypeId, int cost) {
        if (!await(bank.decrement(cost))) {
            return completedFuture(false);
        }
        try {
            await(inventory.giveItem(itemTypeId));
            return completedFuture(true);
        } catch (CompletionException ex) { // await raised what join() raises
            await(bank.refund(cost));
            throw new IllegalStateException(itemTypeId + ": " + ex.getCause().getMessage());
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
