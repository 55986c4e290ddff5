package id.peduli.workshop.goods;

import id.peduli.audit.AuditAction;
import id.peduli.audit.AuditLog;
import id.peduli.audit.AuditRecord;
import id.peduli.platform.ApiDownload;
import id.peduli.platform.Idempotent;
import id.peduli.workshop.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workshop's goods over the API: materials and their movements, work orders, finished-goods stock of a site or a
 * gallery shop, transfers to the gallery, sales and invoices. Scope is checked before anything is loaded: an object
 * outside the caller's units answers 404 like a missing one. Creating calls take an {@code Idempotency-Key}; changes
 * send the version read.
 */
@RestController
@RequestMapping("/api/v1/workshop")
@Tag(name = "Sheltered workshop goods", description = "Materials, work orders, stock, transfers and sales of SW Peduli")
class GoodsApiController {

    private final Locations locations;
    private final Materials materials;
    private final MaterialCosts costs;
    private final WorkOrders workOrders;
    private final FinishedGoods goods;
    private final Transfers transfers;
    private final Sales sales;
    private final Invoices invoices;
    private final AuditLog audit;

    GoodsApiController(
            Locations locations,
            Materials materials,
            MaterialCosts costs,
            WorkOrders workOrders,
            FinishedGoods goods,
            Transfers transfers,
            Sales sales,
            Invoices invoices,
            AuditLog audit) {
        this.locations = locations;
        this.materials = materials;
        this.costs = costs;
        this.workOrders = workOrders;
        this.goods = goods;
        this.transfers = transfers;
        this.sales = sales;
        this.invoices = invoices;
        this.audit = audit;
    }

    @Schema(name = "WorkshopMaterialUpdateRequest")
    record MaterialUpdate(
            @NotNull(message = "{validation.required}") Integer version,

            @Valid @NotNull(message = "{validation.required}")
            MaterialCommand material) {}

    @Schema(name = "WorkshopWorkOrderMoveRequest")
    record WorkOrderMove(
            @NotNull(message = "{validation.required}") Integer version,
            @NotNull(message = "{validation.required}") WorkOrderStatus status,
            String reason) {}

    @Schema(name = "WorkshopSaleUpdateRequest")
    record SaleUpdate(
            @NotNull(message = "{validation.required}") Integer version, String buyer, String note) {}

    @Schema(name = "WorkshopMaterialCosts")
    record Costs(long siteId, YearMonth period, Money cost) {}

    @GetMapping("/sites/{id}/materials")
    @PreAuthorize(GoodsRoles.SITE_READ)
    @Operation(summary = "The site's materials with their stock on hand")
    List<MaterialView> materials(@PathVariable long id) {
        locations.site(id);
        return materials.ofSite(id);
    }

    @PostMapping("/sites/{id}/materials")
    @PreAuthorize(GoodsRoles.SITE_MANAGE)
    @Idempotent
    @Operation(summary = "Add a material to the site: code (unique per site), name, unit and unit cost in rupiah")
    ResponseEntity<MaterialView> addMaterial(@PathVariable long id, @Valid @RequestBody MaterialCommand command) {
        locations.site(id);
        MaterialView material = materials.create(id, command);
        return ResponseEntity.created(URI.create("/api/v1/workshop/materials/" + material.id()))
                .body(material);
    }

    @PutMapping("/materials/{id}")
    @PreAuthorize(GoodsRoles.MATERIAL_MANAGE)
    @Operation(summary = "Change a material; send the version you read (optimistic locking)")
    MaterialView updateMaterial(@PathVariable long id, @Valid @RequestBody MaterialUpdate request) {
        return materials.update(id, request.version(), request.material());
    }

    @GetMapping("/materials/{id}/movements")
    @PreAuthorize(GoodsRoles.MATERIAL_READ)
    @Operation(summary = "The material's movements, latest first; OUT quantities are negative")
    List<MovementView> movements(@PathVariable long id) {
        materials.get(id);
        return materials.movements(id);
    }

    @PostMapping("/materials/{id}/movements")
    @PreAuthorize(GoodsRoles.MATERIAL_RECORD)
    @Idempotent
    @Operation(
            summary = "Record IN (with cost), OUT (optionally for a work order) or ADJUST (with reason); refused "
                    + "when the stock would fall below zero")
    ResponseEntity<MovementView> move(@PathVariable long id, @RequestBody MovementCommand command) {
        MovementView movement = materials.move(id, command);
        return ResponseEntity.created(URI.create("/api/v1/workshop/materials/" + id + "/movements"))
                .body(movement);
    }

    @GetMapping("/sites/{id}/material-costs")
    @PreAuthorize(GoodsRoles.SITE_READ)
    @Operation(summary = "The worth of the materials the site used in a month (YYYY-MM)")
    Costs materialCosts(@PathVariable long id, @RequestParam("period") YearMonth period) {
        locations.site(id);
        return new Costs(id, period, costs.ofSite(id, period));
    }

    @GetMapping("/sites/{id}/work-orders")
    @PreAuthorize(GoodsRoles.SITE_READ)
    @Operation(summary = "The site's work orders, pending first by due date; overdue flags late ones")
    List<WorkOrderView> workOrders(@PathVariable long id) {
        locations.site(id);
        return workOrders.ofSite(id);
    }

    @PostMapping("/sites/{id}/work-orders")
    @PreAuthorize(GoodsRoles.SITE_RECORD)
    @Idempotent
    @Operation(summary = "Take a work order: buyer, product, quantity, due date, unit price (default: sale price)")
    ResponseEntity<WorkOrderView> addWorkOrder(@PathVariable long id, @RequestBody WorkOrderCommand command) {
        WorkOrderView order = workOrders.create(id, command);
        return ResponseEntity.created(URI.create("/api/v1/workshop/work-orders/" + order.id()))
                .body(order);
    }

    @GetMapping("/work-orders/{id}")
    @PreAuthorize(GoodsRoles.WORK_ORDER_READ)
    @Operation(summary = "One work order")
    WorkOrderView workOrder(@PathVariable long id) {
        return workOrders.get(id);
    }

    @PostMapping("/work-orders/{id}/status")
    @PreAuthorize(GoodsRoles.WORK_ORDER_RECORD)
    @Operation(
            summary = "Move a work order: OPEN → IN_PRODUCTION → READY → DELIVERED, or CANCELLED with a reason; "
                    + "an illegal move answers 409")
    WorkOrderView moveWorkOrder(@PathVariable long id, @Valid @RequestBody WorkOrderMove request) {
        return workOrders.move(id, request.version(), request.status(), request.reason());
    }

    @GetMapping("/sites/{id}/stock")
    @PreAuthorize(GoodsRoles.SITE_READ)
    @Operation(summary = "Finished goods at the site: accepted production minus sales minus transfers")
    List<StockLine> siteStock(@PathVariable long id) {
        Location site = locations.site(id);
        return goods.atSite(id, site.centreId());
    }

    @GetMapping("/galleries/{id}/stock")
    @PreAuthorize(GoodsRoles.GALLERY_READ)
    @Operation(summary = "Finished goods in the gallery shop of the centre: transfers received minus sales")
    List<StockLine> galleryStock(@PathVariable long id) {
        locations.gallery(id);
        return goods.atGallery(id);
    }

    @GetMapping("/sites/{id}/transfers")
    @PreAuthorize(GoodsRoles.SITE_READ)
    @Operation(summary = "The site's transfers to the gallery shop, latest first")
    List<TransferView> transfers(@PathVariable long id) {
        locations.site(id);
        return transfers.ofSite(id);
    }

    @PostMapping("/sites/{id}/transfers")
    @PreAuthorize(GoodsRoles.SITE_RECORD)
    @Idempotent
    @Operation(summary = "Send finished goods to the gallery shop of the site's centre; refused beyond the stock")
    ResponseEntity<TransferView> transfer(@PathVariable long id, @RequestBody TransferCommand command) {
        TransferView transfer = transfers.send(id, command);
        return ResponseEntity.created(URI.create("/api/v1/workshop/sites/" + id + "/transfers"))
                .body(transfer);
    }

    @GetMapping("/sites/{id}/sales")
    @PreAuthorize(GoodsRoles.SITE_READ)
    @Operation(summary = "The site's latest sales")
    List<SaleView> siteSales(@PathVariable long id) {
        locations.site(id);
        return sales.ofLocation(id, false, 500);
    }

    @PostMapping("/sites/{id}/sales")
    @PreAuthorize(GoodsRoles.SITE_RECORD)
    @Idempotent
    @Operation(summary = "Sell from the site's stock; refused beyond the stock; may deliver a ready work order")
    ResponseEntity<SaleView> sellFromSite(@PathVariable long id, @RequestBody SaleCommand command) {
        SaleView sale = sales.sell(id, false, command);
        return ResponseEntity.created(URI.create("/api/v1/workshop/sales/" + sale.id()))
                .body(sale);
    }

    @GetMapping("/galleries/{id}/sales")
    @PreAuthorize(GoodsRoles.GALLERY_READ)
    @Operation(summary = "The gallery shop's latest sales")
    List<SaleView> gallerySales(@PathVariable long id) {
        locations.gallery(id);
        return sales.ofLocation(id, true, 500);
    }

    @PostMapping("/galleries/{id}/sales")
    @PreAuthorize(GoodsRoles.GALLERY_RECORD)
    @Idempotent
    @Operation(summary = "Sell from the gallery shop's stock; refused beyond the stock")
    ResponseEntity<SaleView> sellFromGallery(@PathVariable long id, @RequestBody SaleCommand command) {
        SaleView sale = sales.sell(id, true, command);
        return ResponseEntity.created(URI.create("/api/v1/workshop/sales/" + sale.id()))
                .body(sale);
    }

    @GetMapping("/sales/{id}")
    @PreAuthorize(GoodsRoles.SALE_READ)
    @Operation(summary = "One sale with its lines and invoice number")
    SaleView sale(@PathVariable long id) {
        return sales.get(id);
    }

    @PutMapping("/sales/{id}")
    @PreAuthorize(GoodsRoles.SALE_RECORD)
    @Operation(summary = "Correct the buyer or note of a sale; send the version you read. Lines and total stay")
    SaleView amendSale(@PathVariable long id, @Valid @RequestBody SaleUpdate request) {
        return sales.amend(id, request.version(), request.buyer(), request.note());
    }

    @GetMapping(value = "/sales/{id}/invoice.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(GoodsRoles.SALE_READ)
    @ApiDownload(MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The sale's invoice as PDF, in Indonesian (lang=id, default) or English (lang=en)")
    ResponseEntity<byte[]> invoice(@PathVariable long id, @RequestParam(value = "lang", required = false) String lang) {
        SaleView sale = sales.get(id);
        Locale locale = "en".equals(lang) ? Locale.ENGLISH : Locale.forLanguageTag("id");
        byte[] pdf = invoices.pdf(sale, locations.of(sale.locationId(), sale.gallery()), locale);
        audit.record(AuditRecord.of(AuditAction.EXPORT, "WorkshopSale", id).unit(sale.locationId()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(pdf);
    }
}
