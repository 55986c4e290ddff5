package id.peduli.workshop.goods;

import id.peduli.Today;
import id.peduli.workshop.WorkshopFixtures;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Goods for tests: a registered site with a product of its centre, a material, an open work order, and a sale from
 * accepted production. Outside the package, the authorization matrix calls {@link #create} with a national
 * administrator signed in.
 */
public final class GoodsFixtures {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    /** The ids the matrix calls the goods endpoints with; {@code gallery} is the id of the site's centre. */
    public record Objects(long site, long gallery, long product, long material, long workOrder, long sale) {}

    private GoodsFixtures() {}

    public static Objects create(ApplicationContext context, long siteUnitId) {
        WorkshopFixtures.Objects workshop = WorkshopFixtures.create(context, siteUnitId);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        long centre = jdbc.sql("select centre_id from workshop.site_profile where site_id = ?")
                .param(siteUnitId)
                .query(Long.class)
                .single();
        produce(jdbc, siteUnitId, workshop.product(), 20);
        MaterialView material = context.getBean(Materials.class)
                .create(
                        siteUnitId,
                        new MaterialCommand(
                                "BHN-" + SERIAL.incrementAndGet() + "-" + System.nanoTime() % 100000,
                                "Benang matriks",
                                "gulung",
                                5_000L,
                                true));
        WorkOrderView order = context.getBean(WorkOrders.class)
                .create(
                        siteUnitId,
                        new WorkOrderCommand(
                                "Toko Matriks",
                                workshop.product(),
                                5,
                                Today.date().plusDays(7),
                                null));
        SaleView sale = context.getBean(Sales.class)
                .sell(
                        siteUnitId,
                        false,
                        new SaleCommand(
                                Today.date(),
                                "Pembeli Matriks",
                                SaleChannel.LOCAL_BUYER,
                                null,
                                null,
                                List.of(new GoodsLine(workshop.product(), 1, null))));
        return new Objects(siteUnitId, centre, workshop.product(), material.id(), order.id(), sale.id());
    }

    /** Accepted production of {@code quantity} units at the site today (a record without a session). */
    public static void produce(JdbcClient jdbc, long siteId, long productId, int quantity) {
        jdbc.sql("""
                        insert into workshop.production_record (site_id, made_on, enrolment_id, person_id, product_id,
                            quantity, rejects, minutes)
                        values (?, ?, 0, 0, ?, ?, 0, 60)
                        """).params(siteId, Today.date(), productId, quantity).update();
    }
}
