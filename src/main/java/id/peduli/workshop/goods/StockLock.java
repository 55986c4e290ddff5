package id.peduli.workshop.goods;

import id.peduli.shared.BusinessException;
import id.peduli.workshop.ProductView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks that goods taken from a location are there, under a transaction-scoped lock of the location: two sales or
 * transfers from one place at the same time are checked one after the other, so together they cannot take more than
 * there is. Call inside the writing transaction, before writing.
 */
@Component
class StockLock {

    static final int MAX_LINES = 50;

    private final JdbcClient jdbc;
    private final FinishedGoods goods;
    private final GoodsProducts products;

    StockLock(JdbcClient jdbc, FinishedGoods goods, GoodsProducts products) {
        this.jdbc = jdbc;
        this.goods = goods;
        this.products = products;
    }

    /** The lines checked (products of the centre, quantities above zero), merged per product. */
    Map<ProductView, Integer> checkedLines(Location location, List<GoodsLine> lines) {
        if (lines == null || lines.stream().allMatch(l -> l == null || l.productId() == null)) {
            throw BusinessException.invalid("lines", "goods.lines.required");
        }
        if (lines.size() > MAX_LINES) {
            throw BusinessException.invalid("lines", "goods.lines.tooMany", MAX_LINES);
        }
        Map<Long, ProductView> byId = new LinkedHashMap<>();
        Map<ProductView, Integer> merged = new LinkedHashMap<>();
        for (GoodsLine line : lines) {
            if (line == null || line.productId() == null) {
                continue;
            }
            ProductView product =
                    byId.computeIfAbsent(line.productId(), id -> products.ofCentre(id, location.centreId(), "lines"));
            if (line.quantity() == null) {
                throw BusinessException.invalid("lines", "goods.line.quantityRequired", product.name());
            }
            if (line.quantity() <= 0) {
                throw BusinessException.invalid("lines", "goods.line.quantityPositive", product.name());
            }
            merged.merge(product, line.quantity(), Math::addExact);
        }
        return merged;
    }

    /** Locks the location and refuses when a product has less on hand than asked, naming it and what is there. */
    void take(Location location, Map<ProductView, Integer> wanted) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('workshop.goods.stock'), ?)")
                .param((int) location.id())
                .query((rs, row) -> 1)
                .list();
        var stock = goods.byProduct(location);
        for (var entry : wanted.entrySet()) {
            StockLine line = stock.get(entry.getKey().id());
            long onHand = line == null ? 0 : line.onHand();
            if (entry.getValue() > onHand) {
                throw BusinessException.invalid(
                        "lines",
                        "goods.stock.short",
                        entry.getKey().name(),
                        Math.max(onHand, 0),
                        entry.getKey().unit(),
                        entry.getValue());
            }
        }
    }
}
