package io.quanyu.recommender.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which products the catalog says are out of stock, as of the latest catalog record: kept live between trainings so
 * that an item that sells out stops being recommended at once.
 */
@ApplicationScoped
public class Stock {

    private final Set<String> outOfStock = ConcurrentHashMap.newKeySet();

    public void update(String productId, boolean inStock) {
        if (inStock) {
            outOfStock.remove(productId);
        } else {
            outOfStock.add(productId);
        }
    }

    public boolean inStock(String productId) {
        return !outOfStock.contains(productId);
    }

    /** Whether anything is out of stock at all, so requests can skip the check. */
    public boolean anyOutOfStock() {
        return !outOfStock.isEmpty();
    }
}
