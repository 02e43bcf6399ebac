package io.quanyu.profile.messaging;

import io.quanyu.profile.domain.PortraitUpdater.ProductInfo;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/** Category and brand by product id: the product table, held in memory for the event path. */
@ApplicationScoped
public class Catalog {

    private final DataSource dataSource;
    private final Map<String, ProductInfo> products = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    public Catalog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ProductInfo get(String productId) {
        if (!loaded) {
            load();
        }
        return products.get(productId);
    }

    /** Stores and remembers one product (from catalog.products.v1). */
    public void put(String productId, String category, String brand) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO product (product_id, category, brand) VALUES (?, ?, ?)
                ON CONFLICT (product_id) DO UPDATE SET category = excluded.category, brand = excluded.brand, updated_at = now()""")) {
            ps.setString(1, productId);
            ps.setString(2, category);
            ps.setString(3, brand);
            ps.executeUpdate();
        }
        products.put(productId, new ProductInfo(category, brand));
    }

    public void remove(String productId) {
        products.remove(productId);
    }

    private synchronized void load() {
        if (loaded) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT product_id, category, brand FROM product");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                products.putIfAbsent(rs.getString(1), new ProductInfo(rs.getString(2), rs.getString(3)));
            }
            loaded = true;
        } catch (SQLException e) {
            // The event path goes on without categories for ids it cannot look up; the next call tries again.
            org.jboss.logging.Logger.getLogger(Catalog.class).warnf("product table not readable yet: %s", e.getMessage());
        }
    }
}
