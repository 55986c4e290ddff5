package id.peduli.workshop.goods;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.shared.BusinessException;
import id.peduli.workshop.Money;
import id.peduli.workshop.ProductView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales from a site's stock or from the gallery shop of a centre. Each sale gets the next invoice number of its
 * location and year, {@code SW-<location>-<year>-<number>}; a sale that would take more than is on hand is refused,
 * naming the product and what is there. A sale may deliver a ready work order of its site. Callers check the scope.
 */
@Service
class Sales {

    static final AuditAction SELL = AuditAction.of("SELL");
    static final int BUYER_MAX = 200;

    private final JdbcClient jdbc;
    private final Locations locations;
    private final StockLock stock;
    private final WorkOrders workOrders;
    private final AuditLog audit;
    private final Access access;
    private final Clock clock;

    Sales(
            JdbcClient jdbc,
            Locations locations,
            StockLock stock,
            WorkOrders workOrders,
            AuditLog audit,
            Access access,
            Clock clock) {
        this.jdbc = jdbc;
        this.locations = locations;
        this.stock = stock;
        this.workOrders = workOrders;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Records a sale from the location (a site, or a gallery when {@code gallery}), or refuses it with nothing written:
     * no date or a future one, no buyer, no channel, no lines, a quantity of zero or below, a negative price, a product
     * not of the centre, more than is on hand, or a work order that is not a ready order of this site.
     */
    @Transactional
    SaleView sell(long locationId, boolean gallery, SaleCommand command) {
        Location location = locations.of(locationId, gallery);
        if (command.soldOn() == null) {
            throw BusinessException.invalid("soldOn", "validation.required");
        }
        if (command.soldOn().isAfter(LocalDate.now(clock))) {
            throw BusinessException.invalid("soldOn", "goods.date.future");
        }
        String buyer = Materials.blankToNull(command.buyer());
        if (buyer == null) {
            throw BusinessException.invalid("buyer", "validation.required");
        }
        if (buyer.length() > BUYER_MAX) {
            throw BusinessException.invalid("buyer", "validation.maxLength", BUYER_MAX);
        }
        if (command.channel() == null) {
            throw BusinessException.invalid("channel", "validation.required");
        }
        String note = Materials.blankToNull(command.note());
        if (note != null && note.length() > Materials.REASON_MAX) {
            throw BusinessException.invalid("note", "validation.maxLength", Materials.REASON_MAX);
        }
        Map<ProductView, Integer> wanted = stock.checkedLines(location, command.lines());
        Map<Long, Long> prices = new HashMap<>();
        for (GoodsLine line : command.lines()) {
            if (line == null || line.productId() == null) {
                continue;
            }
            if (line.unitPrice() != null && line.unitPrice() < 0) {
                throw BusinessException.invalid("lines", "goods.price.notNegative");
            }
            if (line.unitPrice() != null) {
                prices.putIfAbsent(line.productId(), line.unitPrice());
            }
        }
        if (command.workOrderId() != null && gallery) {
            throw BusinessException.invalid("workOrderId", "goods.sale.workOrderUnknown");
        }
        stock.take(location, wanted);
        if (command.workOrderId() != null) {
            workOrders.deliverBySale(command.workOrderId(), locationId);
        }
        Money total = Money.ZERO;
        List<long[]> lines = new ArrayList<>();
        for (var entry : wanted.entrySet()) {
            ProductView product = entry.getKey();
            long price = prices.getOrDefault(product.id(), product.salePrice().value());
            Money amount = Money.of(price).times(entry.getValue());
            total = total.plus(amount);
            lines.add(new long[] {product.id(), entry.getValue(), price, amount.value()});
        }
        String invoice = nextInvoiceNumber(location.id(), command.soldOn().getYear());
        long id = jdbc.sql("""
                        insert into workshop.sale (location_id, gallery, sold_on, buyer, channel, work_order_id,
                            invoice_number, total, note, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        location.id(),
                        gallery,
                        command.soldOn(),
                        buyer,
                        command.channel().name(),
                        command.workOrderId(),
                        invoice,
                        total.value(),
                        note,
                        access.currentUser().map(PeduliPrincipal::userId).orElse(null))
                .query(Long.class)
                .single();
        for (long[] line : lines) {
            jdbc.sql("""
                            insert into workshop.sale_line (sale_id, product_id, quantity, unit_price, amount)
                            values (?, ?, ?, ?, ?)
                            """).params(id, line[0], (int) line[1], line[2], line[3]).update();
        }
        audit.record(AuditRecord.of(SELL, "WorkshopSale", id)
                .unit(location.id())
                .change("channel", null, command.channel().name())
                .change("total", null, total.value()));
        return get(id);
    }

    /** Changes the buyer and the note of a sale as read at {@code expectedVersion}; lines and total stay. */
    @Transactional
    SaleView amend(long id, int expectedVersion, String buyer, String note) {
        SaleView current = get(id);
        String name = Materials.blankToNull(buyer);
        if (name == null) {
            throw BusinessException.invalid("buyer", "validation.required");
        }
        if (name.length() > BUYER_MAX) {
            throw BusinessException.invalid("buyer", "validation.maxLength", BUYER_MAX);
        }
        String text = Materials.blankToNull(note);
        if (text != null && text.length() > Materials.REASON_MAX) {
            throw BusinessException.invalid("note", "validation.maxLength", Materials.REASON_MAX);
        }
        int updated = jdbc.sql("""
                        update workshop.sale set buyer = ?, note = ?, version = version + 1
                        where id = ? and version = ?
                        """).params(name, text, id, expectedVersion).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("sale " + id + " changed since " + expectedVersion);
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, "WorkshopSale", id)
                .unit(current.locationId())
                .sensitiveChange("buyer", !name.equals(current.buyer())));
        return get(id);
    }

    Optional<SaleView> find(long id) {
        List<SaleView> found = list("s.id = ?", id, 1);
        return found.stream().findFirst();
    }

    SaleView get(long id) {
        return find(id).orElseThrow(() -> BusinessException.notFound(GoodsScope.NOT_FOUND, id));
    }

    /** The latest sales of a location (at most {@code limit}). */
    List<SaleView> ofLocation(long locationId, boolean gallery, int limit) {
        return list("s.location_id = ? and s.gallery = " + gallery, locationId, limit);
    }

    private String nextInvoiceNumber(long locationId, int year) {
        int number = jdbc.sql("""
                        insert into workshop.invoice_counter (location_id, year, last_number) values (?, ?, 1)
                        on conflict (location_id, year) do update set last_number = invoice_counter.last_number + 1
                        returning last_number
                        """).params(locationId, year).query(Integer.class).single();
        return "SW-%d-%d-%04d".formatted(locationId, year, number);
    }

    private List<SaleView> list(String where, long id, int limit) {
        List<SaleView> sales = jdbc.sql("""
                        select s.id, s.location_id, s.gallery, s.sold_on, s.buyer, s.channel, s.work_order_id,
                            s.invoice_number, s.total, s.note, s.version, s.cancelled_on, s.cancel_reason, s.returned
                        from workshop.sale s where """ + " " + where + " order by s.sold_on desc, s.id desc limit " + limit)
                .param(id)
                .query((rs, row) -> {
                    LocalDate cancelledOn = rs.getObject("cancelled_on", LocalDate.class);
                    Money total = Money.of(rs.getLong("total"));
                    Money returned = Money.of(rs.getLong("returned"));
                    return new SaleView(
                            rs.getLong("id"),
                            rs.getLong("location_id"),
                            "",
                            rs.getBoolean("gallery"),
                            rs.getObject("sold_on", LocalDate.class),
                            rs.getString("buyer"),
                            SaleChannel.valueOf(rs.getString("channel")),
                            rs.getObject("work_order_id", Long.class),
                            rs.getString("invoice_number"),
                            total,
                            rs.getString("note"),
                            List.of(),
                            rs.getInt("version"),
                            cancelledOn != null,
                            cancelledOn,
                            rs.getString("cancel_reason"),
                            returned,
                            cancelledOn != null ? Money.ZERO : total.minus(returned),
                            List.of());
                })
                .list();
        if (sales.isEmpty()) {
            return sales;
        }
        List<Long> ids = sales.stream().map(SaleView::id).toList();
        Map<Long, List<SaleView.Line>> lines = new HashMap<>();
        jdbc.sql("""
                        select l.sale_id, l.product_id, p.code, p.name, p.unit, l.quantity, l.unit_price, l.amount,
                            coalesce((select sum(r.quantity) from workshop.sale_return_line r
                                      where r.sale_line_id = l.id), 0) as returned
                        from workshop.sale_line l join workshop.product p on p.id = l.product_id
                        where l.sale_id in (:ids) order by l.id
                        """).param("ids", ids).query(rs -> {
            lines.computeIfAbsent(rs.getLong("sale_id"), k -> new ArrayList<>())
                    .add(new SaleView.Line(
                            rs.getLong("product_id"),
                            rs.getString("code"),
                            rs.getString("name"),
                            rs.getString("unit"),
                            rs.getInt("quantity"),
                            Money.of(rs.getLong("unit_price")),
                            Money.of(rs.getLong("amount")),
                            rs.getInt("returned")));
        });
        Map<Long, List<SaleView.Return>> returns = returns(ids);
        Map<Long, String> names = new HashMap<>();
        return sales.stream()
                .map(s -> new SaleView(
                        s.id(),
                        s.locationId(),
                        names.computeIfAbsent(
                                s.locationId(),
                                k -> locations
                                        .findSite(k)
                                        .or(() -> locations.findGallery(k))
                                        .map(Location::name)
                                        .orElse("")),
                        s.gallery(),
                        s.soldOn(),
                        s.buyer(),
                        s.channel(),
                        s.workOrderId(),
                        s.invoiceNumber(),
                        s.total(),
                        s.note(),
                        List.copyOf(lines.getOrDefault(s.id(), List.of())),
                        s.version(),
                        s.cancelled(),
                        s.cancelledOn(),
                        s.cancelReason(),
                        s.returned(),
                        s.netTotal(),
                        List.copyOf(returns.getOrDefault(s.id(), List.of()))))
                .toList();
    }

    /** The returns of the sales, oldest first, each with its lines. */
    private Map<Long, List<SaleView.Return>> returns(List<Long> saleIds) {
        Map<Long, List<SaleView.ReturnLine>> lines = new HashMap<>();
        jdbc.sql("""
                        select rl.return_id, l.product_id, p.name, p.unit, rl.quantity, rl.amount
                        from workshop.sale_return r join workshop.sale_return_line rl on rl.return_id = r.id
                        join workshop.sale_line l on l.id = rl.sale_line_id
                        join workshop.product p on p.id = l.product_id
                        where r.sale_id in (:ids) order by l.id
                        """).param("ids", saleIds).query(rs -> {
            lines.computeIfAbsent(rs.getLong("return_id"), k -> new ArrayList<>())
                    .add(new SaleView.ReturnLine(
                            rs.getLong("product_id"),
                            rs.getString("name"),
                            rs.getString("unit"),
                            rs.getInt("quantity"),
                            Money.of(rs.getLong("amount"))));
        });
        Map<Long, List<SaleView.Return>> returns = new HashMap<>();
        jdbc.sql("""
                        select r.id, r.sale_id, r.returned_on, r.counted_on, r.reason, r.amount
                        from workshop.sale_return r where r.sale_id in (:ids) order by r.returned_on, r.id
                        """).param("ids", saleIds).query(rs -> {
            long returnId = rs.getLong("id");
            returns.computeIfAbsent(rs.getLong("sale_id"), k -> new ArrayList<>())
                    .add(new SaleView.Return(
                            returnId,
                            rs.getObject("returned_on", LocalDate.class),
                            rs.getObject("counted_on", LocalDate.class),
                            rs.getString("reason"),
                            Money.of(rs.getLong("amount")),
                            List.copyOf(lines.getOrDefault(returnId, List.of()))));
        });
        return returns;
    }
}
