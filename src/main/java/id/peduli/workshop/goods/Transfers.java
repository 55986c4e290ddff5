package id.peduli.workshop.goods;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.shared.BusinessException;
import id.peduli.workshop.ProductView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Transfers of finished goods from a site to the gallery shop of its centre. Callers check the site's scope. */
@Service
class Transfers {

    static final AuditAction TRANSFER_GOODS = AuditAction.of("TRANSFER_GOODS");

    private final JdbcClient jdbc;
    private final Locations locations;
    private final StockLock stock;
    private final AuditLog audit;
    private final Access access;
    private final Clock clock;

    Transfers(JdbcClient jdbc, Locations locations, StockLock stock, AuditLog audit, Access access, Clock clock) {
        this.jdbc = jdbc;
        this.locations = locations;
        this.stock = stock;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Sends the lines from the site to its centre's gallery, or refuses with nothing written: no date or a future one,
     * no lines, a quantity of zero or below, a product not of the centre, or more than the site has (422).
     */
    @Transactional
    TransferView send(long siteId, TransferCommand command) {
        Location site = locations.site(siteId);
        if (command.movedOn() == null) {
            throw BusinessException.invalid("movedOn", "validation.required");
        }
        if (command.movedOn().isAfter(LocalDate.now(clock))) {
            throw BusinessException.invalid("movedOn", "goods.date.future");
        }
        String note = Materials.blankToNull(command.note());
        if (note != null && note.length() > Materials.REASON_MAX) {
            throw BusinessException.invalid("note", "validation.maxLength", Materials.REASON_MAX);
        }
        Map<ProductView, Integer> lines = stock.checkedLines(site, command.lines());
        stock.take(site, lines);
        PeduliPrincipal user = access.currentUser().orElse(null);
        long id = jdbc.sql("""
                        insert into workshop.goods_transfer (site_id, gallery_id, moved_on, note, recorded_by,
                            recorded_name)
                        values (?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        siteId,
                        site.centreId(),
                        command.movedOn(),
                        note,
                        user == null ? null : user.userId(),
                        user == null ? null : user.fullName())
                .query(Long.class)
                .single();
        for (var line : lines.entrySet()) {
            jdbc.sql("insert into workshop.goods_transfer_line (transfer_id, product_id, quantity) values (?, ?, ?)")
                    .params(id, line.getKey().id(), line.getValue())
                    .update();
        }
        audit.record(AuditRecord.of(TRANSFER_GOODS, "WorkshopTransfer", id)
                .unit(siteId)
                .change(
                        "quantity",
                        null,
                        lines.values().stream().mapToInt(Integer::intValue).sum()));
        return ofSite(siteId).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    /** The site's transfers, latest first. */
    List<TransferView> ofSite(long siteId) {
        return list("t.site_id = ?", siteId);
    }

    /** The transfers the gallery of the centre received, latest first. */
    List<TransferView> toGallery(long centreId) {
        return list("t.gallery_id = ?", centreId);
    }

    private List<TransferView> list(String where, long id) {
        Map<Long, TransferView> transfers = new LinkedHashMap<>();
        Map<Long, List<TransferView.Line>> lines = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.sql("""
                        select t.id, t.site_id, t.gallery_id, t.moved_on, t.recorded_name, t.note,
                            l.product_id, p.name, p.unit, l.quantity
                        from workshop.goods_transfer t
                        join workshop.goods_transfer_line l on l.transfer_id = t.id
                        join workshop.product p on p.id = l.product_id
                        where """ + " " + where + " order by t.moved_on desc, t.id desc, p.code limit 2000")
                .param(id)
                .query(rs -> {
                    long transfer = rs.getLong("id");
                    if (!transfers.containsKey(transfer)) {
                        long site = rs.getLong("site_id");
                        transfers.put(
                                transfer,
                                new TransferView(
                                        transfer,
                                        site,
                                        names.computeIfAbsent(
                                                site,
                                                s -> locations
                                                        .findSite(s)
                                                        .map(Location::name)
                                                        .orElse("")),
                                        rs.getLong("gallery_id"),
                                        rs.getObject("moved_on", LocalDate.class),
                                        rs.getString("recorded_name"),
                                        rs.getString("note"),
                                        List.of()));
                        lines.put(transfer, new ArrayList<>());
                    }
                    lines.get(transfer)
                            .add(new TransferView.Line(
                                    rs.getLong("product_id"),
                                    rs.getString("name"),
                                    rs.getString("unit"),
                                    rs.getInt("quantity")));
                });
        List<TransferView> result = new ArrayList<>();
        transfers.forEach((key, t) -> result.add(new TransferView(
                t.id(),
                t.siteId(),
                t.siteName(),
                t.galleryId(),
                t.movedOn(),
                t.recordedBy(),
                t.note(),
                List.copyOf(lines.get(key)))));
        return result;
    }
}
