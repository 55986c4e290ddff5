package id.peduli.workshop.goods;

import id.peduli.platform.DemoSeed;
import id.peduli.workshop.ProductView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo goods for the SW Peduli sites of Kartini: four materials per site with six months of purchases and use, three
 * work orders (one of them overdue), and, where the sites have accepted production by then, transfers to the gallery
 * and sales from the site and from the gallery. Sites that already have the demo materials are left as they are.
 */
@Component
class GoodsDemoSeed implements DemoSeed {

    private static final List<String[]> MATERIALS = List.of(
            new String[] {"KAIN-PERCA", "Kain perca", "kg", "8000"},
            new String[] {"BENANG", "Benang jahit", "gulung", "6000"},
            new String[] {"PEWARNA", "Pewarna batik", "botol", "35000"},
            new String[] {"TALI-PLASTIK", "Tali plastik", "kg", "22000"});
    private static final String[] BUYERS = {
        "Toko Oleh-oleh Sumber Rejeki", "Hotel Melati", "Koperasi Karyawan Pemda", "Ibu Suminah", "Pak Wahyudi"
    };

    private final JdbcClient jdbc;
    private final Locations locations;
    private final Materials materials;
    private final WorkOrders workOrders;
    private final FinishedGoods goods;
    private final Transfers transfers;
    private final Sales sales;
    private final GoodsProducts products;
    private final Clock clock;

    GoodsDemoSeed(
            JdbcClient jdbc,
            Locations locations,
            Materials materials,
            WorkOrders workOrders,
            FinishedGoods goods,
            Transfers transfers,
            Sales sales,
            GoodsProducts products,
            Clock clock) {
        this.jdbc = jdbc;
        this.locations = locations;
        this.materials = materials;
        this.workOrders = workOrders;
        this.goods = goods;
        this.transfers = transfers;
        this.sales = sales;
        this.products = products;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "workshop-goods-v1";
    }

    @Override
    public Set<String> dependsOn() {
        // after the year of sessions, so that sites have finished goods to transfer and sell
        return Set.of("demo-v1", "workshop-v1", "workshop-participants-v1");
    }

    @Override
    public int order() {
        return 700;
    }

    @Override
    public void load() {
        List<Long> sites = jdbc.sql("select site_id from workshop.site_profile order by site_id")
                .query(Long.class)
                .list();
        LocalDate today = LocalDate.now(clock);
        int n = 0;
        for (long siteId : sites) {
            Location site = locations.site(siteId);
            if (!site.name().startsWith("SW Peduli") || hasDemoMaterials(siteId)) {
                continue;
            }
            seedMaterials(siteId, today, n);
            List<ProductView> offered = products.activeOfCentre(site.centreId());
            if (!offered.isEmpty()) {
                seedWorkOrders(siteId, offered, today, n);
                seedSales(site, today, n);
            }
            n++;
        }
    }

    private boolean hasDemoMaterials(long siteId) {
        return materials.ofSite(siteId).stream().anyMatch(m -> m.code().equals("KAIN-PERCA"));
    }

    private void seedMaterials(long siteId, LocalDate today, int n) {
        for (int i = 0; i < MATERIALS.size(); i++) {
            String[] m = MATERIALS.get(i);
            long cost = Long.parseLong(m[3]);
            MaterialView material = materials.create(siteId, new MaterialCommand(m[0], m[1], m[2], cost, true));
            for (int month = 5; month >= 0; month--) {
                LocalDate first = today.minusMonths(month).withDayOfMonth(1);
                int bought = 20 + (n * 3 + i * 5 + month) % 15;
                materials.move(
                        material.id(),
                        new MovementCommand(MovementKind.IN, first, bought, bought * cost * 95 / 100, null, null));
                LocalDate used = first.plusDays(14);
                if (!used.isAfter(today)) {
                    materials.move(
                            material.id(),
                            new MovementCommand(
                                    MovementKind.OUT, used, bought - 3 - (month + i) % 4, null, null, null));
                }
            }
            if (i == 1) {
                materials.move(
                        material.id(),
                        new MovementCommand(MovementKind.ADJUST, today, -1, null, null, "Satu gulung rusak kena air"));
            }
        }
    }

    private void seedWorkOrders(long siteId, List<ProductView> offered, LocalDate today, int n) {
        ProductView first = offered.get(n % offered.size());
        ProductView second = offered.get((n + 1) % offered.size());
        WorkOrderView late = workOrders.create(
                siteId, new WorkOrderCommand(BUYERS[n % BUYERS.length], first.id(), 40 + n, today.minusDays(5), null));
        workOrders.move(late.id(), late.version(), WorkOrderStatus.IN_PRODUCTION, null);
        WorkOrderView ready = workOrders.create(
                siteId,
                new WorkOrderCommand(BUYERS[(n + 1) % BUYERS.length], second.id(), 10, today.plusDays(10), null));
        WorkOrderView moving = workOrders.move(ready.id(), ready.version(), WorkOrderStatus.IN_PRODUCTION, null);
        workOrders.move(moving.id(), moving.version(), WorkOrderStatus.READY, null);
        workOrders.create(
                siteId,
                new WorkOrderCommand(BUYERS[(n + 2) % BUYERS.length], first.id(), 25, today.plusDays(30), null));
    }

    /**
     * Transfers and sales only from what the site has made by now (a fifth to the gallery, a third sold, half of the
     * gallery's share sold there); none where nothing was made yet.
     */
    private void seedSales(Location site, LocalDate today, int n) {
        for (StockLine line : goods.atSite(site.id(), site.centreId())) {
            if (line.onHand() < 10) {
                continue;
            }
            long toGallery = line.onHand() / 5;
            long sold = line.onHand() / 3;
            transfers.send(
                    site.id(),
                    new TransferCommand(
                            today.minusDays(20),
                            "Untuk dipajang di galeri",
                            List.of(new GoodsLine(line.productId(), (int) toGallery, null))));
            sales.sell(
                    site.id(),
                    false,
                    new SaleCommand(
                            today.minusDays(10 + n % 7),
                            BUYERS[(n + 3) % BUYERS.length],
                            n % 2 == 0 ? SaleChannel.LOCAL_BUYER : SaleChannel.ONLINE,
                            null,
                            null,
                            List.of(new GoodsLine(line.productId(), (int) sold, null))));
            sales.sell(
                    site.centreId(),
                    true,
                    new SaleCommand(
                            today.minusDays(3),
                            "Pengunjung galeri",
                            SaleChannel.GALLERY,
                            null,
                            null,
                            List.of(new GoodsLine(line.productId(), (int) Math.max(1, toGallery / 2), null))));
        }
    }
}
