package id.peduli.workshop.goods;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** Finished goods sent from a site to the gallery shop of its centre. */
@Schema(name = "WorkshopTransferCommand")
public record TransferCommand(LocalDate movedOn, String note, List<GoodsLine> lines) {}
