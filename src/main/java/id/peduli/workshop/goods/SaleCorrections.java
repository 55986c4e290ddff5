package id.peduli.workshop.goods;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.shared.BusinessException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections of a recorded sale, each in one transaction with the sale's row locked and its version checked.
 *
 * <p>Cancelling the whole sale: its goods go back to the stock they were taken from (stock is computed from the
 * records, and a cancelled sale no longer counts), a work order the sale delivered goes back to the status it was
 * delivered from, the invoice keeps its number and reads as cancelled, and {@code WS_SALES} no longer counts it.
 *
 * <p>Returning some units: the goods go back to stock, the sale's net total is lower by the returned units at the
 * sale's prices, and {@code WS_SALES} subtracts the return in the month it is counted.
 *
 * <p>Periods already paid out: once a site's month is frozen by an approved payout run, its sales stay as they were
 * paid out. A cancellation of a sale of such a month (or of a sale with a return counted in such a month) is refused,
 * naming the month and asking for a return instead; a return dated in such a month is counted on the day it is
 * recorded, so that the correction lands in the open period, as payout corrections do. The EQUAL_SHARE margin itself
 * is computed from the accepted production at sale prices, not from the sales, so no payout changes either way.
 * Gallery sales belong to no site and have no payout run.
 */
@Service
class SaleCorrections {

    static final AuditAction CANCEL_SALE = AuditAction.of("CANCEL_SALE");
    static final AuditAction RETURN_SALE = AuditAction.of("RETURN_SALE");

    private final JdbcClient jdbc;
    private final Sales sales;
    private final WorkOrders workOrders;
    private final AuditLog audit;
    private final Access access;
    private final Clock clock;

    SaleCorrections(JdbcClient jdbc, Sales sales, WorkOrders workOrders, AuditLog audit, Access access, Clock clock) {
        this.jdbc = jdbc;
        this.sales = sales;
        this.workOrders = workOrders;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
    }

    /** Cancels the sale as read at {@code expectedVersion}, or refuses with nothing written. */
    @Transactional
    SaleView cancel(long id, int expectedVersion, String reason) {
        SaleView sale = locked(id);
        String why = reason(reason);
        if (sale.cancelled()) {
            throw BusinessException.conflict(null, "goods.sale.alreadyCancelled", sale.invoiceNumber());
        }
        checkVersion(sale, expectedVersion);
        if (!sale.gallery()) {
            YearMonth paid = frozen(sale.locationId(), sale.soldOn())
                    ? YearMonth.from(sale.soldOn())
                    : sale.returns().stream()
                            .map(SaleView.Return::countedOn)
                            .filter(day -> frozen(sale.locationId(), day))
                            .map(YearMonth::from)
                            .findFirst()
                            .orElse(null);
            if (paid != null) {
                throw BusinessException.conflict(null, "goods.sale.cancelFrozen", java.sql.Date.valueOf(paid.atDay(1)));
            }
        }
        if (sale.workOrderId() != null) {
            workOrders.undeliverBySale(sale.workOrderId(), why);
        }
        int updated = jdbc.sql("""
                        update workshop.sale set cancelled_on = ?, cancel_reason = ?, cancelled_by = ?,
                            version = version + 1
                        where id = ? and version = ? and cancelled_on is null
                        """)
                .params(today(), why, userId(), id, expectedVersion)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("sale " + id + " changed since " + expectedVersion);
        }
        audit.record(AuditRecord.of(CANCEL_SALE, "WorkshopSale", id)
                .unit(sale.locationId())
                .change("cancelled", false, true)
                .change("total", sale.netTotal().value(), 0));
        return sales.get(id);
    }

    /** Records the return of some units of the sale as read at {@code expectedVersion}, or refuses it. */
    @Transactional
    SaleView returnUnits(long id, int expectedVersion, SaleReturnCommand command) {
        SaleView sale = locked(id);
        if (sale.cancelled()) {
            throw BusinessException.conflict(null, "goods.return.cancelled", sale.invoiceNumber());
        }
        checkVersion(sale, expectedVersion);
        LocalDate today = today();
        LocalDate on = command == null ? null : command.returnedOn();
        if (on == null) {
            throw BusinessException.invalid("returnedOn", "validation.required");
        }
        if (on.isAfter(today)) {
            throw BusinessException.invalid("returnedOn", "goods.date.future");
        }
        if (on.isBefore(sale.soldOn())) {
            throw BusinessException.invalid(
                    "returnedOn", "goods.return.beforeSale", java.sql.Date.valueOf(sale.soldOn()));
        }
        String why = reason(command.reason());
        Map<SaleView.Line, Integer> wanted = wanted(sale, command);
        LocalDate counted = !sale.gallery() && frozen(sale.locationId(), on) ? today : on;
        long amount = 0;
        for (var entry : wanted.entrySet()) {
            amount = Math.addExact(
                    amount, entry.getKey().unitPrice().times(entry.getValue()).value());
        }
        long returnId = jdbc.sql("""
                        insert into workshop.sale_return (sale_id, returned_on, counted_on, reason, amount,
                            recorded_by)
                        values (?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(id, on, counted, why, amount, userId())
                .query(Long.class)
                .single();
        for (var entry : wanted.entrySet()) {
            jdbc.sql("""
                            insert into workshop.sale_return_line (return_id, sale_line_id, quantity, amount)
                            select ?, l.id, ?, ? from workshop.sale_line l where l.sale_id = ? and l.product_id = ?
                            """)
                    .params(
                            returnId,
                            entry.getValue(),
                            entry.getKey().unitPrice().times(entry.getValue()).value(),
                            id,
                            entry.getKey().productId())
                    .update();
        }
        int updated = jdbc.sql("""
                        update workshop.sale set returned = returned + ?, version = version + 1
                        where id = ? and version = ?
                        """).params(amount, id, expectedVersion).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("sale " + id + " changed since " + expectedVersion);
        }
        audit.record(AuditRecord.of(RETURN_SALE, "WorkshopSale", id)
                .unit(sale.locationId())
                .change("returned", sale.returned().value(), sale.returned().value() + amount)
                .change("countedOn", null, counted));
        return sales.get(id);
    }

    /** The lines asked for, checked: each a product of the sale, above zero, at most what is left to return. */
    private static Map<SaleView.Line, Integer> wanted(SaleView sale, SaleReturnCommand command) {
        Map<Long, SaleView.Line> byProduct = new LinkedHashMap<>();
        sale.lines().forEach(l -> byProduct.put(l.productId(), l));
        Map<SaleView.Line, Integer> wanted = new LinkedHashMap<>();
        if (command.lines() != null) {
            for (SaleReturnCommand.Line line : command.lines()) {
                if (line == null || line.productId() == null || line.quantity() == null || line.quantity() == 0) {
                    continue;
                }
                SaleView.Line sold = byProduct.get(line.productId());
                if (sold == null) {
                    throw BusinessException.invalid("lines", "goods.return.notInSale", sale.invoiceNumber());
                }
                if (line.quantity() < 0) {
                    throw BusinessException.invalid("lines", "goods.line.quantityPositive", sold.name());
                }
                wanted.merge(sold, line.quantity(), Math::addExact);
            }
        }
        if (wanted.isEmpty()) {
            throw BusinessException.invalid("lines", "goods.return.nothing");
        }
        for (var entry : wanted.entrySet()) {
            SaleView.Line sold = entry.getKey();
            if (entry.getValue() > sold.returnable()) {
                throw BusinessException.invalid(
                        "lines",
                        "goods.return.tooMany",
                        sold.name(),
                        sold.quantity(),
                        sold.returnedQuantity(),
                        entry.getValue(),
                        sold.unit());
            }
        }
        return wanted;
    }

    /** The sale, its row locked until the end of the transaction; a missing one answers 404. */
    private SaleView locked(long id) {
        jdbc.sql("select id from workshop.sale where id = ? for update")
                .param(id)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> BusinessException.notFound(GoodsScope.NOT_FOUND, id));
        return sales.get(id);
    }

    private static void checkVersion(SaleView sale, int expectedVersion) {
        if (sale.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("sale " + sale.id() + " changed since " + expectedVersion);
        }
    }

    private static String reason(String reason) {
        String why = Materials.blankToNull(reason);
        if (why == null) {
            throw BusinessException.invalid("reason", "goods.correction.reasonRequired");
        }
        if (why.length() > Materials.REASON_MAX) {
            throw BusinessException.invalid("reason", "validation.maxLength", Materials.REASON_MAX);
        }
        return why;
    }

    /** True when an approved payout run has frozen the site's month of {@code day}. */
    boolean frozen(long siteId, LocalDate day) {
        return jdbc.sql("""
                                select count(*) from workshop.payout_run
                                where site_id = ? and period = ? and status = 'APPROVED'
                                """)
                        .params(siteId, day.withDayOfMonth(1))
                        .query(Long.class)
                        .single()
                > 0;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Long userId() {
        return access.currentUser().map(PeduliPrincipal::userId).orElse(null);
    }
}
