package id.peduli.workshop.goods;

import id.peduli.shared.BusinessException;
import id.peduli.workshop.Money;
import id.peduli.workshop.ProductView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The products of a centre as goods see them: what can be ordered, moved and sold. */
@Component
class GoodsProducts {

    private static final String COLUMNS = "id, centre_id, code, name, unit, sale_price, active, version";

    private final JdbcClient jdbc;

    GoodsProducts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ProductView> activeOfCentre(long centreId) {
        return jdbc.sql("select " + COLUMNS + " from workshop.product where centre_id = ? and active order by code")
                .param(centreId)
                .query(GoodsProducts::map)
                .list();
    }

    /** An active product of the centre, or a refusal naming the field. */
    ProductView ofCentre(Long productId, long centreId, String field) {
        if (productId == null) {
            throw BusinessException.invalid(field, "validation.required");
        }
        return jdbc.sql("select " + COLUMNS + " from workshop.product where id = ? and centre_id = ? and active")
                .params(productId, centreId)
                .query(GoodsProducts::map)
                .optional()
                .orElseThrow(() -> BusinessException.invalid(field, "goods.product.unknown"));
    }

    static ProductView map(ResultSet rs, int row) throws SQLException {
        return new ProductView(
                rs.getLong("id"),
                rs.getLong("centre_id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("unit"),
                Money.of(rs.getLong("sale_price")),
                rs.getBoolean("active"),
                rs.getInt("version"));
    }
}
