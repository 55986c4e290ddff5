package id.peduli.workshop.goods;

import id.peduli.workshop.Money;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finished-goods stock, computed from the records and never stored. At a site: the accepted units of its production
 * records (quantity minus rejects, product records only) minus its sales minus its transfers to the gallery. At the
 * gallery shop of a centre: the transfers it received minus its sales. Sales count without their returned units, and
 * a cancelled sale not at all. A query of the module, without a scope check:
 * the caller has checked the location.
 */
@Service
public class FinishedGoods {

    private static final String SITE = """
            with made as (select product_id, sum(quantity - rejects) as q from workshop.production_record
                          where site_id = :loc and product_id is not null group by product_id),
                 sold as (select l.product_id, sum(l.quantity - coalesce(r.q, 0)) as q from workshop.sale s
                          join workshop.sale_line l on l.sale_id = s.id
                          left join (select sale_line_id, sum(quantity) as q from workshop.sale_return_line
                                     group by sale_line_id) r on r.sale_line_id = l.id
                          where s.location_id = :loc and not s.gallery and s.cancelled_on is null
                          group by l.product_id),
                 moved as (select l.product_id, sum(l.quantity) as q from workshop.goods_transfer t
                          join workshop.goods_transfer_line l on l.transfer_id = t.id
                          where t.site_id = :loc group by l.product_id)
            select p.id, p.code, p.name, p.unit, p.sale_price, coalesce(made.q, 0) as received,
                coalesce(sold.q, 0) as sold, coalesce(moved.q, 0) as transferred
            from workshop.product p
            left join made on made.product_id = p.id left join sold on sold.product_id = p.id
            left join moved on moved.product_id = p.id
            where p.centre_id = :centre and (p.active or made.q is not null)
            order by p.code
            """;

    private static final String GALLERY = """
            with came as (select l.product_id, sum(l.quantity) as q from workshop.goods_transfer t
                          join workshop.goods_transfer_line l on l.transfer_id = t.id
                          where t.gallery_id = :loc group by l.product_id),
                 sold as (select l.product_id, sum(l.quantity - coalesce(r.q, 0)) as q from workshop.sale s
                          join workshop.sale_line l on l.sale_id = s.id
                          left join (select sale_line_id, sum(quantity) as q from workshop.sale_return_line
                                     group by sale_line_id) r on r.sale_line_id = l.id
                          where s.location_id = :loc and s.gallery and s.cancelled_on is null
                          group by l.product_id)
            select p.id, p.code, p.name, p.unit, p.sale_price, coalesce(came.q, 0) as received,
                coalesce(sold.q, 0) as sold, 0 as transferred
            from workshop.product p
            left join came on came.product_id = p.id left join sold on sold.product_id = p.id
            where p.centre_id = :centre and (p.active or came.q is not null)
            order by p.code
            """;

    private final JdbcClient jdbc;

    FinishedGoods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The finished goods at the site {@code siteId} of the centre {@code centreId}, one line per product. */
    public List<StockLine> atSite(long siteId, long centreId) {
        return lines(SITE, siteId, centreId);
    }

    /** The finished goods in the gallery shop of the centre {@code centreId}, one line per product. */
    public List<StockLine> atGallery(long centreId) {
        return lines(GALLERY, centreId, centreId);
    }

    /** The stock at the location, by product id. */
    Map<Long, StockLine> byProduct(Location location) {
        List<StockLine> lines =
                location.gallery() ? atGallery(location.id()) : atSite(location.id(), location.centreId());
        return lines.stream().collect(Collectors.toMap(StockLine::productId, Function.identity()));
    }

    private List<StockLine> lines(String sql, long location, long centre) {
        return jdbc.sql(sql)
                .param("loc", location)
                .param("centre", centre)
                .query((rs, row) -> {
                    long received = rs.getLong("received");
                    long sold = rs.getLong("sold");
                    long transferred = rs.getLong("transferred");
                    return new StockLine(
                            rs.getLong("id"),
                            rs.getString("code"),
                            rs.getString("name"),
                            rs.getString("unit"),
                            Money.of(rs.getLong("sale_price")),
                            received,
                            sold,
                            transferred,
                            received - sold - transferred);
                })
                .list();
    }
}
