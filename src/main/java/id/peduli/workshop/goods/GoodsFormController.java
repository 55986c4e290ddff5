package id.peduli.workshop.goods;

import id.peduli.platform.Ui;
import id.peduli.shared.BusinessException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The goods forms of materials, work orders and transfers (the sale forms are {@link SaleFormController}'s). Each posts
 * one action in one transaction: done, back to the page with the result; refused, the page again with status 422, the
 * form as typed, a list of what to fix linking each field, and the first field focused ({@link GoodsPages#answer}).
 */
@Controller
class GoodsFormController {

    private final Materials materials;
    private final WorkOrders workOrders;
    private final Transfers transfers;
    private final GoodsPages pages;
    private final Validator validator;

    GoodsFormController(
            Materials materials, WorkOrders workOrders, Transfers transfers, GoodsPages pages, Validator validator) {
        this.materials = materials;
        this.workOrders = workOrders;
        this.transfers = transfers;
        this.pages = pages;
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
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        GoodsPages.Post post = new GoodsPages.Post("materialForm", ui, model, request, response, redirect);
        String back = "redirect:/workshop/goods/sites/" + id + "#materials";
        return GoodsPages.answer(
                post,
                back,
                () -> {
                    MaterialCommand command = material(code, name, unit, unitCost, true);
                    MaterialView m = materials.create(id, command);
                    return ui.t("goods.material.saved", m.name());
                },
                () -> pages.site(id, model));
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
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        GoodsPages.Post post = new GoodsPages.Post("materialEditForm", ui, model, request, response, redirect);
        return GoodsPages.answer(
                post,
                "redirect:/workshop/goods/materials/" + id,
                () -> {
                    MaterialCommand command = material(code, name, unit, unitCost, active != null);
                    MaterialView m = materials.update(id, version == null ? -1 : version, command);
                    return ui.t("goods.material.saved", m.name());
                },
                () -> pages.material(id, model));
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
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        GoodsPages.Post post = new GoodsPages.Post("movementForm", ui, model, request, response, redirect);
        return GoodsPages.answer(
                post,
                "redirect:/workshop/goods/materials/" + id,
                () -> {
                    MovementCommand command = new MovementCommand(
                            parseEnum(MovementKind.class, kind, "kind"),
                            date(movedOn, "movedOn"),
                            integer(quantity, "quantity"),
                            number(cost, "cost"),
                            number(workOrderId, "workOrderId"),
                            reason);
                    MovementView movement = materials.move(id, command);
                    return ui.t("goods.material.moved", ui.t(movement.kind().labelKey()));
                },
                () -> pages.material(id, model));
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
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        GoodsPages.Post post = new GoodsPages.Post("workOrderForm", ui, model, request, response, redirect);
        return GoodsPages.answer(
                post,
                "redirect:/workshop/goods/sites/" + id + "#workOrders",
                () -> {
                    WorkOrderView order = workOrders.create(
                            id,
                            new WorkOrderCommand(
                                    buyer,
                                    number(productId, "productId"),
                                    integer(quantity, "quantity"),
                                    date(dueOn, "dueOn"),
                                    number(unitPrice, "unitPrice")));
                    return ui.t("goods.workOrder.saved", order.buyer());
                },
                () -> pages.site(id, model));
    }

    @PostMapping("/workshop/goods/work-orders/{id}/status")
    @PreAuthorize(GoodsRoles.WORK_ORDER_RECORD)
    String moveWorkOrder(
            @PathVariable long id,
            @RequestParam(value = "version", required = false) Integer version,
            @RequestParam(value = "status", required = false) String status,
            @RequestParam(value = "reason", required = false) String reason,
            Ui ui,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        long site = workOrders.get(id).siteId();
        GoodsPages.Post post = new GoodsPages.Post("workOrder" + id, ui, model, request, response, redirect);
        return GoodsPages.answer(
                post,
                "redirect:/workshop/goods/sites/" + site + "#workOrders",
                () -> {
                    WorkOrderView order = workOrders.move(
                            id,
                            version == null ? -1 : version,
                            parseEnum(WorkOrderStatus.class, status, "status"),
                            reason);
                    return ui.t(
                            "goods.workOrder.moved",
                            order.buyer(),
                            ui.t(order.status().labelKey()));
                },
                () -> pages.site(site, model));
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
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        GoodsPages.Post post = new GoodsPages.Post("transferForm", ui, model, request, response, redirect);
        return GoodsPages.answer(
                post,
                "redirect:/workshop/goods/sites/" + id + "#transfers",
                () -> {
                    TransferView t = transfers.send(
                            id,
                            new TransferCommand(date(movedOn, "movedOn"), note, lines(productIds, quantities, null)));
                    return ui.t("goods.transfer.saved", t.lines().size());
                },
                () -> pages.site(id, model));
    }

    private MaterialCommand material(String code, String name, String unit, String unitCost, boolean active) {
        return GoodsPages.valid(validator, new MaterialCommand(code, name, unit, number(unitCost, "unitCost"), active));
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
