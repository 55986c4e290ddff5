package id.peduli.casework;

import id.peduli.registry.ConsentPurposes;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The consent purposes of the programmes built on the case core: the sheltered workshop and family-based child
 * welfare. Any lawful basis may cover them; for an adult with an intellectual disability the registry accepts a
 * consent only when the person and the guardian give it together.
 */
@Component
class CaseworkConsentPurposes implements ConsentPurposes {

    static final String WORKSHOP_SERVICES = "WORKSHOP_SERVICES";
    static final String CHILD_WELFARE_SERVICES = "CHILD_WELFARE_SERVICES";

    @Override
    public List<Purpose> purposes() {
        return List.of(
                Purpose.anyBasis(WORKSHOP_SERVICES, "consentPurpose.WORKSHOP_SERVICES", 100),
                Purpose.anyBasis(CHILD_WELFARE_SERVICES, "consentPurpose.CHILD_WELFARE_SERVICES", 200));
    }
}
