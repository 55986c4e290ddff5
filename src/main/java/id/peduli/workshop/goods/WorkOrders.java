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
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Work orders of a site: taken, moved through {@link WorkOrder}'s statuses, delivered by a sale. */
@Service
class WorkOrders {

    static final AuditAction MOVE_WORK_ORDER = AuditAction.of("MOVE_WORK_ORDER");
    static final int BUYER_MAX = 200;

    private static final String SELECT = """
            select w.id, w.site_id, w.buyer, w.product_id, p.name as product_name, p.unit as product_unit, w.quantity,
                w.due_on, w.unit_price, w.status, w.cancel_reason, w.version
            from workshop.work_order w join workshop.product p on p.id = w.product_id
            """;

    private final JdbcClient jdbc;
    private final GoodsProducts products;
    private final Locations locations;
    private final AuditLog audit;
    private final Access access;
    private final Clock clock;

    WorkOrders(
            JdbcClient jdbc, GoodsProducts products, Locations locations, AuditLog audit, Access access, Clock clock) {
        this.jdbc = jdbc;
        this.products = products;
        this.locations = locations;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
    }

    /** The site's work orders: pending ones first by due date, then the rest, latest first. */
    List<WorkOrderView> ofSite(long siteId) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql(SELECT + """
                        where w.site_id = ?
                        order by w.status in ('DELIVERED', 'CANCELLED'), case when w.status in ('DELIVERED',
                            'CANCELLED') then null else w.due_on end, w.due_on desc, w.id desc
                        """)
                .param(siteId)
                .query((rs, row) -> map(rs, today))
                .list();
    }

    Optional<WorkOrderView> find(long id) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql(SELECT + " where w.id = ?")
                .param(id)
                .query((rs, row) -> map(rs, today))
                .optional();
    }

    WorkOrderView get(long id) {
        return find(id).orElseThrow(() -> BusinessException.notFound(GoodsScope.NOT_FOUND, id));
    }

    /** Takes a work order, or refuses it with nothing written (422 naming the field). */
    @Transactional
    WorkOrderView create(long siteId, WorkOrderCommand command) {
        Location site = locations.site(siteId);
        String buyer = Materials.blankToNull(command.buyer());
        if (buyer == null) {
            throw BusinessException.invalid("buyer", "validation.required");
        }
        if (buyer.length() > BUYER_MAX) {
            throw BusinessException.invalid("buyer", "validation.maxLength", BUYER_MAX);
        }
        ProductView product = products.ofCentre(command.productId(), site.centreId(), "productId");
        if (command.quantity() == null) {
            throw BusinessException.invalid("quantity", "validation.required");
        }
        if (command.quantity() <= 0) {
            throw BusinessException.invalid("quantity", "goods.quantity.positive");
        }
        if (command.dueOn() == null) {
            throw BusinessException.invalid("dueOn", "validation.required");
        }
        long price = command.unitPrice() == null ? product.salePrice().value() : command.unitPrice();
        if (price < 0) {
            throw BusinessException.invalid("unitPrice", "goods.price.notNegative");
        }
        long id = jdbc.sql("""
                        insert into workshop.work_order (site_id, buyer, product_id, quantity, due_on, unit_price,
                            status, created_by)
                        values (?, ?, ?, ?, ?, ?, 'OPEN', ?) returning id
                        """)
                .params(siteId, buyer, product.id(), command.quantity(), command.dueOn(), price, userId())
                .query(Long.class)
                .single();
        step(id, null, WorkOrderStatus.OPEN, null);
        audit.record(AuditRecord.of(AuditAction.CREATE, "WorkshopWorkOrder", id)
                .unit(siteId)
                .change("quantity", null, command.quantity())
                .change("status", null, WorkOrderStatus.OPEN.name()));
        return get(id);
    }

    /** Moves the order to {@code to} as read at {@code expectedVersion}; refused moves change nothing. */
    @Transactional
    WorkOrderView move(long id, int expectedVersion, WorkOrderStatus to, String reason) {
        WorkOrderView current = get(id);
        WorkOrder.Step step = new WorkOrder(current.status()).moveTo(to, reason);
        int updated = jdbc.sql("""
                        update workshop.work_order set status = ?, cancel_reason = ?, version = version + 1
                        where id = ? and version = ?
                        """)
                .params(step.to().name(), step.reason(), id, expectedVersion)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("work order " + id + " changed since " + expectedVersion);
        }
        step(id, step.from(), step.to(), step.reason());
        audit.record(AuditRecord.of(MOVE_WORK_ORDER, "WorkshopWorkOrder", id)
                .unit(current.siteId())
                .change("status", step.from().name(), step.to().name()));
        return get(id);
    }

    /**
     * Delivers the order by a sale of the site, inside the sale's transaction: the order must be of that site and ready
     * (the sale is refused otherwise, and nothing is written).
     */
    void deliverBySale(long id, long siteId) {
        WorkOrderView order = jdbc.sql("select id from workshop.work_order where id = ? and site_id = ? for update")
                .params(id, siteId)
                .query(Long.class)
                .optional()
                .map(this::get)
                .orElseThrow(() -> BusinessException.invalid("workOrderId", "goods.sale.workOrderUnknown"));
        if (order.status() != WorkOrderStatus.READY) {
            throw BusinessException.conflict("workOrderId", "goods.sale.workOrderNotReady", order.buyer());
        }
        move(id, order.version(), WorkOrderStatus.DELIVERED, null);
    }

    /**
     * Inside the cancellation of the sale that delivered the order: the order goes back to the status it was delivered
     * from (READY), with the cancellation's reason on the step. An order that is not delivered is left as it is.
     */
    void undeliverBySale(long id, String reason) {
        WorkOrderView order = jdbc.sql("select id from workshop.work_order where id = ? for update")
                .param(id)
                .query(Long.class)
                .optional()
                .map(this::get)
                .orElseThrow(() -> BusinessException.notFound(GoodsScope.NOT_FOUND, id));
        if (order.status() != WorkOrderStatus.DELIVERED) {
            return;
        }
        WorkOrderStatus previous = jdbc.sql("""
                        select from_status from workshop.work_order_step
                        where work_order_id = ? and to_status = 'DELIVERED' order by id desc limit 1
                        """)
                .param(id)
                .query(String.class)
                .optional()
                .map(WorkOrderStatus::valueOf)
                .orElse(WorkOrderStatus.READY);
        WorkOrder.Step step = new WorkOrder(order.status()).undeliver(previous);
        jdbc.sql("update workshop.work_order set status = ?, version = version + 1 where id = ?")
                .params(step.to().name(), id)
                .update();
        step(id, step.from(), step.to(), reason);
        audit.record(AuditRecord.of(MOVE_WORK_ORDER, "WorkshopWorkOrder", id)
                .unit(order.siteId())
                .change("status", step.from().name(), step.to().name()));
    }

    private void step(long id, WorkOrderStatus from, WorkOrderStatus to, String reason) {
        jdbc.sql("""
                        insert into workshop.work_order_step (work_order_id, from_status, to_status, reason, moved_by)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(id, from == null ? null : from.name(), to.name(), reason, userId())
                .update();
    }

    private Long userId() {
        return access.currentUser().map(PeduliPrincipal::userId).orElse(null);
    }

    private static WorkOrderView map(java.sql.ResultSet rs, LocalDate today) throws java.sql.SQLException {
        WorkOrderStatus status = WorkOrderStatus.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        Money price = Money.of(rs.getLong("unit_price"));
        int quantity = rs.getInt("quantity");
        return new WorkOrderView(
                rs.getLong("id"),
                rs.getLong("site_id"),
                rs.getString("buyer"),
                rs.getLong("product_id"),
                rs.getString("product_name"),
                rs.getString("product_unit"),
                quantity,
                due,
                price,
                price.times(quantity),
                status,
                rs.getString("cancel_reason"),
                status.pending() && due.isBefore(today),
                WorkOrder.next(status),
                rs.getInt("version"));
    }
}
