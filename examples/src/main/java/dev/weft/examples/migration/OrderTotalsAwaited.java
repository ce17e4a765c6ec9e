package dev.weft.examples.migration;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.gather;
import static dev.weft.Weft.run;
import static dev.weft.Weft.waitFor;
import static dev.weft.Weft.wrapFuture;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.TimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * After: {@link OrderTotalsChained} migrated to Weft, line for line ({@code
 * docs/migrating-from-completablefuture.md}). The same {@link Shop} calls, awaited where the chain
 * composed them; {@code try}/{@code catch} where it had {@code exceptionally}. Prints the same lines.
 */
public class OrderTotalsAwaited {

    @Async
    static Coroutine<String> total(String name) {
        try {
            return Coroutine.returning(await(waitFor(totalOf(name), 0.3)));      // .orTimeout(300, MILLISECONDS)
        } catch (TimeoutException e) {                                           // .exceptionally(e -> ...)
            return Coroutine.returning(name + ": no total (timed out)");
        } catch (RuntimeException e) {
            return Coroutine.returning(name + ": no total (" + e.getMessage() + ")");
        }
    }

    @Async
    static Coroutine<String> totalOf(String name) {
        String customer = await(Shop.customer(name));                            // .thenCompose(customer -> ...
        List<String> orders = await(Shop.orders(customer));                      // .thenCompose(orders -> ...
        List<Future<Double>> prices = new ArrayList<>();
        for (String order : orders) {
            prices.add(wrapFuture(Shop.price(order)));                           // all asked at once
        }
        double sum = 0;
        for (double price : await(gather(prices))) {                             // CompletableFuture.allOf
            sum += price;
        }
        return Coroutine.returning(customer + ": " + Shop.money(sum));           // .thenApply(sum -> ...)
    }

    @Async
    static Coroutine<List<String>> main() {
        List<Task<String>> totals = new ArrayList<>();
        for (String name : Shop.CUSTOMERS) {
            totals.add(createTask(total(name)));
        }
        return Coroutine.returning(await(gather(totals)));
    }

    public static void main(String[] args) {
        for (String total : run(main())) {
            System.out.println(total);
        }
    }
}
