package id.peduli.registry;

import id.peduli.registry.ConsentCommand.LawfulBasis;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The registry's own consent purposes: photos, data sharing, research and service delivery. The programmes declare
 * theirs in their own modules (the workshop and child welfare purposes in the case core).
 */
@Component
class RegistryConsentPurposes implements ConsentPurposes {

    @Override
    public List<Purpose> purposes() {
        return List.of(
                new Purpose("PHOTO_USE", "consentPurpose.PHOTO_USE", Set.of(LawfulBasis.CONSENT), 900),
                new Purpose(
                        "DATA_SHARING",
                        "consentPurpose.DATA_SHARING",
                        Set.of(LawfulBasis.CONSENT, LawfulBasis.LEGAL_OBLIGATION, LawfulBasis.PUBLIC_TASK),
                        910),
                new Purpose(
                        "RESEARCH",
                        "consentPurpose.RESEARCH",
                        Set.of(LawfulBasis.CONSENT, LawfulBasis.PUBLIC_TASK),
                        920),
                Purpose.anyBasis("SERVICE_DELIVERY", "consentPurpose.SERVICE_DELIVERY", 930));
    }
}
