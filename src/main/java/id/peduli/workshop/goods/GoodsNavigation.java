package id.peduli.workshop.goods;

import id.peduli.audit.AuditActions;
import id.peduli.audit.AuditLabels;
import id.peduli.platform.NavContributor;
import id.peduli.platform.NavItem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The goods' menu entry, the audit actions they declare and their words in the processing log. */
@Configuration(proxyBeanMethods = false)
class GoodsNavigation {

    @Bean
    NavContributor workshopGoodsNav() {
        return () -> List.of(new NavItem("main", "nav.workshopGoods", "/workshop/goods", 315, Set.of(GoodsRoles.READ)));
    }

    @Bean
    AuditActions workshopGoodsAuditActions() {
        return () -> List.of(
                Materials.MOVE_MATERIAL,
                WorkOrders.MOVE_WORK_ORDER,
                Transfers.TRANSFER_GOODS,
                Sales.SELL,
                SaleCorrections.CANCEL_SALE,
                SaleCorrections.RETURN_SALE);
    }

    @Bean
    AuditLabels workshopGoodsAuditLabels() {
        return new AuditLabels() {
            @Override
            public List<String> subjectTypes() {
                return List.of("WorkshopMaterial", "WorkshopWorkOrder", "WorkshopTransfer", "WorkshopSale");
            }

            @Override
            public Map<String, List<String>> valueKeyPrefixes() {
                return Map.of(
                        "kind", List.of("goods.movement."),
                        "status", List.of("goods.workOrderStatus."),
                        "channel", List.of("goods.channel."));
            }
        };
    }
}
