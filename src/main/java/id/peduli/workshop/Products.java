package id.peduli.workshop;

import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.shared.BusinessException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The products of a centre, which all its sites make and sell. Codes are unique per centre (case-insensitive). */
@Service
class Products {

    private static final String COLUMNS = "id, centre_id, code, name, unit, sale_price, active, version";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Products(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    List<ProductView> ofCentre(long centreId) {
        return jdbc.sql("select " + COLUMNS + " from workshop.product where centre_id = ? order by active desc, code")
                .param(centreId)
                .query(Products::map)
                .list();
    }

    List<ProductView> ofCentres(Collection<Long> centreIds) {
        if (centreIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS
                        + " from workshop.product where centre_id in (:ids) order by centre_id, code")
                .param("ids", centreIds)
                .query(Products::map)
                .list();
    }

    Optional<ProductView> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from workshop.product where id = ?")
                .param(id)
                .query(Products::map)
                .optional();
    }

    ProductView get(long id) {
        return find(id).orElseThrow(() -> BusinessException.notFound("workshop.productNotFound", id));
    }

    @Transactional
    ProductView create(long centreId, ProductCommand command) {
        long id;
        try {
            id = jdbc.sql("""
                            insert into workshop.product (centre_id, code, name, unit, sale_price, active)
                            values (?, ?, ?, ?, ?, ?) returning id
                            """)
                    .params(
                            centreId,
                            command.code().trim().toUpperCase(java.util.Locale.ROOT),
                            command.name().trim(),
                            command.unit().trim(),
                            command.salePrice(),
                            command.active())
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict(
                    "code", "workshop.productCodeTaken", command.code().trim());
        }
        audit.record(AuditRecord.of(AuditAction.CREATE, "WorkshopProduct", id)
                .unit(centreId)
                .change("code", null, command.code().trim())
                .change("salePrice", null, command.salePrice()));
        return get(id);
    }

    @Transactional
    ProductView update(long id, int expectedVersion, ProductCommand command) {
        ProductView current = get(id);
        int updated;
        try {
            updated = jdbc.sql("""
                            update workshop.product set code = ?, name = ?, unit = ?, sale_price = ?, active = ?,
                                version = version + 1
                            where id = ? and version = ?
                            """)
                    .params(
                            command.code().trim().toUpperCase(java.util.Locale.ROOT),
                            command.name().trim(),
                            command.unit().trim(),
                            command.salePrice(),
                            command.active(),
                            id,
                            expectedVersion)
                    .update();
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict(
                    "code", "workshop.productCodeTaken", command.code().trim());
        }
        if (updated == 0) {
            throw new OptimisticLockingFailureException("product " + id + " changed since " + expectedVersion);
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, "WorkshopProduct", id)
                .unit(current.centreId())
                .change("code", current.code(), command.code().trim().toUpperCase(java.util.Locale.ROOT))
                .change("name", current.name(), command.name().trim())
                .change("salePrice", current.salePrice().value(), command.salePrice())
                .change("active", current.active(), command.active()));
        return get(id);
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
