package id.peduli.workshop.goods;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.PeduliTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@PeduliTest
class GoodsDemoSeedTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSeedGivesEachSiteMaterialsWorkOrdersAndSalesFromWhatWasMadeOnce() {
        GoodsDemoSeed seed = context.getBean(GoodsDemoSeed.class);
        assertThat(seed.name()).isEqualTo("workshop-goods-v1");
        assertThat(seed.dependsOn()).contains("demo-v1", "workshop-v1");
        GoodsFixtures.Objects goods = GoodsTestSupport.fixtures(context, "SW Peduli Wonosobo");
        // the demo runner may have seeded the site at start: make it look unseeded, so that this load seeds it again
        jdbc.sql("update workshop.material set code = code || '-LAMA' where site_id = ? and code not like '%-LAMA'")
                .param(goods.site())
                .update();
        GoodsTestSupport.asUser(context, "admin", () -> {
            seed.load();
            return null;
        });
        Materials materials = context.getBean(Materials.class);
        assertThat(materials.ofSite(goods.site()))
                .filteredOn(m -> m.code().equals("KAIN-PERCA") || m.code().equals("BENANG"))
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.onHand()).isPositive());
        assertThat(context.getBean(WorkOrders.class).ofSite(goods.site()))
                .anyMatch(WorkOrderView::overdue)
                .anyMatch(w -> w.status() == WorkOrderStatus.READY);
        // the fixture's product had 19 on hand: a fifth went to the gallery, a third was sold
        assertThat(context.getBean(FinishedGoods.class).atSite(goods.site(), goods.gallery()))
                .filteredOn(l -> l.productId() == goods.product())
                .singleElement()
                .satisfies(l -> assertThat(l.onHand()).isEqualTo(19 - 3 - 6));
        long sales = sales(goods.site());

        GoodsTestSupport.asUser(context, "admin", () -> {
            seed.load();
            return null;
        });
        assertThat(materials.ofSite(goods.site()))
                .filteredOn(m -> m.code().equals("KAIN-PERCA"))
                .hasSize(1);
        assertThat(sales(goods.site())).isEqualTo(sales);
    }

    private long sales(long site) {
        return jdbc.sql("select count(*) from workshop.sale where location_id = ?")
                .param(site)
                .query(Long.class)
                .single();
    }
}
