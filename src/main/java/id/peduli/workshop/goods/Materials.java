package id.peduli.workshop.goods;

import id.peduli.access.Access;
import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.PeduliPrincipal;
import id.peduli.shared.BusinessException;
import id.peduli.workshop.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Materials of a site and their stock movements. The stock on hand is the sum of the movements (IN adds, OUT takes,
 * ADJUST corrects either way); a movement that would take it below zero is refused, with the material row locked so
 * that two movements at once cannot both pass the check. Each movement carries its worth: the purchase's cost for IN,
 * the quantity at the material's unit cost of the day for OUT and ADJUST. Callers check the scope first.
 */
@Service
class Materials {

    static final AuditAction MOVE_MATERIAL = AuditAction.of("MOVE_MATERIAL");
    static final int REASON_MAX = 500;

    private static final String COLUMNS = """
            m.id, m.site_id, m.code, m.name, m.unit, m.unit_cost, m.active, m.version,
            coalesce((select sum(case when v.kind = 'OUT' then -v.quantity else v.quantity end)
                      from workshop.material_movement v where v.material_id = m.id), 0) as on_hand
            """;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Access access;
    private final Clock clock;

    Materials(JdbcClient jdbc, AuditLog audit, Access access, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
    }

    List<MaterialView> ofSite(long siteId) {
        return jdbc.sql("select " + COLUMNS + " from workshop.material m where m.site_id = ? order by m.active desc, "
                        + "m.code")
                .param(siteId)
                .query(Materials::map)
                .list();
    }

    Optional<MaterialView> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from workshop.material m where m.id = ?")
                .param(id)
                .query(Materials::map)
                .optional();
    }

    MaterialView get(long id) {
        return find(id).orElseThrow(() -> BusinessException.notFound(GoodsScope.NOT_FOUND, id));
    }

    @Transactional
    MaterialView create(long siteId, MaterialCommand command) {
        String code = command.code().trim().toUpperCase(Locale.ROOT);
        long id;
        try {
            id = jdbc.sql("""
                            insert into workshop.material (site_id, code, name, unit, unit_cost, active)
                            values (?, ?, ?, ?, ?, ?) returning id
                            """)
                    .params(
                            siteId,
                            code,
                            command.name().trim(),
                            command.unit().trim(),
                            command.unitCost(),
                            command.isActive())
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("code", "goods.material.codeTaken", code);
        }
        audit.record(AuditRecord.of(AuditAction.CREATE, "WorkshopMaterial", id)
                .unit(siteId)
                .change("code", null, code)
                .change("unitCost", null, command.unitCost()));
        return get(id);
    }

    @Transactional
    MaterialView update(long id, int expectedVersion, MaterialCommand command) {
        MaterialView current = get(id);
        String code = command.code().trim().toUpperCase(Locale.ROOT);
        int updated;
        try {
            updated = jdbc.sql("""
                            update workshop.material set code = ?, name = ?, unit = ?, unit_cost = ?, active = ?,
                                version = version + 1
                            where id = ? and version = ?
                            """)
                    .params(
                            code,
                            command.name().trim(),
                            command.unit().trim(),
                            command.unitCost(),
                            command.isActive(),
                            id,
                            expectedVersion)
                    .update();
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("code", "goods.material.codeTaken", code);
        }
        if (updated == 0) {
            throw new OptimisticLockingFailureException("material " + id + " changed since " + expectedVersion);
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, "WorkshopMaterial", id)
                .unit(current.siteId())
                .change("code", current.code(), code)
                .change("name", current.name(), command.name().trim())
                .change("unitCost", current.unitCost().value(), command.unitCost())
                .change("active", current.active(), command.isActive()));
        return get(id);
    }

    /**
     * Records a movement, or refuses it with nothing written: no kind or date (422), a date in the future, a quantity of
     * zero or below for IN and OUT (zero for ADJUST), a purchase without its cost, a correction without its reason, a
     * work order of another site, or stock that would fall below zero (422, naming the material and what is there).
     */
    @Transactional
    MovementView move(long materialId, MovementCommand command) {
        if (command == null || command.kind() == null) {
            throw BusinessException.invalid("kind", "validation.required");
        }
        LocalDate on = command.movedOn();
        if (on == null) {
            throw BusinessException.invalid("movedOn", "validation.required");
        }
        if (on.isAfter(LocalDate.now(clock))) {
            throw BusinessException.invalid("movedOn", "goods.date.future");
        }
        Integer quantity = command.quantity();
        if (quantity == null) {
            throw BusinessException.invalid("quantity", "validation.required");
        }
        MovementKind kind = command.kind();
        if (kind == MovementKind.ADJUST ? quantity == 0 : quantity <= 0) {
            throw BusinessException.invalid(
                    "quantity", kind == MovementKind.ADJUST ? "goods.quantity.nonZero" : "goods.quantity.positive");
        }
        String reason = blankToNull(command.reason());
        if (kind == MovementKind.ADJUST && reason == null) {
            throw BusinessException.invalid("reason", "goods.material.reasonRequired");
        }
        if (reason != null && reason.length() > REASON_MAX) {
            throw BusinessException.invalid("reason", "validation.maxLength", REASON_MAX);
        }
        if (kind == MovementKind.IN && (command.cost() == null || command.cost() < 0)) {
            throw BusinessException.invalid("cost", "goods.material.costRequired");
        }
        // lock the material: the stock check and the insert below see every movement committed before
        MaterialView material = jdbc.sql("select id from workshop.material where id = ? for update")
                .param(materialId)
                .query(Long.class)
                .optional()
                .map(this::get)
                .orElseThrow(() -> BusinessException.notFound(GoodsScope.NOT_FOUND, materialId));
        Long workOrder = command.workOrderId();
        if (workOrder != null) {
            boolean ofSite = kind == MovementKind.OUT
                    && jdbc.sql("select count(*) from workshop.work_order where id = ? and site_id = ?")
                                    .params(workOrder, material.siteId())
                                    .query(Long.class)
                                    .single()
                            > 0;
            if (!ofSite) {
                throw BusinessException.invalid("workOrderId", "goods.material.workOrderUnknown");
            }
        }
        long delta = kind == MovementKind.OUT ? -quantity : quantity;
        if (material.onHand() + delta < 0) {
            throw BusinessException.invalid(
                    "quantity", "goods.material.belowZero", material.name(), material.onHand(), material.unit());
        }
        long value = kind == MovementKind.IN
                ? command.cost()
                : Math.multiplyExact((long) quantity, material.unitCost().value());
        long id = jdbc.sql("""
                        insert into workshop.material_movement (material_id, site_id, kind, moved_on, quantity, value,
                            work_order_id, reason, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        materialId,
                        material.siteId(),
                        kind.name(),
                        on,
                        quantity,
                        value,
                        workOrder,
                        reason,
                        access.currentUser().map(PeduliPrincipal::userId).orElse(null))
                .query(Long.class)
                .single();
        audit.record(AuditRecord.of(MOVE_MATERIAL, "WorkshopMaterial", materialId)
                .unit(material.siteId())
                .change("kind", null, kind.name())
                .change("quantity", material.onHand(), material.onHand() + delta));
        return new MovementView(
                id,
                materialId,
                kind,
                on,
                (int) (kind == MovementKind.OUT ? -quantity : quantity),
                Money.of(value),
                workOrder,
                reason);
    }

    List<MovementView> movements(long materialId) {
        return jdbc.sql("""
                        select id, material_id, kind, moved_on, quantity, value, work_order_id, reason
                        from workshop.material_movement where material_id = ? order by moved_on desc, id desc
                        """)
                .param(materialId)
                .query((rs, row) -> {
                    MovementKind kind = MovementKind.valueOf(rs.getString("kind"));
                    int quantity = rs.getInt("quantity");
                    Long workOrder = rs.getObject("work_order_id", Long.class);
                    return new MovementView(
                            rs.getLong("id"),
                            rs.getLong("material_id"),
                            kind,
                            rs.getObject("moved_on", LocalDate.class),
                            kind == MovementKind.OUT ? -quantity : quantity,
                            Money.of(rs.getLong("value")),
                            workOrder,
                            rs.getString("reason"));
                })
                .list();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static MaterialView map(ResultSet rs, int row) throws SQLException {
        return new MaterialView(
                rs.getLong("id"),
                rs.getLong("site_id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("unit"),
                Money.of(rs.getLong("unit_cost")),
                rs.getBoolean("active"),
                rs.getLong("on_hand"),
                rs.getInt("version"));
    }
}
