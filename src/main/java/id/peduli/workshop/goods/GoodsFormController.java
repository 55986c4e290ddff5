package id.peduli.workshop.goods;

import id.peduli.platform.Flash;
import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The goods forms. Each posts one action in one transaction and comes back to the page it was sent from, with the
 * result or the reason it was refused in the reader's language; a refused action has written nothing.
 */
@Controller
class GoodsFormController {

    private final Materials materials;
    private final WorkOrders workOrders;
    private final Transfers transfers;
    private final Sales sales;
    private final Validator validator;

    GoodsFormController(
            Materials materials, WorkOrders workOrders, Transfers transfers, Sales sales, Validator validator) {
        this.materials = materials;
        this.workOrders = workOrders;
        this.transfers = transfers;
        this.sales = sales;
        this.validator = validator;
    }

    @PostMapping("/workshop/goods/sites/{id}/materials")
    @PreAuthorize(GoodsRoles.SITE_MANAGE)
    String addMaterial(
            @PathVariable long id,
            @RequestParam(value = "code", required = false) String code,
            @RequestParam(value = "name", required = false) String name,
            @RequestParam(value = "unit", required = false) String unit,
            @RequestParam(value = "unitCost", required = false) String unitCost,
            Ui ui,
            RedirectAttributes redirect) {
        String back = "redirect:/workshop/goods/sites/" + id + "#materials";
        return run(ui, redirect, back, () -> {
            MaterialCommand command = material(code, name, unit, unitCost, true);
            MaterialView m = materials.create(id, command);
            return ui.t("goods.material.saved", m.name());
        });
    }

    @PostMapping("/workshop/goods/materials/{id}")
    @PreAuthorize(GoodsRoles.MATERIAL_MANAGE)
    String updateMaterial(
            @PathVariable long id,
            @RequestParam(value = "version", required = false) Integer version,
            @RequestParam(value = "code", required = false) String code,
            @RequestParam(value = "name", required = false) String name,
            @RequestParam(value = "unit", required = false) String unit,
            @RequestParam(value = "unitCost", required = false) String unitCost,
            @RequestParam(value = "active", required = false) String active,
            Ui ui,
            RedirectAttributes redirect) {
        return run(ui, redirect, "redirect:/workshop/goods/materials/" + id, () -> {
            MaterialCommand command = material(code, name, unit, unitCost, active != null);
            MaterialView m = materials.update(id, version == null ? -1 : version, command);
            return ui.t("goods.material.saved", m.name());
        });
    }

    @PostMapping("/workshop/goods/materials/{id}/movements")
    @PreAuthorize(GoodsRoles.MATERIAL_RECORD)
    String move(
            @PathVariable long id,
            @RequestParam(value = "kind", required = false) String kind,
            @RequestParam(value = "movedOn", required = false) String movedOn,
            @RequestParam(value = "quantity", required = false) String quantity,
            @RequestParam(value = "cost", required = false) String cost,
            @RequestParam(value = "workOrderId", required = false) String workOrderId,
            @RequestParam(value = "reason", required = false) String reason,
            Ui ui,
            RedirectAttributes redirect) {
        return run(ui, redirect, "redirect:/workshop/goods/materials/" + id, () -> {
            MovementCommand command = new MovementCommand(
                    parseEnum(MovementKind.class, kind, "kind"),
                    date(movedOn, "movedOn"),
                    integer(quantity, "quantity"),
                    number(cost, "cost"),
                    number(workOrderId, "workOrderId"),
                    reason);
            MovementView movement = materials.move(id, command);
            return ui.t("goods.material.moved", ui.t(movement.kind().labelKey()));
        });
    }

    @PostMapping("/workshop/goods/sites/{id}/work-orders")
    @PreAuthorize(GoodsRoles.SITE_RECORD)
    String addWorkOrder(
            @PathVariable long id,
            @RequestParam(value = "buyer", required = false) String buyer,
            @RequestParam(value = "productId", required = false) String productId,
            @RequestParam(value = "quantity", required = false) String quantity,
            @RequestParam(value = "dueOn", required = false) String dueOn,
            @RequestParam(value = "unitPrice", required = false) String unitPrice,
            Ui ui,
            RedirectAttributes redirect) {
        return run(ui, redirect, "redirect:/workshop/goods/sites/" + id + "#workOrders", () -> {
            WorkOrderView order = workOrders.create(
                    id,
                    new WorkOrderCommand(
                            buyer,
                            number(productId, "productId"),
                            integer(quantity, "quantity"),
                            date(dueOn, "dueOn"),
                            number(unitPrice, "unitPrice")));
            return ui.t("goods.workOrder.saved", order.buyer());
        });
    }

    @PostMapping("/workshop/goods/work-orders/{id}/status")
    @PreAuthorize(GoodsRoles.WORK_ORDER_RECORD)
    String moveWorkOrder(
            @PathVariable long id,
            @RequestParam(value = "version", required = false) Integer version,
            @RequestParam(value = "status", required = false) String status,
            @RequestParam(value = "reason", required = false) String reason,
            Ui ui,
            RedirectAttributes redirect) {
        long site = workOrders.get(id).siteId();
        return run(ui, redirect, "redirect:/workshop/goods/sites/" + site + "#workOrders", () -> {
            WorkOrderView order = workOrders.move(
                    id, version == null ? -1 : version, parseEnum(WorkOrderStatus.class, status, "status"), reason);
            return ui.t(
                    "goods.workOrder.moved", order.buyer(), ui.t(order.status().labelKey()));
        });
    }

    @PostMapping("/workshop/goods/sites/{id}/transfers")
    @PreAuthorize(GoodsRoles.SITE_RECORD)
    String transfer(
            @PathVariable long id,
            @RequestParam(value = "movedOn", required = false) String movedOn,
            @RequestParam(value = "note", required = false) String note,
            @RequestParam(value = "productId", required = false) List<String> productIds,
            @RequestParam(value = "quantity", required = false) List<String> quantities,
            Ui ui,
            RedirectAttributes redirect) {
        return run(ui, redirect, "redirect:/workshop/goods/sites/" + id + "#transfers", () -> {
            TransferView t = transfers.send(
                    id, new TransferCommand(date(movedOn, "movedOn"), note, lines(productIds, quantities, null)));
            return ui.t("goods.transfer.saved", t.lines().size());
        });
    }

    @PostMapping("/workshop/goods/sites/{id}/sales")
    @PreAuthorize(GoodsRoles.SITE_RECORD)
    String sellFromSite(
            @PathVariable long id,
            @RequestParam(value = "soldOn", required = false) String soldOn,
            @RequestParam(value = "buyer", required = false) String buyer,
            @RequestParam(value = "channel", required = false) String channel,
            @RequestParam(value = "workOrderId", required = false) String workOrderId,
            @RequestParam(value = "note", required = false) String note,
            @RequestParam(value = "productId", required = false) List<String> productIds,
            @RequestParam(value = "quantity", required = false) List<String> quantities,
            @RequestParam(value = "unitPrice", required = false) List<String> prices,
            Ui ui,
            RedirectAttributes redirect) {
        return sell(
                id,
                false,
                "redirect:/workshop/goods/sites/" + id + "#sales",
                soldOn,
                buyer,
                channel,
                workOrderId,
                note,
                productIds,
                quantities,
                prices,
                ui,
                redirect);
    }

    @PostMapping("/workshop/goods/galleries/{id}/sales")
    @PreAuthorize(GoodsRoles.GALLERY_RECORD)
    String sellFromGallery(
            @PathVariable long id,
            @RequestParam(value = "soldOn", required = false) String soldOn,
            @RequestParam(value = "buyer", required = false) String buyer,
            @RequestParam(value = "channel", required = false) String channel,
            @RequestParam(value = "note", required = false) String note,
            @RequestParam(value = "productId", required = false) List<String> productIds,
            @RequestParam(value = "quantity", required = false) List<String> quantities,
            @RequestParam(value = "unitPrice", required = false) List<String> prices,
            Ui ui,
            RedirectAttributes redirect) {
        return sell(
                id,
                true,
                "redirect:/workshop/goods/galleries/" + id + "#sales",
                soldOn,
                buyer,
                channel,
                null,
                note,
                productIds,
                quantities,
                prices,
                ui,
                redirect);
    }

    @PostMapping("/workshop/goods/sales/{id}")
    @PreAuthorize(GoodsRoles.SALE_RECORD)
    String amendSale(
            @PathVariable long id,
            @RequestParam(value = "version", required = false) Integer version,
            @RequestParam(value = "buyer", required = false) String buyer,
            @RequestParam(value = "note", required = false) String note,
            Ui ui,
            RedirectAttributes redirect) {
        return run(ui, redirect, "redirect:/workshop/goods/sales/" + id, () -> {
            SaleView sale = sales.amend(id, version == null ? -1 : version, buyer, note);
            return ui.t("goods.sale.amended", sale.invoiceNumber());
        });
    }

    private String sell(
            long id,
            boolean gallery,
            String back,
            String soldOn,
            String buyer,
            String channel,
            String workOrderId,
            String note,
            List<String> productIds,
            List<String> quantities,
            List<String> prices,
            Ui ui,
            RedirectAttributes redirect) {
        long[] saleId = {0};
        String result = run(ui, redirect, back, () -> {
            SaleView sale = sales.sell(
                    id,
                    gallery,
                    new SaleCommand(
                            date(soldOn, "soldOn"),
                            buyer,
                            parseEnum(SaleChannel.class, channel, "channel"),
                            number(workOrderId, "workOrderId"),
                            note,
                            lines(productIds, quantities, prices)));
            saleId[0] = sale.id();
            return ui.t("goods.sale.saved", sale.invoiceNumber(), sale.total().format());
        });
        return saleId[0] == 0 ? result : "redirect:/workshop/goods/sales/" + saleId[0];
    }

    private String run(Ui ui, RedirectAttributes redirect, String back, Supplier<String> action) {
        try {
            Flash.success(redirect, action.get());
        } catch (BusinessException e) {
            Flash.error(redirect, ui.t(e.messageKey(), e.args()));
        } catch (OptimisticLockingFailureException e) {
            Flash.error(redirect, ui.t("error.staleVersion"));
        } catch (Refused e) {
            Flash.error(redirect, ui.t(e.fieldKey) + ": " + e.getMessage());
        }
        return back;
    }

    /** A form field refused by its constraints, with the message already in the reader's language. */
    private static final class Refused extends RuntimeException {

        private final String fieldKey;

        Refused(String fieldKey, String message) {
            super(message, null, false, false);
            this.fieldKey = fieldKey;
        }
    }

    private MaterialCommand material(String code, String name, String unit, String unitCost, boolean active) {
        MaterialCommand command = new MaterialCommand(code, name, unit, number(unitCost, "unitCost"), active);
        Set<ConstraintViolation<MaterialCommand>> violations = validator.validate(command);
        violations.stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .findFirst()
                .ifPresent(v -> {
                    throw new Refused("goods.field." + v.getPropertyPath(), v.getMessage());
                });
        return command;
    }

    static List<GoodsLine> lines(List<String> productIds, List<String> quantities, List<String> prices) {
        List<GoodsLine> lines = new ArrayList<>();
        if (productIds == null) {
            return lines;
        }
        for (int i = 0; i < productIds.size(); i++) {
            Long product = number(productIds.get(i), "lines");
            if (product == null) {
                continue;
            }
            lines.add(new GoodsLine(
                    product,
                    integer(at(quantities, i), "lines"),
                    prices == null ? null : number(at(prices, i), "lines")));
        }
        return lines;
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() ? null : values.get(i);
    }

    static Long number(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip().replace(".", ""));
        } catch (NumberFormatException e) {
            throw BusinessException.invalid(field, "goods.number.invalid");
        }
    }

    static Integer integer(String value, String field) {
        Long number = number(value, field);
        if (number == null) {
            return null;
        }
        if (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE) {
            throw BusinessException.invalid(field, "goods.number.invalid");
        }
        return number.intValue();
    }

    static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw BusinessException.invalid(field, "goods.date.invalid");
        }
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw BusinessException.invalid(field, "goods.choice.invalid");
        }
    }
}
