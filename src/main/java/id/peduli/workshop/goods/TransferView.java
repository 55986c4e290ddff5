package id.peduli.workshop.goods;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** A transfer to the gallery: day, from which site, who recorded it, and the lines. */
@Schema(name = "WorkshopTransfer")
public record TransferView(
        long id,
        long siteId,
        String siteName,
        long galleryId,
        LocalDate movedOn,
        String recordedBy,
        String note,
        List<Line> lines) {

    /** One product sent and how many. */
    @Schema(name = "WorkshopTransferLine")
    public record Line(long productId, String name, String unit, int quantity) {}
}
